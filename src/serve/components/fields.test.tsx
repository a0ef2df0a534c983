import { test } from "node:test";
import assert from "node:assert/strict";
import { Checkboxes, Radios, Select, TextArea, TextField } from "./fields.tsx";

const html = (el: unknown) => String(el);
const attr = (s: string, tag: string, name: string) => new RegExp(`<${tag}[^>]*\\s${name}="([^"]*)"`).exec(s)?.[1];

test("a field with a hint and an error is described by both, in GOV.UK's order, and marked as in error", () => {
  const s = html(<TextField id="venue" label="Venue" hint="Where it meets" value="Hall" errors={[{ field: "venue", message: "Enter a venue" }]} />);
  assert.match(s, /govuk-form-group govuk-form-group--error/);
  assert.equal(attr(s, "input", "aria-describedby"), "venue-hint venue-error");
  assert.match(attr(s, "input", "class") ?? "", /govuk-input--error/);
  assert.match(s, /<label class="govuk-label govuk-label--s" for="venue">/);
  assert.match(s, /<p id="venue-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:<\/span> Enter a venue<\/p>/);
  assert.ok(s.indexOf('id="venue-hint"') < s.indexOf('id="venue-error"'), "the hint comes before the error");
});

test("a field without a hint or an error has no description and no error class", () => {
  const s = html(<TextArea id="note" label="Note" value="" errors={[{ field: "other", message: "x" }]} />);
  assert.equal(attr(s, "textarea", "aria-describedby"), undefined);
  assert.doesNotMatch(s, /--error/);
  assert.doesNotMatch(s, /govuk-hint/);
});

test("a field may post under another name than its id", () => {
  const s = html(<TextArea id="reason-4" name="reason" label="Reason" errors={[]} />);
  assert.equal(attr(s, "textarea", "id"), "reason-4");
  assert.equal(attr(s, "textarea", "name"), "reason");
});

test("choices take GOV.UK's ids, so the error summary's link lands on the first", () => {
  const options = ["a", "b", "c"].map((v) => ({ value: v, text: v.toUpperCase() }));
  const radios = html(<Radios id="kind" legend="Kind" options={options} value="b" errors={[{ field: "kind", message: "Choose one" }]} />);
  assert.deepEqual([...radios.matchAll(/<input[^>]*id="([^"]+)"/g)].map((m) => m[1]), ["kind", "kind-2", "kind-3"]);
  assert.match(radios, /<input[^>]*id="kind-2"[^>]*checked/);
  assert.match(radios, /<fieldset class="govuk-fieldset" aria-describedby="kind-error">/);
  const boxes = html(<Checkboxes id="keep" legend="Keep" options={options} checked={["a", "c"]} errors={[]} />);
  assert.equal([...boxes.matchAll(/<input[^>]*checked/g)].length, 2);
});

test("a select marks the chosen option, and the empty one when nothing is chosen", () => {
  const options = [{ value: "", text: "None" }, { value: "1", text: "One" }];
  assert.match(html(<Select id="o" label="O" options={options} value="1" errors={[]} />), /<option value="1" selected="">One/);
  assert.match(html(<Select id="o" label="O" options={options} errors={[]} />), /<option value="" selected="">None/);
});
