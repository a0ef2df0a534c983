// The addresses of email alerts' pages. Links in messages are built in domain/alerts.ts
// (`alertPaths`), which alerts-paths.test.ts checks against these.
const e = encodeURIComponent;

export const alertUrls = {
  subscribe: (committeeSlug: string) => `/committees/${e(committeeSlug)}/alerts`,
  requested: (committeeSlug: string) => `/committees/${e(committeeSlug)}/alerts/check-email`,
  personSubscribe: (slug: string) => `/people/${e(slug)}/alerts`,
  personRequested: (slug: string) => `/people/${e(slug)}/alerts/check-email`,
  wardSubscribe: (slug: string) => `/wards/${e(slug)}/alerts`,
  wardRequested: (slug: string) => `/wards/${e(slug)}/alerts/check-email`,
  searchSubscribe: () => "/search/alerts",
  searchRequested: () => "/search/alerts/check-email",
  inquirySubscribe: (slug: string) => `/recommendations/${e(slug)}/alerts`,
  inquiryRequested: (slug: string) => `/recommendations/${e(slug)}/alerts/check-email`,
  recommendationSubscribe: (inquirySlug: string, number: string) => `/recommendations/${e(inquirySlug)}/${e(number)}/alerts`,
  recommendationRequested: (inquirySlug: string, number: string) => `/recommendations/${e(inquirySlug)}/${e(number)}/alerts/check-email`,
  confirm: (token: string) => `/alerts/confirm/${e(token)}`,
  unsubscribe: (token: string) => `/alerts/unsubscribe/${e(token)}`,
  manage: (token: string) => `/alerts/manage/${e(token)}`,
};

/** The alerts' forms, which anyone may post: asking for alerts, confirming, unsubscribing, managing. */
export const ALERT_POSTS = /^(?:\/committees\/[^/]+\/alerts|\/people\/[^/]+\/alerts|\/wards\/[^/]+\/alerts|\/search\/alerts|\/recommendations\/[^/]+(?:\/[^/]+)?\/alerts|\/alerts\/(?:confirm|unsubscribe|manage)\/[^/]+)$/;
