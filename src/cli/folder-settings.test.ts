import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { folderSettingsReader } from "./folder-settings.ts";

test("a document takes the settings of the nearest quorum.json up to the folder named", () => {
  const root = mkdtempSync(join(tmpdir(), "quorum-settings-"));
  mkdirSync(join(root, "limerick", "2019"), { recursive: true });
  mkdirSync(join(root, "parish"));
  writeFileSync(join(root, "limerick", "quorum.json"), JSON.stringify({ authority: "Limerick City and County Council", timeZone: "Europe/Dublin" }));
  const settingsFor = folderSettingsReader();
  assert.deepEqual(settingsFor(join(root, "limerick", "2019", "a.md"), [root]), { authority: "Limerick City and County Council", timeZone: "Europe/Dublin" });
  assert.deepEqual(settingsFor(join(root, "parish", "b.md"), [root]), {});
});

test("a quorum.json above the folder named is not read", () => {
  const outer = mkdtempSync(join(tmpdir(), "quorum-settings-"));
  writeFileSync(join(outer, "quorum.json"), JSON.stringify({ authority: "Elsewhere Council" }));
  mkdirSync(join(outer, "inner"));
  assert.deepEqual(folderSettingsReader()(join(outer, "inner", "a.md"), [join(outer, "inner")]), {});
});

test("a bad quorum.json is a one-line error naming the file and the field", () => {
  const root = mkdtempSync(join(tmpdir(), "quorum-settings-"));
  writeFileSync(join(root, "quorum.json"), JSON.stringify({ authority: "", colour: "red" }));
  assert.throws(() => folderSettingsReader()(join(root, "a.md"), [root]), (err: Error) => {
    assert.match(err.message, /quorum\.json: /);
    assert.ok(!err.message.includes("\n"));
    return true;
  });
  writeFileSync(join(root, "quorum.json"), "{ not json");
  assert.throws(() => folderSettingsReader()(join(root, "a.md"), [root]), /quorum\.json: not valid JSON/);
});

test("a licence is an identifier or a name and an address, and needs the council beside it", async () => {
  const { folderLicence } = await import("./folder-settings.ts");
  const root = mkdtempSync(join(tmpdir(), "quorum-settings-"));
  const read = (settings: unknown) => {
    writeFileSync(join(root, "quorum.json"), JSON.stringify(settings));
    return folderSettingsReader()(join(root, "a.md"), [root]);
  };
  assert.deepEqual(folderLicence(read({ authority: "Example Council", licence: "CC-BY-4.0" })), { name: "Creative Commons Attribution 4.0 International", url: "https://creativecommons.org/licenses/by/4.0/" });
  assert.deepEqual(folderLicence(read({ authority: "Example Council", licence: { name: "Our Licence", url: "https://example.org/licence" } })), { name: "Our Licence", url: "https://example.org/licence" });
  assert.equal(folderLicence(read({ authority: "Example Council" })), null);
  assert.throws(() => read({ authority: "Example Council", licence: "GPL" }), /quorum\.json: licence: a licence identifier \(OGL-UK-3\.0, /);
  assert.throws(() => read({ licence: "CC-BY-4.0" }), /quorum\.json: licence: a licence needs the council it belongs to/);
  assert.throws(() => read({ authority: "Example Council", licence: { name: "X", url: "javascript:alert(1)" } }), /quorum\.json: licence/);
});
