// Site settings files: a good file gives the site the portal uses; each kind of bad field stops
// with one line naming the file and the field.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { QuorumError } from "../../domain/errors.ts";
import { contrastRatio } from "./contrast.ts";
import { loadSiteSettings } from "./load.ts";
import { DEFAULT_COLOURS, OGL } from "./settings.ts";

const dir = mkdtempSync(join(tmpdir(), "quorum-settings-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
writeFileSync(join(dir, "logo.png"), PNG);
writeFileSync(join(dir, "statement.md"), "We checked every page.\n\n## Contact\n\n- email [us](mailto:a@example.org)\n");

let n = 0;
function write(settings: unknown): string {
  const file = join(dir, `site-${++n}.json`);
  writeFileSync(file, typeof settings === "string" ? settings : JSON.stringify(settings));
  return file;
}

/** The one-line error for a settings file, checked to name the file. */
function errorFor(settings: unknown): string {
  const file = write(settings);
  try {
    loadSiteSettings(file);
  } catch (err) {
    assert.ok(err instanceof QuorumError, `a QuorumError, not ${err}`);
    assert.ok(!err.message.includes("\n"), "one line");
    assert.ok(err.message.startsWith(`settings file ${file}: `), `names the file: ${err.message}`);
    return err.message.slice(`settings file ${file}: `.length);
  }
  assert.fail(`${JSON.stringify(settings)} was accepted`);
}

describe("a good settings file", () => {
  test("fills every field, reads the logo and statement files beside it", () => {
    const site = loadSiteSettings(
      write({
        name: "Limerick City and County Council",
        logo: { file: "logo.png", alt: "Limerick City and County Council crest" },
        colours: { header: "#00594F", link: "#00594f" },
        footerLinks: [{ text: "Privacy", href: "https://www.limerick.ie/privacy" }, { text: "Cookies", href: "/cookies" }],
        contact: { email: "democratic@limerick.ie", phone: "+353 61 556 000" },
        accessibilityStatement: { file: "statement.md" },
      }),
    );
    assert.equal(site.name, "Limerick City and County Council");
    assert.equal(site.custom, true);
    assert.deepEqual(site.logo && { src: site.logo.src, alt: site.logo.alt, type: site.logo.file?.type, bytes: Buffer.from(site.logo.file!.bytes).equals(PNG) }, {
      src: "/site-logo.png",
      alt: "Limerick City and County Council crest",
      type: "image/png",
      bytes: true,
    });
    assert.deepEqual(site.colours, { ...DEFAULT_COLOURS, header: "#00594f", link: "#00594f" }, "colours are lower-cased, the rest default");
    assert.equal(site.footerLinks.length, 2);
    assert.equal(site.contact.phone, "+353 61 556 000");
    assert.match(site.accessibilityStatement ?? "", /^We checked every page\./);
    assert.deepEqual(site.licence, OGL, "the data licence defaults to the OGL v3.0");
  });

  test("the example settings file in examples/ is valid", () => {
    const site = loadSiteSettings(resolve(import.meta.dirname, "../../../examples/quorum.site.json"));
    assert.equal(site.name, "Example Borough Council");
    assert.equal(site.logo?.file?.type, "image/svg+xml");
  });

  test("a logo may be an https address instead of a file", () => {
    const site = loadSiteSettings(write({ name: "X Council", logo: { url: "https://cdn.example.org/logo.svg", alt: "X Council" } }));
    assert.deepEqual(site.logo, { src: "https://cdn.example.org/logo.svg", alt: "X Council" });
  });
});

describe("a bad settings file stops with the field named", () => {
  const cases: [string, unknown, RegExp][] = [
    ["not JSON", "{ name: 'x' ", /^is not valid JSON/],
    ["no name", { tagline: "x" }, /^name: is required$/],
    ["an empty name", { name: "  " }, /^name: must not be empty$/],
    ["a misspelt setting", { name: "X", colors: { link: "#000000" } }, /^colors: is not a setting/],
    ["a misspelt nested setting", { name: "X", colours: { links: "#000000" } }, /^colours\.links: is not a setting/],
    ["a colour that is not #rrggbb", { name: "X", colours: { link: "blue" } }, /^colours\.link: write a colour as #rrggbb/],
    ["a link colour too pale on white", { name: "X", colours: { link: "#7fb2e5" } }, /^colours\.link: #7fb2e5 on #ffffff has contrast 2\.\d\d:1 against the white page; WCAG AA needs at least 4\.5:1$/],
    ["header text too close to the header", { name: "X", colours: { header: "#1d70b8", headerText: "#0b0c0c" } }, /^colours\.headerText: #0b0c0c on #1d70b8 has contrast 3\.\d\d:1/],
    ["a logo with neither file nor url", { name: "X", logo: { alt: "X" } }, /^logo: give exactly one of file or url$/],
    ["a logo with no alt text", { name: "X", logo: { file: "logo.png" } }, /^logo\.alt: is required$/],
    ["a logo file that is missing", { name: "X", logo: { file: "nope.png", alt: "" } }, /^logo\.file: cannot read "nope\.png" \(ENOENT\)$/],
    ["a logo that is not an image", { name: "X", logo: { file: "statement.md", alt: "" } }, /^logo\.file: must be one of \.svg/],
    ["a logo address over http", { name: "X", logo: { url: "http://example.org/l.png", alt: "" } }, /^logo\.url: must be an https:\/\/ address$/],
    ["a footer link to javascript:", { name: "X", footerLinks: [{ text: "Hi", href: "javascript:alert(1)" }] }, /^footerLinks\.0\.href: must be an http\(s\):\/\/ address/],
    ["a footer link with no text", { name: "X", footerLinks: [{ text: "", href: "/x" }] }, /^footerLinks\.0\.text: must not be empty$/],
    ["an email that is not one", { name: "X", contact: { email: "council at example" } }, /^contact\.email: must be an email address$/],
    ["a statement file that is missing", { name: "X", accessibilityStatement: { file: "none.md" } }, /^accessibilityStatement\.file: cannot read "none\.md"/],
    ["a licence without its address", { name: "X", licence: { name: "CC BY 4.0" } }, /^licence\.url: is required$/],
    ["a licence address that is not one", { name: "X", licence: { name: "CC BY 4.0", url: "creativecommons" } }, /^licence\.url: must be a full http/],
  ];
  for (const [what, settings, expected] of cases) {
    test(what, () => assert.match(errorFor(settings), expected));
  }

  test("a missing file", () => {
    assert.throws(() => loadSiteSettings(join(dir, "absent.json")), (err: Error) => err instanceof QuorumError && /^settings file .*absent\.json: cannot be read \(ENOENT\)$/.test(err.message));
  });
});

test("contrast ratios match WCAG's published values", () => {
  assert.equal(contrastRatio("#000000", "#ffffff"), 21);
  assert.equal(contrastRatio("#ffffff", "#ffffff"), 1);
  // GOV.UK's link blue on white is documented as 5.17:1
  assert.equal(contrastRatio("#1d70b8", "#ffffff").toFixed(2), "5.17");
  assert.equal(contrastRatio("#767676", "#ffffff").toFixed(2), "4.54");
});
