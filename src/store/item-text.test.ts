import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { itemRegions, itemText } from "./item-text.ts";
import { parseMinutes } from "../parse/minutes.ts";
import { splitLines } from "../domain/source.ts";

test("the last item's stored text stops where the parser says it ends, not at the end of the document", () => {
  // Buckinghamshire Cabinet, 23 April 2018: item 11 "Date of the Next Meeting", then the signature and the response appendix
  const text = readFileSync(new URL("../../test/golden/dev/bucks-cabinet-2018-04-23.txt", import.meta.url), "utf8");
  const record = parseMinutes({ file: "bucks.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length });
  const regions = itemRegions(text, record);
  const last = itemText(text, regions[regions.length - 1]);
  assert.equal(last, "21 May 2018, Mezzanine 1 & 2, County Hall, Aylesbury");
  // were the item exempt, what follows it would be withheld with it: its bound runs to the end
  assert.equal(regions[regions.length - 1]!.until, text.length);
  // earlier items still run to the next heading
  assert.match(itemText(text, regions[9]) ?? "", /Cabinet APPROVED the recommendations with the following amendments/);
});

test("without an item span (records made by hand) the last item runs to the end of the text", () => {
  const text = "1 Apologies\nNone.\n2 Close\nThe meeting closed.\nSigned ...... Chairman";
  const record = {
    items: [
      { number: "1", title: "Apologies" },
      { number: "2", title: "Close" },
    ],
    provenance: {},
  } as unknown as Parameters<typeof itemRegions>[1];
  const regions = itemRegions(text, record);
  assert.equal(itemText(text, regions[1]), "The meeting closed.\nSigned ...... Chairman");
});
