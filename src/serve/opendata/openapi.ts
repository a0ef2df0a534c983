// The OpenAPI paths of /api/v1/export, one per dataset, made from the same list the routes are.
import { DATASETS } from "./datasets.ts";
import { EXPORT_PREFIX, exportPath } from "./export-routes.ts";

const str = { type: "string" } as const;
const int = { type: "integer" } as const;
const errors = {
  "400": { description: "invalid request", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
};
const pageParams = [
  { name: "limit", in: "query", required: false, description: "records a page (a page of meetings-based datasets reads each meeting whole, so it is smaller)", schema: { type: "integer", minimum: 1, maximum: 500 } },
  { name: "cursor", in: "query", required: false, description: "where the page starts: the cursor in the previous page's `next` link", schema: str },
];

export const exportPaths: Record<string, unknown> = {
  [EXPORT_PREFIX]: {
    get: {
      summary: "Open datasets: every export with its format and address, the councils' licences, and the OParl API's entry point",
      operationId: "exportCatalogue",
      responses: {
        "200": {
          description: "OK",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["licences", "oparl", "datasets"],
                properties: {
                  licences: { type: "array", items: { type: "object", properties: { council: { type: "object", properties: { id: str, name: str } }, name: str, url: str } } },
                  oparl: { ...str, description: "the OParl 1.1 System object's path" },
                  datasets: { type: "array", items: { type: "object", properties: { format: { type: "string", enum: ["ocd", "oparl", "csv"] }, name: str, description: str, url: str, mediaType: str } } },
                },
              },
            },
          },
        },
      },
    },
  },
  ...Object.fromEntries(
    DATASETS.map((d) => [
      exportPath(d),
      d.kind === "csv"
        ? {
            get: {
              summary: `CSV: ${d.what}`,
              operationId: `exportCsv_${d.name}`,
              responses: { "200": { description: "RFC 4180 CSV with a header row, streamed; cells a spreadsheet would run as formulas start with an apostrophe", content: { "text/csv": { schema: str } } }, ...errors },
            },
          }
        : {
            get: {
              summary: `${d.format === "ocd" ? "Open Civic Data" : "OParl 1.1"}: ${d.what}`,
              operationId: `export_${d.format}_${d.name.replace(/-/g, "_")}`,
              parameters: pageParams,
              responses: {
                "200": {
                  description: "a page of records; `next` is the following page, null on the last",
                  content: { "application/json": { schema: { type: "object", required: ["data", "limit", "next"], properties: { data: { type: "array", items: { type: "object" } }, limit: int, next: { type: ["string", "null"] } } } } },
                },
                ...errors,
              },
            },
          },
    ]),
  ),
};
