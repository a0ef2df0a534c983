// Where a meeting's correction pages live.
export const correctUrl = (slug: string) => `/admin/meetings/${encodeURIComponent(slug)}/correct`;

/** The workspace POSTs this area answers: a correction form's save, a conflict's choice. */
export const CORRECTION_POST = /^\/admin\/meetings\/[^/]+\/correct\/(header|attendance\/\d+|items\/\d+|items\/\d+\/decisions\/\d+|declarations\/\d+|recommendations\/\d+|conflicts\/\d+)$/;
