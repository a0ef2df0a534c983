// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. A test checks that
// every path here answers and that every API route is described here.

import { trackerPaths, trackerSchemas } from "../tracker/openapi.ts";
import { forwardPlanPaths, forwardPlanSchemas } from "../forward-plan/openapi.ts";
import { DECLARATION_KINDS } from "../../domain/minutes.ts";
import { adminPaths, adminSchemas, adminSecuritySchemes } from "../admin/openapi.ts";
import { agendaPaths, agendaSchemas } from "../agenda/openapi.ts";
import { minutesDocumentPaths } from "../minute-taking/openapi.ts";
import { exportPaths } from "../opendata/openapi.ts";

const str = { type: "string" } as const;
const nstr = { type: ["string", "null"] } as const;
const int = { type: "integer" } as const;
const date = { type: "string", format: "date", description: "YYYY-MM-DD, as written in the minutes (local to the authority)" } as const;
const ndate = { type: ["string", "null"], format: "date" } as const;
const time = { type: ["string", "null"], pattern: "^\\d{2}:\\d{2}$", description: "local HH:MM as written" } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (name: string) => ({ oneOf: [ref(name), { type: "null" }] });
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: "object", properties, required });
const arr = (items: unknown) => ({ type: "array", items });
const minutesStanding = {
  minutesStatus: { type: "string", enum: ["published", "approved", "draft"], description: "approved: agreed as a correct record at a later meeting; draft: minutes taken but not yet published, so nothing from them is given (no attendance, items or decisions) while the meeting itself is" },
  minutesDraft: { type: "boolean", description: 'published as a draft, not yet approved (labelled "Draft, not yet approved")' },
  minutesApprovedOn: { ...ndate, description: "the date of the meeting that approved the minutes" },
  minutesCorrectedOn: { ...ndate, description: "the latest correction made after approval" },
} as const;

const param = (name: string, description: string, schema: unknown = str, where: "query" | "path" = "query") => ({
  name,
  in: where,
  required: where === "path",
  description,
  schema,
});
const pageParams = [param("limit", "page size (1–500, default 50)", { type: "integer", minimum: 1, maximum: 500 }), param("offset", "items to skip", { type: "integer", minimum: 0 })];
const authorityParam = param("authority", "authority id: only this council's records");
const cursorPageParams = [
  param("limit", "page size (1–500, default 50)", { type: "integer", minimum: 1, maximum: 500 }),
  param("cursor", "where the page starts: the `cursor` in the previous page's `next` link. Page on with it; it keeps its place when records are added", str),
  param("offset", "items to skip, for shallow pages only: an offset past 1000 is answered 400 (follow `next` instead)", { type: "integer", minimum: 0, maximum: 1000 }),
];
const cursorListOf = (item: string) =>
  obj({
    data: arr(ref(item)),
    total: { ...int, description: "exact, except where `totalCapped` is true: then at least this many (people, and decisions or meetings filtered by date, outcome or words, are counted up to 1000)" },
    totalCapped: { type: "boolean", description: "present and true when `total` is a lower bound" },
    limit: int,
    offset: int,
    next: { ...nstr, description: "URL of the next page (with its `cursor`), or null on the last" },
  }, ["data", "total", "limit", "offset", "next"]);

const listOf = (item: string) => obj({ data: arr(ref(item)), total: int, limit: int, offset: int, next: { ...nstr, description: "URL of the next page, or null on the last" } });

const errors = {
  "400": { description: "invalid request", content: { "application/json": { schema: ref("Error") } } },
  "404": { description: "not found", content: { "application/json": { schema: ref("Error") } } },
};

const ok = (schema: unknown, description = "OK") => ({ "200": { description, content: { "application/json": { schema } } }, ...errors });

export const openapi = {
  openapi: "3.1.0",
  info: {
    title: "Quorum API",
    version: "1",
    description:
      "Public records of council committees: meetings, attendance, agenda items, decisions and people, read from published minutes. Exempt (private) items show only their title and the ground for exemption. Identifiers are stable slugs built from natural keys. `url` fields are paths of the HTML pages.",
    license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/v1/authorities": { get: { summary: "Councils and other authorities", operationId: "listAuthorities", responses: ok(obj({ data: arr(ref("Authority")), total: int, next: { type: "null" } })) } },
    "/api/v1/bodies": { get: { summary: "Committees and other bodies", operationId: "listBodies", parameters: [authorityParam, ...pageParams], responses: ok(listOf("BodySummary")) } },
    "/api/v1/bodies/{id}": { get: { summary: "One body with members, meetings and recent decisions", operationId: "getBody", parameters: [param("id", "body id", str, "path")], responses: ok(ref("BodyDetail")) } },
    "/api/v1/meetings": {
      get: {
        summary: "Meetings, newest first",
        operationId: "listMeetings",
        parameters: [authorityParam, param("body", "body id"), param("from", "on or after this date", date), param("to", "on or before this date", date), ...cursorPageParams],
        responses: ok(cursorListOf("MeetingSummary")),
      },
    },
    "/api/v1/meetings/{id}": { get: { summary: "One meeting with attendance, items and resolutions", operationId: "getMeeting", parameters: [param("id", "meeting id", str, "path")], responses: ok(ref("MeetingDetail")) } },
    "/api/v1/people": { get: { summary: "People named in the minutes", operationId: "listPeople", parameters: [authorityParam, param("body", "only people recorded at this body"), ...cursorPageParams], responses: ok(cursorListOf("PersonSummary")) } },
    ...Object.fromEntries(
      (["meetings", "motions", "votes", "roles"] as const).map((list) => [
        `/api/v1/people/{id}/${list}`,
        {
          get: {
            summary: `A person's ${list === "roles" ? "roles on committees, the most recently recorded first" : `${list}, newest first`}, a page at a time (the person's record holds the most recent)`,
            operationId: `getPerson${list[0].toUpperCase()}${list.slice(1)}`,
            parameters: [param("id", "person id", str, "path"), param("limit", "rows a page", int), param("cursor", "the next link's cursor", str)],
            responses: ok(obj({ data: arr({ type: "object" }), limit: int, next: nstr })),
          },
        },
      ]),
    ),
    "/api/v1/bodies/{id}/members": {
      get: {
        summary: "A body's members and officers in full, the most recently recorded first, a page at a time",
        operationId: "getBodyMembers",
        parameters: [param("id", "body id", str, "path"), param("limit", "rows a page", int), param("cursor", "the next link's cursor", str)],
        responses: ok(obj({ data: arr(obj({ person: ref("Ref"), kind: str, role: nstr, from: ndate, to: ndate })), limit: int, next: nstr })),
      },
    },
    "/api/v1/people/{id}": { get: { summary: "One person: roles over time and attendance record", operationId: "getPerson", parameters: [param("id", "person id", str, "path")], responses: ok(ref("PersonDetail")) } },
    "/api/v1/decisions": {
      get: {
        summary: "The decisions register, newest first",
        operationId: "listDecisions",
        parameters: [
          authorityParam,
          param("body", "body id"),
          param("from", "on or after this date", date),
          param("to", "on or before this date", date),
          param("outcome", "outcome", { type: "string", enum: ["noted", "agreed", "approved", "approved with amendments", "deferred", "refused", "carried", "lost"] }),
          param("q", "words that must all appear in the decision text"),
          ...cursorPageParams,
        ],
        responses: ok(cursorListOf("Decision")),
      },
    },
    "/api/v1/search": {
      get: {
        summary: "Search meetings, items, decisions and people",
        description: 'Words must all match; "quoted phrases", OR between alternatives, and -word to exclude.',
        operationId: "search",
        parameters: [
          { ...param("q", "the query"), required: true },
          param("type", "only this type", { type: "string", enum: ["meeting", "item", "decision", "person", "agenda", "paper"] }),
          authorityParam,
          param("body", "body id"),
          param("year", "year of the meeting", int),
          param("limit", "page size (1–100, default 20)", { type: "integer", minimum: 1, maximum: 100 }),
          param("offset", "results to skip", { type: "integer", minimum: 0 }),
        ],
        responses: ok(
          obj({
            query: str,
            data: arr(ref("SearchHit")),
            total: int,
            // past the cap (1,000) only the newest matches are ranked and counted: total is then the cap
            totalAtLeast: { type: "boolean" },
            limit: int,
            offset: int,
            next: nstr,
            facets: obj({
              type: arr(obj({ value: str, count: int, atLeast: { type: "boolean" } })),
              body: arr(obj({ value: str, label: str, count: int, atLeast: { type: "boolean" } })),
              year: arr(obj({ value: int, count: int, atLeast: { type: "boolean" } })),
              authority: arr(obj({ value: str, label: str, count: int, atLeast: { type: "boolean" } })),
            }),
          }),
        ),
      },
    },
    ...trackerPaths,
    ...forwardPlanPaths,
    ...adminPaths,
    ...agendaPaths,
    ...minutesDocumentPaths,
    ...exportPaths,
    "/api/v1/openapi.json": { get: { summary: "This document", operationId: "openapi", responses: { "200": { description: "OpenAPI 3.1 document" } } } },
  },
  components: {
    securitySchemes: adminSecuritySchemes,
    schemas: {
      ...trackerSchemas,
      ...forwardPlanSchemas,
      ...agendaSchemas,
      ...adminSchemas,
      Error: obj({ error: obj({ id: { type: "string", enum: ["invalid", "forbidden", "not_found", "conflict", "unsupported", "unreadable", "internal"], description: "stable, for programs" }, status: int, message: str }) }),
      Ref: obj({ id: str, name: str, url: str }),
      AuthorityRef: obj({ id: str, name: str }),
      Authority: obj({ id: str, name: str, timeZone: str, bodyCount: int, meetingCount: int }),
      BodySummary: obj({ id: str, name: str, kind: str, authority: ref("AuthorityRef"), meetingCount: int, firstMeeting: ndate, lastMeeting: ndate, url: str, apiUrl: str }),
      BodyDetail: {
        allOf: [
          ref("BodySummary"),
          obj({
            members: arr(obj({ person: ref("Ref"), kind: str, role: nstr, from: ndate, to: ndate })),
            meetings: { ...arr(ref("MeetingSummary")), description: "the most recent public meetings; older.meetings pages on" },
            recentDecisions: arr(ref("Decision")),
            older: { ...obj({ meetings: nstr, members: nstr }), description: "API addresses of the next page of older meetings and of earlier members and officers; null when there are none" },
          }),
        ],
      },
      When: obj({ date, startTime: time, venue: nstr }),
      MeetingEvent: obj({
        kind: { type: "string", enum: ["scheduled", "rescheduled", "postponed", "cancelled", "restored"] },
        recordedAt: { type: "string", format: "date-time" },
        from: { ...nullable("When"), description: "rescheduled: where the meeting was before" },
        to: { ...nullable("When"), description: "scheduled, rescheduled, restored: where the meeting is after" },
        reason: nstr,
        series: { type: "boolean", description: "part of a change made to a whole series of meetings" },
      }),
      MeetingSummary: obj({
        id: str,
        date,
        startTime: time,
        endTime: time,
        timeZone: str,
        body: ref("Ref"),
        authority: ref("AuthorityRef"),
        venue: nstr,
        status: { type: "string", enum: ["scheduled", "held", "cancelled", "postponed"], description: "scheduled: planned and not yet held (or its minutes have not come in); held: the minutes record it" },
        hasMinutes: { type: "boolean", description: "false for a meeting scheduled ahead whose minutes have not come in, or whose minutes are still a draft; nothing about it says it was held" },
        ...minutesStanding,
        itemCount: int,
        decisionCount: int,
        url: str,
        apiUrl: str,
      }),
      Attendee: obj({
        name: { ...str, description: "as written in the minutes" },
        person: nullable("Ref"),
        status: { type: "string", enum: ["present", "in_attendance", "apologies", "absent"] },
        kind: { type: "string", enum: ["member", "officer", "other"] },
        role: nstr,
        substituteFor: nstr,
        substituteForPerson: nullable("Ref"),
      }),
      Voter: obj({ name: { ...str, description: "as written in the minutes" }, person: nullable("Ref") }),
      Votes: obj({
        for: { type: ["integer", "null"] },
        against: { type: ["integer", "null"] },
        abstain: { type: ["integer", "null"] },
        unanimous: { type: "boolean", description: "the minutes call the vote unanimous" },
        recorded: {
          oneOf: [obj(Object.fromEntries(["for", "against", "abstain", "absent", "recused"].map((v) => [v, arr(ref("Voter"))]))), { type: "null" }],
          description: "who voted how, where the minutes name them (on a meeting's decisions; null in lists)",
        },
      }),
      Resolution: obj({ id: str, text: str, outcome: nstr, votes: nullable("Votes"), url: str }),
      Item: obj({
        id: str,
        number: str,
        title: str,
        exempt: { type: "boolean" },
        exemptParagraphs: nstr,
        exemptNotice: { ...nstr, description: "for exempt items, the ground for exemption; their text and resolutions are never published" },
        text: nstr,
        resolutions: arr(ref("Resolution")),
        url: str,
      }),
      MeetingDetail: {
        allOf: [
          ref("MeetingSummary"),
          obj({
            attendance: arr(ref("Attendee")),
            declarations: arr(
              obj({
                name: str,
                person: nullable("Ref"),
                item: { oneOf: [obj({ id: str, number: str }), { type: "null" }] },
                interest: { ...nstr, description: "the kind of interest as the minutes write it, lower case" },
                kind: {
                  type: ["string", "null"],
                  enum: [...DECLARATION_KINDS, null],
                  description: "the kind of interest in a closed vocabulary; null when none is stated",
                },
                description: nstr,
              }),
            ),
            questions: arr(
              obj({
                item: { oneOf: [obj({ id: str, number: str }), { type: "null" }] },
                askedBy: { ...nstr, description: "who asked, as written" },
                askedTo: { ...nstr, description: "the office or person asked, as written" },
                question: str,
                answer: { ...nstr, description: "the answer as recorded; null when none is" },
              }),
            ),
            minutesStated: {
              oneOf: [obj({ status: { type: "string", enum: ["draft", "approved"] }, text: nstr }), { type: "null" }],
              description: "what the minutes say of their own standing (a draft marking, an approval line, a signature block filled in) and the words; minutesApproval is the approval a clerk recorded",
            },
            items: arr(ref("Item")),
            recommendations: arr(
              obj({
                number: str,
                text: str,
                response: { type: ["string", "null"], enum: ["yes", "partially", "no", null] },
                responseText: nstr,
                responsibleMember: nstr,
                responsibleOfficer: nstr,
                actionBy: { ...nstr, description: "YYYY-MM or YYYY-MM-DD" },
              }),
            ),
            nextMeeting: { oneOf: [obj({ date: ndate, time, venue: nstr }), { type: "null" }] },
            source: {
              oneOf: [obj({ fileName: str, format: str, url: str, text: str }), { type: "null" }],
              description: "the current minutes text (exempt text withheld) as a page and as plain text; earlier versions are not published",
            },
            originalDocument: {
              oneOf: [obj({ url: str, mediaType: str, bytes: int }), { type: "null" }],
              description: "the file the current minutes were imported from (PDF, Word, HTML…), as an attachment; null for draft minutes, while an exempt item is not released (unless the viewer is entitled to the committee), or when it was not kept",
            },
            minutesApproval: {
              oneOf: [
                obj({
                  approvedOn: { ...date, description: "the date of the meeting that agreed the minutes as a correct record" },
                  meeting: { oneOf: [obj({ id: str, date, url: str }), { type: "null" }] },
                  item: { oneOf: [obj({ number: str, title: str }), { type: "null" }] },
                  approvedVersionUrl: { ...str, description: "the minutes as approved (exempt items withheld), kept whatever later corrections change" },
                }),
                { type: "null" },
              ],
            },
            minutesCorrections: { ...arr(obj({ date, reason: str })), description: "changes made after approval, oldest first" },
            history: { ...arr(ref("MeetingEvent")), description: "the meeting's plan and every change to it (moved, postponed, cancelled, restored), oldest first; empty for a meeting known only from its minutes" },
            keyDecisions: arr(ref("KeyDecisionLink")),
            documents: { ...arr(ref("MeetingDocument")), description: "the minutes as Word and HTML and as imported (when the meeting has public minutes), and each published agenda reports pack; papers are in the agenda (`agendaApiUrl`)" },
            agendaApiUrl: { ...str, description: "the meeting's published agenda: /api/v1/meetings/{id}/agenda" },
          }),
        ],
      },
      Decision: obj({
        id: str,
        text: str,
        outcome: nstr,
        votes: nullable("Votes"),
        item: obj({ id: str, number: str, title: str }),
        meeting: obj({ id: str, date, body: str }),
        body: ref("Ref"),
        authority: ref("AuthorityRef"),
        url: str,
      }),
      PersonSummary: obj({ id: str, name: str, kind: str, authority: ref("AuthorityRef"), meetingCount: int, url: str, apiUrl: str }),
      PersonDetail: {
        allOf: [
          ref("PersonSummary"),
          obj({
            party: { ...nstr, description: "as set by the council's clerks" },
            ward: { ...nstr, description: "as set by the council's clerks" },
            memberships: arr(obj({ body: ref("Ref"), role: nstr, kind: str, from: ndate, to: ndate })),
            attendance: obj({
              expected: { ...int, description: "meetings where the person was listed as a member present, with apologies or absent" },
              present: int,
              apologies: int,
              absent: int,
              inAttendance: int,
              meetings: arr(obj({ meeting: obj({ id: str, date, body: str, url: str }), status: str, expected: { type: "boolean" }, role: nstr, nameAsWritten: str })),
            }),
            motions: {
              ...arr(
                obj({
                  role: { type: "string", enum: ["moved", "seconded"] },
                  nameAsWritten: str,
                  decision: obj({ id: str, text: str, url: str }),
                  item: obj({ id: str, number: str, title: str, url: str }),
                  meeting: obj({ id: str, date, body: str, url: str }),
                }),
              ),
              description: "public decisions the minutes record this person as moving or seconding, newest first; exempt items' decisions never appear",
            },
            votes: {
              ...arr(
                obj({
                  vote: { type: "string", enum: ["for", "against", "abstain", "absent", "recused"] },
                  nameAsWritten: str,
                  decision: obj({ id: str, text: str, url: str }),
                  item: obj({ id: str, number: str, title: str, url: str }),
                  meeting: obj({ id: str, date, body: str, url: str }),
                }),
              ),
              description: "how the minutes record this person voting on public decisions, newest first; exempt items' votes never appear",
            },
            older: {
              ...obj({ meetings: nstr, motions: nstr, votes: nstr, roles: nstr }),
              description: "each list above holds the most recent rows; these are the API addresses of the next, older page of each (null when there is none)",
            },
          }),
        ],
      },
      SearchHit: obj({
        type: { type: "string", enum: ["meeting", "item", "decision", "person", "agenda", "paper"] },
        id: str,
        title: str,
        snippet: { ...str, description: "HTML: escaped text with matched words in <mark>" },
        url: str,
        meeting: { oneOf: [obj({ id: str, date, body: nstr, ...minutesStanding }), { type: "null" }] },
      }),
    },
  },
} as const;

/** The document as served: the data's licence (site settings) beside the software's. */
export function openapiFor(site: { name: string; licence: { name: string; url: string } }) {
  return {
    ...openapi,
    info: {
      ...openapi.info,
      title: `${site.name} API`,
      description: `${openapi.info.description} The data is published under the ${site.licence.name} (${site.licence.url}); \`license\` below is the software's.`,
      "x-data-licence": site.licence,
    },
  };
}
