// The forward plan's part of the OpenAPI description, for the portal's document to include.
const str = { type: "string" } as const;
const nstr = { type: ["string", "null"] } as const;
const int = { type: "integer" } as const;
const bool = { type: "boolean" } as const;
const date = { type: "string", format: "date" } as const;
const dateOrMonth = { type: "string", pattern: "^\\d{4}-\\d{2}(-\\d{2})?$", description: "YYYY-MM-DD, or YYYY-MM when only the month is known" } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: "object", properties, required });
const arr = (items: unknown) => ({ type: "array", items });
const nobj = (properties: Record<string, unknown>) => ({ oneOf: [obj(properties), { type: "null" }] });
const enumOf = (values: readonly string[], nullable = false) => (nullable ? { enum: [...values, null] } : { type: "string", enum: [...values] });
const param = (name: string, description: string, schema: unknown = str, where: "query" | "path" = "query") => ({ name, in: where, required: where === "path", description, schema });
const errors = {
  "400": { description: "invalid request", content: { "application/json": { schema: ref("Error") } } },
  "404": { description: "not found", content: { "application/json": { schema: ref("Error") } } },
};
const ok = (schema: unknown) => ({ "200": { description: "OK", content: { "application/json": { schema } } }, ...errors });

export const forwardPlanPaths = {
  "/api/v1/forward-plan": {
    get: {
      summary: "Key decisions in the forward plan, with the 28-clear-day notice rule checked, any exception recorded, and where each was taken",
      operationId: "listForwardPlan",
      parameters: [
        param("authority", "authority id"),
        param("body", "deciding committee id"),
        param("maker", "the decision maker as named"),
        param("month", "expected in this month (YYYY-MM)", { type: "string", pattern: "^\\d{4}-\\d{2}$" }),
        param("from", "expected on or after this date", date),
        param("withdrawn", "include withdrawn key decisions (true)", { type: "string", enum: ["true", "false"] }),
        param("limit", "page size (1–500, default 50)", { type: "integer", minimum: 1, maximum: 500 }),
        param("offset", "items to skip", { type: "integer", minimum: 0 }),
      ],
      responses: ok(obj({ data: arr(ref("KeyDecision")), total: int, limit: int, offset: int, next: nstr })),
    },
  },
  "/api/v1/forward-plan/{id}": {
    get: { summary: "One key decision", operationId: "getKeyDecision", parameters: [param("id", "key decision id", str, "path")], responses: ok(ref("KeyDecision")) },
  },
};

const KEY_DECISION_FIELDS = {
  id: str,
  reference: nstr,
  decision: str,
  details: { ...nstr, description: "null when withheld: a decision to be taken in private keeps its details from the public" },
  decisionMaker: str,
  committee: { oneOf: [obj({ id: str, name: str, url: str }), { type: "null" }] },
  plannedDate: dateOrMonth,
  firstPublished: date,
  wards: arr(str),
  consultees: nstr,
  documents: { ...arr(obj({ title: str, url: str })), description: "empty when withheld" },
  private: { ...nobj({ reason: str, paragraphs: nstr }), description: "set when the decision is to be taken in private (reg 5): why, and the paragraphs of Schedule 12A" },
  withheld: { ...bool, description: "details and documents are exempt and withheld from this viewer" },
  exception: enumOf(["general_exception", "special_urgency"], true),
  exceptionRecord: { ...nobj({ reason: str, chair: str, on: date, noticeOn: date }), description: "general exception (reg 10): the scrutiny chair informed on `on`, notice given on `noticeOn`; special urgency (reg 11): the chair who agreed, on `on`" },
  notice: obj({ status: enumOf(["met", "not_met", "depends_on_date", "exception"]), clearDays: int, earliestDate: date }),
  status: enumOf(["planned", "taken", "withdrawn"]),
  withdrawn: nobj({ on: date, reason: str }),
  taken: nobj({
    meeting: obj({ id: str, date, committee: str, url: str, apiUrl: { ...str, description: "the meeting's record in /api/v1/meetings, which lists this key decision" } }),
    item: nobj({ number: str, title: str, url: str }),
    resolution: nobj({ id: str, text: str, url: str }),
  }),
  authority: obj({ id: str, name: str }),
  url: str,
  apiUrl: str,
};

export const forwardPlanSchemas = {
  KeyDecisionLink: {
    ...obj({
      id: str,
      reference: nstr,
      decision: str,
      decisionMaker: str,
      private: KEY_DECISION_FIELDS.private,
      withheld: KEY_DECISION_FIELDS.withheld,
      status: KEY_DECISION_FIELDS.status,
      url: { ...str, description: "the key decision's page in the forward plan" },
      apiUrl: { ...str, description: "its record in /api/v1/forward-plan, which links back to this meeting (`taken.meeting.apiUrl`)" },
    }),
    description: "a forward-plan key decision taken at this meeting",
    properties: {
      id: str,
      reference: nstr,
      decision: str,
      decisionMaker: str,
      private: KEY_DECISION_FIELDS.private,
      withheld: KEY_DECISION_FIELDS.withheld,
      status: KEY_DECISION_FIELDS.status,
      url: { ...str, description: "the key decision's page in the forward plan" },
      apiUrl: { ...str, description: "its record in /api/v1/forward-plan, which links back to this meeting (`taken.meeting.apiUrl`)" },
      // shown only to a signed-in viewer entitled to the deciding committee
      notForPublication: bool,
      marking: str,
    },
  },
  KeyDecision: {
    ...obj(KEY_DECISION_FIELDS),
    // shown only to a signed-in viewer entitled to the deciding committee
    properties: { ...KEY_DECISION_FIELDS, notForPublication: bool, marking: str },
  },
};
