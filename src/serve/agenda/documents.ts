// The documents a meeting's API record links to, each with its media type: the minutes as Word,
// as HTML and as imported (when the meeting has public minutes), and each published reports pack.
// Papers are listed in the agenda record, where the visibility rule decides which can be fetched.
import type { Db } from "../../store/db.ts";
import { readAgenda } from "../../store/agenda/read.ts";
import { MEDIA_TYPES } from "../present/media-types.ts";
import { minutesDocumentUrls } from "../minute-taking/downloads.tsx";
import { agendaUrls } from "./urls.ts";

export interface MeetingDocumentLink {
  title: string;
  url: string;
  mediaType: (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES];
}

export async function meetingDocuments(db: Db, slug: string, hasPublicMinutes: boolean): Promise<MeetingDocumentLink[]> {
  const out: MeetingDocumentLink[] = [];
  if (hasPublicMinutes) {
    out.push({ title: "Minutes (Word)", url: minutesDocumentUrls.docx(slug), mediaType: MEDIA_TYPES.docx });
    out.push({ title: "Minutes (web page to print)", url: minutesDocumentUrls.html(slug), mediaType: MEDIA_TYPES.html });
    out.push({ title: "Minutes as imported (text, exempt items withheld)", url: agendaUrls.minutesDocument(slug), mediaType: MEDIA_TYPES.text });
  }
  // packs hold public business only, so every published one is listed
  const agenda = await readAgenda(db, slug);
  for (const p of agenda?.publications ?? []) {
    out.push({ title: p.sequence === 0 ? "Agenda reports pack" : `Supplementary agenda reports pack ${p.sequence}`, url: agendaUrls.pack(slug, p.sequence), mediaType: MEDIA_TYPES.pdf });
  }
  return out;
}
