// The agenda's part of the OpenAPI description, with the meeting's documents it links to.
import { MEDIA_TYPES } from "../present/media-types.ts";

const str = { type: "string" } as const;
const nstr = { type: ["string", "null"] } as const;
const int = { type: "integer" } as const;
const bool = { type: "boolean" } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: "object", properties, required });
const arr = (items: unknown) => ({ type: "array", items });
const problem = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });

const binary = { schema: { type: "string", format: "binary" } };

export const agendaPaths = {
  "/meetings/{id}/documents/{document}": {
    get: {
      summary: "A document of the meeting: its agenda reports pack, a supplementary pack, a paper, or its minutes as imported",
      description:
        "`pack`: the agenda reports pack (PDF); `supplement-N`: supplementary pack N (PDF); `paper-N`: a paper, as uploaded (PDF or Word), linked from the agenda's `download` (an exempt paper is 404 to the public); `minutes`: the imported minutes as text, exempt items withheld. Each is sent as an attachment.",
      operationId: "getMeetingDocument",
      parameters: [
        { name: "id", in: "path", required: true, description: "meeting id", schema: str },
        { name: "document", in: "path", required: true, description: "which document", schema: { type: "string", pattern: "^(?:pack|minutes|paper-[1-9][0-9]*|supplement-[1-9][0-9]*)$" } },
      ],
      responses: {
        "200": { description: "the document", content: { [MEDIA_TYPES.pdf]: binary, [MEDIA_TYPES.docx]: binary, [MEDIA_TYPES.text]: { schema: str } } },
        "400": problem("not a document name"),
        "404": problem("no such document, or not public"),
      },
    },
  },
  "/api/v1/meetings/{id}/agenda": {
    get: {
      summary: "A meeting's published agenda: its publications (with reports packs and any reason for lateness), items and papers",
      description: "Only what has been published. An exempt item shows its title and ground only; an exempt paper has no `download`.",
      operationId: "getAgenda",
      parameters: [{ name: "id", in: "path", required: true, description: "meeting id", schema: str }],
      responses: { "200": { description: "OK", content: { "application/json": { schema: ref("Agenda") } } }, "404": problem("no such meeting") },
    },
  },
};

export const agendaSchemas = {
  Agenda: obj({
    meeting: obj({ id: str, url: str }),
    publications: arr(ref("AgendaPublication")),
    items: arr(ref("AgendaItem")),
  }),
  AgendaPublication: obj({
    sequence: { ...int, description: "0: the agenda; 1, 2, …: supplements" },
    publishedAt: { type: "string", format: "date-time" },
    clearWorkingDays: { ...int, description: "working days between publication and the meeting, neither counted (LGA 1972 s.100B)" },
    requiredClearWorkingDays: int,
    late: bool,
    lateReason: nstr,
    pack: obj({ url: str, mediaType: { type: "string", enum: [MEDIA_TYPES.pdf] }, pages: int, bytes: int }),
  }),
  AgendaItem: obj({
    number: str,
    title: str,
    reportAuthor: nstr,
    wards: nstr,
    decisionMaker: nstr,
    exempt: bool,
    exemptParagraph: { ...nstr, description: "paragraph of Part 1 of Schedule 12A to the Local Government Act 1972" },
    supplement: { type: ["integer", "null"], description: "the supplement that published it; null: the agenda" },
    changes: { ...arr(obj({ on: { type: "string", format: "date" }, at: { type: "string", format: "date-time" }, reason: str })), description: "changes made to the item after it was published, oldest first, each with the reason given" },
    papers: arr(ref("AgendaPaper")),
  }),
  AgendaPaper: obj({
    title: str,
    format: { type: "string", enum: ["pdf", "docx"] },
    bytes: int,
    pages: { type: ["integer", "null"] },
    exempt: bool,
    exemptParagraph: nstr,
    download: { ...nstr, description: "path of the file; null when it is exempt" },
    mediaType: { type: "string", enum: [MEDIA_TYPES.pdf, MEDIA_TYPES.docx] },
  }),
  MeetingDocument: obj({
    title: str,
    url: { ...str, description: "path of the document: /meetings/{id}/minutes.docx, /meetings/{id}/minutes.html or /meetings/{id}/documents/{document}" },
    mediaType: { type: "string", enum: Object.values(MEDIA_TYPES) },
  }),
};
