// /site.css: the council's colours as a stylesheet, because the Content-Security-Policy
// (style-src 'self') refuses inline styles. Only colours that differ from the defaults are
// written, so without settings the portal looks exactly as it always has.
import { createHash } from "node:crypto";
import { DEFAULT_COLOURS, type Site } from "./settings.ts";

export function siteCss(site: Site): string {
  const c = site.colours;
  const rules: string[] = ["/* generated from the site settings */"];
  if (c.header !== DEFAULT_COLOURS.header) rules.push(`.qm-header { background: ${c.header}; }`);
  if (c.accent !== DEFAULT_COLOURS.accent) {
    rules.push(`.qm-header { border-bottom-color: ${c.accent}; }`);
    rules.push(`.govuk-service-navigation__item--active { border-color: ${c.accent}; }`);
    rules.push(`.govuk-footer { border-top-color: ${c.accent}; }`);
  }
  if (c.headerText !== DEFAULT_COLOURS.headerText) rules.push(`.qm-header__service, .qm-header__tagline, .qm-header__account, .qm-header__account .govuk-link:not(:focus), .qm-header__signout:not(:focus) { color: ${c.headerText}; }`);
  if (c.link !== DEFAULT_COLOURS.link) {
    rules.push(`.govuk-link:link, .govuk-link:hover { color: ${c.link}; }`);
    rules.push(
      `.govuk-service-navigation__link:link, .govuk-service-navigation__link:visited, .govuk-service-navigation__link:hover, .govuk-service-navigation__link:not(:hover):not(:focus) { color: ${c.link}; }`,
    );
  }
  return rules.join("\n") + "\n";
}

/** Path of the stylesheet, with a version so a changed file is fetched at once. */
export function siteCssHref(site: Site): string {
  return `/site.css?v=${createHash("sha256").update(siteCss(site)).digest("base64url").slice(0, 8)}`;
}
