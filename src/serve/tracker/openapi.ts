// The tracker's part of the OpenAPI description, for the portal's document to include:
// `paths: { …, ...trackerPaths }` and `schemas: { …, ...trackerSchemas }`.

const str = { type: "string" } as const;
const nstr = { type: ["string", "null"] } as const;
const int = { type: "integer" } as const;
const bool = { type: "boolean" } as const;
const date = { type: "string", format: "date" } as const;
const ndate = { type: ["string", "null"], format: "date" } as const;
const dateOrMonth = { type: "string", pattern: "^\\d{4}-\\d{2}(-\\d{2})?$", description: "YYYY-MM-DD, or YYYY-MM meaning by the end of that month" } as const;
const nDateOrMonth = { ...dateOrMonth, type: ["string", "null"] } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: "object", properties, required });
const arr = (items: unknown) => ({ type: "array", items });
const nobj = (properties: Record<string, unknown>) => ({ oneOf: [obj(properties), { type: "null" }] });
const enumOf = (values: readonly string[], nullable = false) => (nullable ? { enum: [...values, null] } : { type: "string", enum: [...values] });

const param = (name: string, description: string, schema: unknown = str, where: "query" | "path" = "query") => ({ name, in: where, required: where === "path", description, schema });
const pageParams = [param("limit", "page size (1–500, default 50)", { type: "integer", minimum: 1, maximum: 500 }), param("offset", "items to skip", { type: "integer", minimum: 0 })];
const asOfParam = param("asOf", "judge status and overdue on this date (default: today in the authority's time zone)", date);
const listOf = (item: string) => obj({ data: arr(ref(item)), total: int, limit: int, offset: int, next: nstr });
const errors = {
  "400": { description: "invalid request", content: { "application/json": { schema: ref("Error") } } },
  "404": { description: "not found", content: { "application/json": { schema: ref("Error") } } },
};
const ok = (schema: unknown) => ({ "200": { description: "OK", content: { "application/json": { schema } } }, ...errors });

const STATUSES = ["awaiting_response", "accepted", "partially_accepted", "rejected", "on_track", "at_risk", "off_track", "implemented", "not_implemented", "superseded"] as const;
const bodyRef = obj({ id: str, name: str, url: str });
const meetingRef = obj({ id: str, date, url: str });
const nMeetingRef = { oneOf: [meetingRef, { type: "null" }] };

export const trackerPaths = {
  "/api/v1/recommendations": {
    get: {
      summary: "Scrutiny recommendations with the executive's response, owners, status and next update due",
      operationId: "listRecommendations",
      parameters: [
        param("authority", "authority id"),
        param("inquiry", "inquiry id"),
        param("committee", "scrutiny committee name, or id of the body that responded"),
        param("owner", "part of a responsible member's or officer's name"),
        param("status", "status", enumOf(STATUSES)),
        param("overdue", "only overdue (true) or only not overdue (false)", { type: "string", enum: ["true", "false"] }),
        asOfParam,
        ...pageParams,
      ],
      responses: ok(listOf("Recommendation")),
    },
  },
  "/api/v1/inquiries/{id}": {
    get: { summary: "One scrutiny inquiry with its recommendations and summary counts", operationId: "getInquiry", parameters: [param("id", "inquiry id", str, "path"), asOfParam], responses: ok(ref("Inquiry")) },
  },
  "/api/v1/actions": {
    get: {
      summary: "Actions asked for in resolutions: owner, due date, status and the meetings that raised and answered them",
      operationId: "listActions",
      parameters: [
        param("authority", "authority id"),
        param("body", "committee id"),
        param("meeting", "meeting id: actions raised or answered there"),
        param("owner", "part of the owner's name"),
        param("status", "status", enumOf(["open", "done", "dropped"])),
        param("overdue", "only overdue (true) or not (false)", { type: "string", enum: ["true", "false"] }),
        asOfParam,
        ...pageParams,
      ],
      responses: ok(listOf("Action")),
    },
  },
  "/api/v1/work-programme": {
    get: {
      summary: "Work programme items with the history of each move, addition and removal",
      operationId: "listWorkProgramme",
      parameters: [param("authority", "authority id"), param("body", "committee id"), param("upcoming", "only items still to come (true)", { type: "string", enum: ["true", "false"] }), ...pageParams],
      responses: ok(listOf("WorkProgrammeItem")),
    },
  },
};

const update = obj({ date, rag: enumOf(["red", "amber", "green"]), text: str, by: nstr, evidence: { ...nstr, description: "a link the owner gave as evidence" } });
const extension = obj({ due: date, reason: str, grantedOn: date });
const deadline = { ...ndate, description: "the deadline in force: the latest extension's, else the one first given" };

export const trackerSchemas = {
  Recommendation: obj({
    number: str,
    text: str,
    response: enumOf(["yes", "partially", "no"], true),
    responseText: nstr,
    responsibleMember: nstr,
    responsibleOfficer: nstr,
    actionBy: nDateOrMonth,
    respondedOn: ndate,
    status: enumOf(STATUSES),
    latestRag: enumOf(["red", "amber", "green"], true),
    nextUpdateDue: ndate,
    overdue: arr(enumOf(["response", "update", "action"])),
    closure: nobj({ outcome: enumOf(["implemented", "not_implemented", "superseded"]), date, note: nstr }),
    updates: arr(update),
    deadline,
    extensions: arr(extension),
    inquiry: obj({ id: str, title: str, committee: nstr, url: str }),
    url: str,
  }),
  Inquiry: obj({
    id: str,
    title: str,
    committee: nstr,
    committeeBody: { oneOf: [bodyRef, { type: "null" }] },
    chair: nstr,
    leadMember: nstr,
    leadOfficer: nstr,
    reportDate: ndate,
    responseDue: { ...ndate, description: "last day of the response period (two months beginning with receipt, LGA 2000 s.9FE)" },
    monitoringMonths: arr(int),
    respondedAt: nobj({ id: str, date, url: str, body: bodyRef }),
    authority: obj({ id: str, name: str }),
    url: str,
    summary: { type: "object" },
    recommendations: arr(ref("Recommendation")),
  }),
  Action: obj({
    id: str,
    text: str,
    owner: nstr,
    recipient: nstr,
    due: { type: ["string", "null"], description: "YYYY-MM-DD, YYYY-MM, \"next meeting\", or null when not stated" },
    dueDate: ndate,
    status: enumOf(["open", "done", "dropped"]),
    overdue: bool,
    committee: bodyRef,
    raisedAt: nobj({ id: str, date, url: str, item: nobj({ number: str, title: str, url: str }) }),
    answeredAt: nMeetingRef,
    updates: arr(obj({ date, text: str, by: nstr, status: enumOf(["open", "done", "dropped"], true), evidence: nstr })),
    deadline,
    extensions: arr(extension),
    url: str,
  }),
  WorkProgrammeItem: obj({
    id: str,
    title: str,
    committee: bodyRef,
    plannedFor: { ...nDateOrMonth, description: "the meeting's date, its month, or null for no fixed date" },
    status: enumOf(["planned", "considered", "removed"]),
    history: arr(obj({ kind: enumOf(["added", "moved", "removed", "considered"]), on: date, description: str, note: nstr, meeting: nMeetingRef })),
    url: str,
  }),
};
