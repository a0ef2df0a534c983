// Site settings: the council's own name, logo, colours, footer links, contact details,
// accessibility statement and data licence. Read from a JSON file at start (see load.ts) and
// checked here with zod, including the contrast of the chosen colours, so a bad file stops
// `quorum serve` with one line naming the field instead of publishing an unreadable site.
import { z } from "zod";
import { contrastRatio, AA_TEXT } from "./contrast.ts";

export const OGL = {
  name: "Open Government Licence v3.0",
  url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
};

/** The colours the portal uses without settings (GOV.UK Frontend's own). */
export const DEFAULT_COLOURS = {
  header: "#0b0c0c",
  headerText: "#ffffff",
  accent: "#1d70b8",
  link: "#1d70b8",
};

const WHITE = "#ffffff";
/** GOV.UK Frontend's light grey, behind decisions and inset text, where links also appear. */
const LIGHT_GREY = "#f3f2f1";
/** The menu bar under the header (GOV.UK Frontend's service navigation). */
const NAV_BLUE = "#f4f8fb";

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, "write a colour as #rrggbb, for example #1d70b8").transform((s) => s.toLowerCase());
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const webUrl = z
  .string()
  .max(2000)
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), "must be a full http:// or https:// address");
/** Where a footer link may point: a web address, a path on this site, or an email or telephone link. */
const href = z
  .string()
  .max(2000)
  .refine((s) => /^\/(?!\/)/.test(s) || /^(mailto|tel):\S+$/.test(s) || (URL.canParse(s) && /^https?:$/.test(new URL(s).protocol)), "must be an http(s):// address, a path starting with /, mailto: or tel:");

const oneOf = <T extends Record<string, unknown>>(keys: (keyof T & string)[]) => (v: T, ctx: z.RefinementCtx) => {
  const given = keys.filter((k) => v[k] !== undefined);
  if (given.length !== 1) ctx.addIssue({ code: "custom", message: `give exactly one of ${keys.join(" or ")}` });
};

export const settingsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  name: text(120),
  tagline: text(200).optional(),
  logo: z
    .strictObject({
      /** an image file, relative to the settings file, served by the portal */
      file: text(500).optional(),
      /** an https:// image address (added to the Content-Security-Policy's img-src) */
      url: webUrl.refine((s) => s.startsWith("https://"), "must be an https:// address").optional(),
      /** what a screen reader reads; "" when the image only repeats the name shown beside it */
      alt: z.string().trim().max(200, "must be at most 200 characters"),
    })
    .superRefine(oneOf(["file", "url"]))
    .optional(),
  colours: z
    .strictObject({ header: hex.optional(), headerText: hex.optional(), accent: hex.optional(), link: hex.optional() })
    .optional(),
  footerLinks: z.array(z.strictObject({ text: text(100), href })).max(20, "at most 20 links").optional(),
  contact: z
    .strictObject({
      email: z.email("must be an email address").optional(),
      phone: text(40).optional(),
      address: text(500).optional(),
    })
    .optional(),
  accessibilityStatement: z
    .strictObject({
      /** a Markdown or plain-text file, relative to the settings file */
      file: text(500).optional(),
      text: text(50_000).optional(),
    })
    .superRefine(oneOf(["file", "text"]))
    .optional(),
  licence: z.strictObject({ name: text(200), url: webUrl }).optional(),
});

export type SettingsFile = z.infer<typeof settingsFileSchema>;

export interface SiteLogo {
  /** where the page loads it from: /site-logo.EXT for a file, or the https:// address */
  src: string;
  alt: string;
  /** the image itself, when it is a file served by the portal */
  file?: { bytes: Uint8Array; type: string };
}

/** The settings as the portal uses them: every field filled, files already read. */
export interface Site {
  name: string;
  tagline: string;
  logo: SiteLogo | null;
  colours: typeof DEFAULT_COLOURS;
  footerLinks: { text: string; href: string }[];
  contact: { email?: string; phone?: string; address?: string };
  /** Markdown-like text of the statement, or null for the default one */
  accessibilityStatement: string | null;
  licence: { name: string; url: string };
  /** whether a settings file was given; the default site keeps the name "Quorum" */
  custom: boolean;
}

export const DEFAULT_SITE: Site = {
  name: "Quorum",
  tagline: "Committees, meetings and decisions",
  logo: null,
  colours: DEFAULT_COLOURS,
  footerLinks: [],
  contact: {},
  accessibilityStatement: null,
  licence: OGL,
  custom: false,
};

export interface ContrastProblem {
  field: string;
  message: string;
}

/** Colour pairs that must reach WCAG AA for normal text (4.5:1). */
export function contrastProblems(colours: typeof DEFAULT_COLOURS): ContrastProblem[] {
  const out: ContrastProblem[] = [];
  const check = (field: string, fg: string, bg: string, against: string) => {
    const ratio = contrastRatio(fg, bg);
    if (ratio < AA_TEXT) out.push({ field, message: `${fg} on ${bg} has contrast ${ratio.toFixed(2)}:1 ${against}; WCAG AA needs at least ${AA_TEXT}:1` });
  };
  check("colours.headerText", colours.headerText, colours.header, "against colours.header");
  check("colours.link", colours.link, WHITE, "against the white page");
  check("colours.link", colours.link, LIGHT_GREY, "against the light grey panels");
  check("colours.link", colours.link, NAV_BLUE, "against the menu bar");
  return out;
}
