// The OpenAPI description of a meeting's minutes as a document: not JSON, but the files the
// meeting's API record links to (its `documents`, each with its media type).
import { MEDIA_TYPES } from "../present/media-types.ts";

const problem = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const meetingId = { name: "id", in: "path", required: true, description: "meeting id", schema: { type: "string" } };

export const minutesDocumentPaths = {
  "/meetings/{id}/minutes.docx": {
    get: {
      summary: "The meeting's public minutes as a Word document, in the usual council layout (exempt items by title and ground only)",
      operationId: "getMinutesDocx",
      parameters: [meetingId],
      responses: { "200": { description: "the document, as an attachment", content: { [MEDIA_TYPES.docx]: { schema: { type: "string", format: "binary" } } } }, "404": problem("no such meeting, or its minutes are not public") },
    },
  },
  "/meetings/{id}/minutes.html": {
    get: {
      summary: "The meeting's public minutes as a web page to print (exempt items by title and ground only)",
      operationId: "getMinutesHtml",
      parameters: [meetingId],
      responses: { "200": { description: "the page", content: { [MEDIA_TYPES.html]: { schema: { type: "string" } } } }, "404": problem("no such meeting, or its minutes are not public") },
    },
  },
};
