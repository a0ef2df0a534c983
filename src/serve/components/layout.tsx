import type { Child } from "hono/jsx";
import { usePageInfo } from "../site/context.ts";
import { siteCssHref } from "../site/site-css.ts";
import { FeedLinks, feedsFor, FollowLinks } from "../follow/alternate.tsx";

export interface Crumb {
  href: string;
  text: string;
}

export type Section = "home" | "committees" | "calendar" | "decisions" | "recommendations" | "people" | "search";

const NAV: { section: Section; href: string; text: string }[] = [
  { section: "committees", href: "/committees", text: "Committees" },
  { section: "calendar", href: "/calendar", text: "Meetings" },
  { section: "decisions", href: "/decisions", text: "Decisions" },
  { section: "recommendations", href: "/recommendations", text: "Recommendations" },
  { section: "people", href: "/people", text: "People" },
  { section: "search", href: "/search", text: "Search" },
];

export interface LayoutProps {
  /** The page's own title; " – " and the site's name are added. Without one, the site's name. */
  title?: string;
  section?: Section;
  breadcrumbs?: Crumb[];
  children?: Child;
  /** Extra elements for <head>, e.g. alternate links. */
  head?: Child;
}

export function Layout({ title, section, breadcrumbs, children, head }: LayoutProps) {
  const { site, account, path } = usePageInfo();
  const feeds = path ? feedsFor(path) : null;
  return (
    <html lang="en-GB" class="govuk-template govuk-template--rebranded">
      <head>
        <meta charset="utf-8" />
        <title>{title ? `${title} – ${site.name}` : site.name}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content={site.colours.header} />
        <meta name="description" content="Committee meetings, attendance and decisions, read from councils' published minutes, each linked to the text it came from." />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/govuk-frontend.min.css" />
        <link rel="stylesheet" href="/assets/quorum.css" />
        <link rel="stylesheet" href={siteCssHref(site)} />
        {head}
        {feeds && <FeedLinks {...feeds} />}
      </head>
      <body class="govuk-template__body">
        <script src="/assets/js-enabled.js"></script>
        <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">
          Skip to main content
        </a>
        <header class="qm-header">
          <div class="govuk-width-container">
            <div class="qm-header__container">
              <a href="/" class="qm-header__service">
                {site.logo && <img class="qm-header__logo" src={site.logo.src} alt={site.logo.alt} />}
                {site.name}
              </a>
              <p class="qm-header__tagline">{site.tagline}</p>
              <AccountLinks account={account} />
            </div>
          </div>
        </header>
        <section aria-label="Service information" class="govuk-service-navigation" data-module="govuk-service-navigation">
          <div class="govuk-width-container">
            <div class="govuk-service-navigation__container">
              <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
                <button
                  type="button"
                  class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                  aria-controls="navigation"
                  hidden
                  aria-hidden="true"
                >
                  Menu
                </button>
                <ul class="govuk-service-navigation__list" id="navigation">
                  {NAV.map((n) => {
                    const active = n.section === section;
                    return (
                      <li class={`govuk-service-navigation__item${active ? " govuk-service-navigation__item--active" : ""}`}>
                        <a class="govuk-service-navigation__link" href={n.href} aria-current={active ? "true" : undefined}>
                          {active ? <strong class="govuk-service-navigation__active-fallback">{n.text}</strong> : n.text}
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </nav>
            </div>
          </div>
        </section>
        <div class="govuk-width-container">
          {breadcrumbs && breadcrumbs.length > 0 && (
            <nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
              <ol class="govuk-breadcrumbs__list">
                {breadcrumbs.map((b) => (
                  <li class="govuk-breadcrumbs__list-item">
                    <a class="govuk-breadcrumbs__link" href={b.href}>
                      {b.text}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          <main class="govuk-main-wrapper" id="main-content">
            {children}
            {feeds && <FollowLinks {...feeds} />}
          </main>
        </div>
        <footer class="govuk-footer">
          <div class="govuk-width-container">
            <div class="govuk-footer__meta">
              <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                <h2 class="govuk-visually-hidden">Support links</h2>
                <ul class="govuk-footer__inline-list">
                  <li class="govuk-footer__inline-list-item">
                    <a class="govuk-footer__link" href="/data">
                      Open data API
                    </a>
                  </li>
                  <li class="govuk-footer__inline-list-item">
                    <a class="govuk-footer__link" href="/calendar">
                      Meetings calendar
                    </a>
                  </li>
                  <li class="govuk-footer__inline-list-item">
                    <a class="govuk-footer__link" href="/feeds">
                      Feeds and calendars
                    </a>
                  </li>
                  <li class="govuk-footer__inline-list-item">
                    <a class="govuk-footer__link" href="/accessibility">
                      Accessibility statement
                    </a>
                  </li>
                  {site.footerLinks.map((l) => (
                    <li class="govuk-footer__inline-list-item">
                      <a class="govuk-footer__link" href={l.href}>
                        {l.text}
                      </a>
                    </li>
                  ))}
                </ul>
                <Contact contact={site.contact} name={site.name} />
                <p class="govuk-body-s govuk-!-margin-bottom-0">
                  Records are read from the councils' published minutes. Each value links to the line of the minutes it came from.
                </p>
                <p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  All data is available under the{" "}
                  <a class="govuk-footer__link" href={site.licence.url} rel="license">
                    {site.licence.name}
                  </a>
                  , except where otherwise stated.
                </p>
              </div>
              <div class="govuk-footer__meta-item">Quorum is free software (AGPL-3.0)</div>
            </div>
          </div>
        </footer>
        <script type="module" src="/assets/quorum.js"></script>
      </body>
    </html>
  );
}

function Contact({ contact, name }: { contact: { email?: string; phone?: string; address?: string }; name: string }) {
  if (!contact.email && !contact.phone && !contact.address) return null;
  return (
    <>
      <h2 class="govuk-heading-s govuk-!-margin-bottom-1">Contact {name}</h2>
      <ul class="govuk-footer__list qm-contact">
        {contact.email && (
          <li class="govuk-footer__list-item">
            Email: <a class="govuk-footer__link" href={`mailto:${contact.email}`}>{contact.email}</a>
          </li>
        )}
        {contact.phone && (
          <li class="govuk-footer__list-item">
            Telephone: <a class="govuk-footer__link" href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>{contact.phone}</a>
          </li>
        )}
        {contact.address && <li class="govuk-footer__list-item qm-address">{contact.address}</li>}
      </ul>
    </>
  );
}

function AccountLinks({ account }: { account?: { name: string; csrf: string } }) {
  if (!account) {
    return (
      <p class="qm-header__account">
        <a class="govuk-link govuk-link--inverse" href="/sign-in">
          Sign in
        </a>
      </p>
    );
  }
  return (
    <form class="qm-header__account" method="post" action="/sign-out">
      <span class="qm-header__user">{account.name}</span>
      <input type="hidden" name="csrf" value={account.csrf} />
      <button type="submit" class="qm-header__signout govuk-link govuk-link--inverse">
        Sign out
      </button>
    </form>
  );
}
