// The workspace's part of the OpenAPI description: routes for signed-in staff, authenticated by
// the session cookie that signing in at /sign-in sets.
const str = { type: "string" } as const;
const nstr = { type: ["string", "null"] } as const;
const int = { type: "integer" } as const;
const date = { type: "string", format: "date" } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: "object", properties, required });
const arr = (items: unknown) => ({ type: "array", items });
const param = (name: string, description: string, schema: unknown = str) => ({ name, in: "query", required: false, description, schema });
const problem = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });

export const adminSecuritySchemes = {
  session: { type: "apiKey", in: "cookie", name: "__Host-quorum_session", description: "the session cookie set by signing in at /sign-in (named quorum_session over plain http)" },
};

export const adminPaths = {
  "/api/v1/admin/audit": {
    get: {
      summary: "The audit log, newest first (administrators only)",
      operationId: "listAuditEntries",
      security: [{ session: [] }],
      parameters: [
        param("kind", "kind of record, e.g. user or meeting"),
        param("record", "the record's id or slug"),
        param("actor", "who acted: an email address, or cli"),
        param("from", "on or after this day (UTC)", date),
        param("to", "on or before this day (UTC)", date),
        param("page", "page number, 50 entries a page", { type: "integer", minimum: 1 }),
      ],
      responses: {
        "200": { description: "OK", content: { "application/json": { schema: obj({ data: arr(ref("AuditEntry")), total: int, next: nstr }) } } },
        "400": problem("invalid request"),
        "403": problem("not signed in, or not an administrator"),
      },
    },
  },
};

export const adminSchemas = {
  AuditEntry: obj({
    id: int,
    at: { type: "string", format: "date-time" },
    actor: str,
    action: str,
    recordKind: str,
    recordId: nstr,
    before: { description: "the record before the change, or null" },
    after: { description: "the record after the change, or null" },
  }),
};
