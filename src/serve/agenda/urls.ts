// The agenda's addresses: the clerk's workspace page and its forms, and the public downloads under
// a meeting's own address (papers, reports packs, the minutes document).
const m = (slug: string) => encodeURIComponent(slug);

export const agendaUrls = {
  admin: (slug: string) => `/admin/meetings/${m(slug)}/agenda`,
  addItem: (slug: string) => `/admin/meetings/${m(slug)}/agenda/items`,
  removeItem: (slug: string, id: number) => `/admin/meetings/${m(slug)}/agenda/items/${id}/remove`,
  /** the item's edit page (GET) and its save (POST) */
  editItem: (slug: string, id: number) => `/admin/meetings/${m(slug)}/agenda/items/${id}`,
  moveItem: (slug: string, id: number) => `/admin/meetings/${m(slug)}/agenda/items/${id}/move`,
  addPaper: (slug: string) => `/admin/meetings/${m(slug)}/agenda/papers`,
  removePaper: (slug: string, id: number) => `/admin/meetings/${m(slug)}/agenda/papers/${id}/remove`,
  publish: (slug: string) => `/admin/meetings/${m(slug)}/agenda/publish`,
  paper: (slug: string, id: number) => `/meetings/${m(slug)}/documents/paper-${id}`,
  /** sequence 0: the agenda reports pack; 1, 2, …: supplementary packs */
  pack: (slug: string, sequence: number) => `/meetings/${m(slug)}/documents/${sequence === 0 ? "pack" : `supplement-${sequence}`}`,
  /** the minutes as imported, as text with exempt parts withheld (only the current version is public) */
  minutesDocument: (slug: string) => `/meetings/${m(slug)}/documents/minutes`,
  api: (slug: string) => `/api/v1/meetings/${m(slug)}/agenda`,
};

/** The paths that take a POST here (behind the account guard: session, Origin and form token). */
export const AGENDA_POSTS = /^\/admin\/meetings\/[^/]+\/agenda\/(?:items|papers|publish|items\/\d+(?:\/move)?|(?:items|papers)\/\d+\/remove)$/;
/** The one that carries a file, bounded by the paper size limit rather than a form's. */
export const AGENDA_UPLOAD = /^\/admin\/meetings\/[^/]+\/agenda\/papers$/;
