import { test } from "node:test";
import assert from "node:assert/strict";
import { splitLines, type SourceText } from "../../domain/source.ts";
import { ParseContext } from "../context.ts";
import { parseAttendance } from "./attendance.ts";

const read = (text: string) => {
  const source: SourceText = { file: "doc.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length };
  const ctx = new ParseContext(source);
  const found = parseAttendance(ctx, ctx.lines.length, []);
  return {
    ctx,
    found,
    list: found.map((a) => [a.value.name, a.value.status, a.value.kind, a.value.role].filter((x) => x !== null).join(" | ")),
  };
};

// real text: City of East Palo Alto Planning Commission, 27 January 2020 (the roll call as a table
// of name, title, status and time of arrival)
test("a roll-call table: one member a row, their status from its column, a seat title is not a role", () => {
  const text = [
    "1.    CALL TO ORDER AND ROLL CALL",
    "",
    "      The meeting was called to order by Commissioner Robert Sherrard at 7:07 p.m.",
    "",
    "            Attendee Name                   Title               Status     Arrived",
    "      Andrei Garcia                Commissioner               Late       7:08 p.m.",
    "      Robert Allen Fisk            Commissioner               Present",
    "      Uriel Hernandez              Commissioner               Absent",
    "      Juan Mendez                  Alternate                  Present",
    "",
    "2.    APPROVAL OF THE AGENDA",
  ].join("\n");
  const { list, found, ctx } = read(text);
  assert.deepEqual(list, [
    "Andrei Garcia | present | member",
    "Robert Allen Fisk | present | member",
    "Uriel Hernandez | absent | member",
    "Juan Mendez | present | member | Alternate",
  ]);
  const first = found[0].span;
  assert.equal(ctx.source.text.slice(first.start, first.end), "Andrei Garcia");
});

test("the same table as the PDF reader gives it, cells apart by tabs", () => {
  const text = [
    "1. CALL TO ORDER AND ROLL CALL",
    "Attendee Name\tTitle\tStatus\tArrived",
    "Andrei Garcia\tCommissioner\tLate\t7:08 p.m.",
    "Robert Allen Fisk\tCommissioner\tPresent",
    "Uriel Hernandez\tCommissioner\tAbsent",
    "",
    "2. APPROVAL OF THE AGENDA",
  ].join("\n");
  assert.deepEqual(read(text).list, ["Andrei Garcia | present | member", "Robert Allen Fisk | present | member", "Uriel Hernandez | absent | member"]);
});

test("a table whose status column holds no status is not a roll call", () => {
  const text = [
    "      Name of Event                 College       Status     Location",
    "      Tom Rigney Art Exhibit        FLC           Planned    Harris Center",
    "      Board Retirement Reception    CRC           Planned    Winn Center",
  ].join("\n");
  assert.deepEqual(read(text).list, []);
});
