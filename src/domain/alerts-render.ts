// An alert, a digest or a confirmation written as an email: a subject, a plain-text part and an
// HTML part saying the same. No images, no tracking: every link is a plain link to the portal.
import { formatLong } from "./calendar.ts";
import { alertPaths, searchLabel, trackerLabel, type AlertEvent, type AlertItem, type AlertRecommendation, type MessagePayload } from "./alerts.ts";

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** the one-click unsubscribe address (RFC 8058), absent on a confirmation */
  unsubscribeUrl: string | null;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function when(m: { date: string; startTime: string | null; venue: string | null }): string {
  return `${formatLong(m.date)}${m.startTime ? ` at ${m.startTime}` : ""}${m.venue ? `, ${m.venue}` : ""}`;
}

const CHANGE_WORDS = { rescheduled: "moved", postponed: "postponed", cancelled: "cancelled", restored: "restored" } as const;

/** One event: a headline, lines of detail and the link to follow. */
interface Block {
  headline: string;
  lines: string[];
  items: AlertItem[];
  /** what a saved search found, each with its link */
  hits?: { title: string; url: string }[];
  link: { label: string; url: string };
}

const ANSWER_WORDS = { yes: "accepted", partially: "partially accepted", no: "rejected" } as const;
const RAG_WORDS: Record<string, string> = { green: "green (on track)", amber: "amber (at risk)", red: "red (off track)" };
const TRACKER_HEADLINE = { response: "Response recorded", update: "Monitoring update", overdue: "Overdue" } as const;

/** What the news says of one recommendation, on one line. */
function recommendationNews(r: AlertRecommendation): string {
  const parts: string[] = [];
  if (r.response) parts.push(`${ANSWER_WORDS[r.response.answer]}${r.response.actionBy ? `, action by ${formatLong(r.response.actionBy)}` : ""}${r.response.text ? `: ${r.response.text}` : ""}`);
  if (r.update) parts.push(`${formatLong(r.update.date)}, ${RAG_WORDS[r.update.rag] ?? r.update.rag}: ${r.update.text}`);
  if (r.overdue) parts.push(`${r.overdue.what === "response" ? "the executive's response" : "a monitoring update"} was due on ${formatLong(r.overdue.due)}`);
  return `Recommendation ${r.number} (${r.text}): ${parts.join("; ")}`;
}

function trackerBlock(ev: Extract<AlertEvent, { kind: "tracker" }>, base: string): Block {
  const one = ev.recommendations.length === 1;
  const about = one ? trackerLabel(ev.inquiry, ev.recommendations[0].number) : trackerLabel(ev.inquiry, null);
  const what = { response: "The executive's response has been recorded", update: "A monitoring update has been recorded", overdue: "Something is overdue" }[ev.news];
  return {
    headline: `${TRACKER_HEADLINE[ev.news]}: ${about}`,
    lines: [`${what} for ${one ? about : `${ev.recommendations.length} recommendations of ${about}`} (${ev.inquiry.council}):`],
    items: [],
    hits: ev.recommendations.map((r) => ({ title: recommendationNews(r), url: base + alertPaths.recommendation(ev.inquiry.slug, r.number) })),
    link: { label: "The inquiry on the recommendations tracker", url: base + alertPaths.inquiry(ev.inquiry.slug) },
  };
}

/** "21 May 2026", or "May 2026" for a month-only plan. */
function plannedFor(d: string): string {
  return /^\d{4}-\d{2}$/.test(d) ? formatLong(`${d}-01`).replace(/^\d+ /, "") : formatLong(d);
}

function block(ev: AlertEvent, base: string): Block {
  if (ev.kind === "tracker") return trackerBlock(ev, base);
  if (ev.kind === "ward_key_decision") {
    const d = ev.decision;
    return {
      headline: `Key decision for ${ev.ward.name}: ${d.title}`,
      lines: [
        `A key decision affecting ${ev.ward.name} ward (${ev.ward.council}) has been added to the forward plan: ${d.title}. Decision maker: ${d.decisionMaker}. Expected: ${plannedFor(d.plannedDate)}.`,
        ...(d.private ? [`It is to be taken in private${d.private.paragraphs ? ` (Schedule 12A paragraph ${d.private.paragraphs})` : ""}: ${d.private.reason}`] : []),
      ],
      items: [],
      link: { label: "The key decision", url: base + alertPaths.keyDecision(d.slug) },
    };
  }
  const c = ev.committee;
  const meetingUrl = base + alertPaths.meeting(ev.meeting.slug);
  switch (ev.kind) {
    case "meeting_scheduled":
      return { headline: `New meeting of the ${c.name}: ${formatLong(ev.meeting.date)}`, lines: [`The ${c.name} (${c.council}) will meet on ${when(ev.meeting)}.`], items: [], link: { label: "The meeting", url: meetingUrl } };
    case "meeting_changed":
      return {
        headline: `Meeting ${CHANGE_WORDS[ev.change]}: ${c.name}, ${formatLong(ev.meeting.date)}`,
        lines: [`The ${c.name}'s meeting has been ${CHANGE_WORDS[ev.change]}${ev.change === "rescheduled" || ev.change === "restored" ? `: it is now on ${when(ev.meeting)}` : ""}.`, ...(ev.reason ? [`Reason: ${ev.reason}`] : [])],
        items: [],
        link: { label: "The meeting", url: meetingUrl },
      };
    case "agenda_published":
      return {
        headline: `${ev.supplement ? "Agenda supplement" : "Agenda"} published: ${c.name}, ${formatLong(ev.meeting.date)}`,
        lines: [`The ${ev.supplement ? "supplementary agenda" : "agenda"} for the ${c.name}'s meeting on ${when(ev.meeting)} has been published.`],
        items: ev.items,
        link: { label: "The agenda", url: meetingUrl },
      };
    case "ward_agenda":
      return {
        headline: `${ev.ward.name}: ${ev.supplement ? "agenda supplement" : "agenda"} published, ${c.name}, ${formatLong(ev.meeting.date)}`,
        lines: [`The ${ev.supplement ? "supplementary agenda" : "agenda"} for the ${c.name}'s meeting on ${when(ev.meeting)} has been published, with ${ev.items.length === 1 ? "an item" : `${ev.items.length} items`} affecting ${ev.ward.name} ward (${ev.ward.council}):`],
        items: ev.items,
        link: { label: "The agenda", url: meetingUrl },
      };
    case "person_at_meeting":
      return {
        headline: `${ev.person.name}: minutes published, ${c.name}, ${formatLong(ev.meeting.date)}`,
        lines: [`The minutes of the ${c.name}'s meeting on ${formatLong(ev.meeting.date)} have been published. ${ev.attended ? `They name ${ev.person.name} at the meeting` : `${ev.person.name} is named in them`}${ev.motions.length ? `, moving or seconding ${ev.motions.length === 1 ? "a decision" : `${ev.motions.length} decisions`}:` : "."}`],
        items: [],
        hits: ev.motions.map((mo) => ({ title: `${mo.role === "moved" ? "Moved" : "Seconded"}: ${mo.title}`, url: base + mo.path })),
        link: { label: "The minutes", url: base + alertPaths.minutes(ev.meeting.slug) },
      };
    case "search_matched": {
      const what = ev.source === "minutes" ? "minutes" : "agenda";
      return {
        headline: `New for ${searchLabel(ev.search)}: ${c.name}, ${formatLong(ev.meeting.date)}`,
        lines: [`The newly published ${what} of the ${c.name}'s meeting on ${formatLong(ev.meeting.date)} ${ev.hits.length === 1 ? "has 1 match" : `have ${ev.hits.length} matches`} for ${searchLabel(ev.search)}:`],
        items: [],
        hits: ev.hits.map((h) => ({ title: h.title, url: base + h.path })),
        link: { label: "All results for the search", url: base + alertPaths.search(ev.search) },
      };
    }
    case "minutes_published":
      return { headline: `Minutes published: ${c.name}, ${formatLong(ev.meeting.date)}`, lines: [`The minutes of the ${c.name}'s meeting on ${formatLong(ev.meeting.date)} have been published.`], items: [], link: { label: "The minutes", url: base + alertPaths.minutes(ev.meeting.slug) } };
  }
}

function itemText(i: AlertItem, base: string): string[] {
  const head = `${i.number ? `${i.number}. ` : ""}${i.title}${i.exempt ? ` (not for publication${i.exemptParagraph ? `: Schedule 12A paragraph ${i.exemptParagraph}` : ""})` : ""}`;
  return [`- ${head}`, ...i.papers.map((p) => `    ${p.title}: ${base}${p.path}`)];
}

function itemHtml(i: AlertItem, base: string): string {
  const head = `${i.number ? `${esc(i.number)}. ` : ""}${esc(i.title)}${i.exempt ? ` (not for publication${i.exemptParagraph ? `: Schedule 12A paragraph ${esc(i.exemptParagraph)}` : ""})` : ""}`;
  const papers = i.papers.length ? `<ul>${i.papers.map((p) => `<li><a href="${esc(base + p.path)}">${esc(p.title)}</a></li>`).join("")}</ul>` : "";
  return `<li>${head}${papers}</li>`;
}

function blockText(b: Block, base: string): string {
  const hits = b.hits?.length ? ["", ...b.hits.map((h) => `- ${h.title}: ${h.url}`)] : [];
  return [b.headline, "", ...b.lines, ...(b.items.length ? ["", ...b.items.flatMap((i) => itemText(i, base))] : []), ...hits, "", `${b.link.label}: ${b.link.url}`].join("\n");
}

function blockHtml(b: Block, base: string, level: "h1" | "h2"): string {
  return [`<${level}>${esc(b.headline)}</${level}>`, ...b.lines.map((l) => `<p>${esc(l)}</p>`), b.items.length ? `<ul>${b.items.map((i) => itemHtml(i, base)).join("")}</ul>` : "", b.hits?.length ? `<ul>${b.hits.map((h) => `<li><a href="${esc(h.url)}">${esc(h.title)}</a></li>`).join("")}</ul>` : "", `<p><a href="${esc(b.link.url)}">${esc(b.link.label)}</a></p>`].join("\n");
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function footer(token: string, base: string): { text: string; html: string; unsubscribeUrl: string } {
  const unsubscribeUrl = base + alertPaths.unsubscribe(token);
  const manageUrl = base + alertPaths.manage(token);
  return {
    unsubscribeUrl,
    text: ["", "--", `Manage your alerts: ${manageUrl}`, `Unsubscribe: ${unsubscribeUrl}`].join("\n"),
    html: `<hr>\n<p><a href="${esc(manageUrl)}">Manage your alerts</a> | <a href="${esc(unsubscribeUrl)}">Unsubscribe</a></p>`,
  };
}

/** The message for an outbox row's payload; `base` is the site's public address, no trailing slash. */
export function renderMail(p: MessagePayload, base: string): RenderedMail {
  if (p.kind === "confirm" || p.kind === "confirm_search" || p.kind === "confirm_person" || p.kind === "confirm_ward" || p.kind === "confirm_tracker") {
    const url = base + alertPaths.confirm(p.token);
    const about = p.kind === "confirm" ? `the ${p.committee.name}` : p.kind === "confirm_person" ? p.person.name : p.kind === "confirm_ward" ? `${p.ward.name} ward (${p.ward.council})` : p.kind === "confirm_tracker" ? trackerLabel(p.inquiry, p.number) : searchLabel(p.search);
    const subject = `Confirm your email alerts for ${about}`;
    const lines = [
      p.kind === "confirm_ward"
        ? `Someone, probably you, asked for email alerts when an agenda is published with an item affecting ${about}, or a key decision affecting it is added to the forward plan, ${p.frequency === "daily" ? "once a day" : "as they are published"}.`
        : p.kind === "confirm_tracker"
        ? `Someone, probably you, asked for email alerts when the executive's response or a monitoring update is recorded for ${about} (${p.inquiry.council}), or when one is overdue, ${p.frequency === "daily" ? "once a day" : "as it happens"}.`
        : p.kind === "confirm_person"
        ? `Someone, probably you, asked for email alerts when minutes are published of a meeting that ${about} attended or at which they moved or seconded a decision, ${p.frequency === "daily" ? "once a day" : "as they are published"}.`
        : p.kind === "confirm"
        ? `Someone, probably you, asked for email alerts about the ${p.committee.name} (${p.committee.council}), ${p.frequency === "daily" ? "once a day" : "as things happen"}.`
        : `Someone, probably you, asked for email alerts when newly published agendas or minutes match ${about}, ${p.frequency === "daily" ? "once a day" : "as they are published"}.`,
      "To start them, confirm within 48 hours:",
    ];
    const after = "If you did not ask for these alerts, ignore this email: nothing will be sent unless the request is confirmed.";
    return {
      subject,
      text: [...lines, url, "", after].join("\n") + "\n",
      html: page(subject, `<h1>${esc(subject)}</h1>\n${lines.map((l) => `<p>${esc(l)}</p>`).join("\n")}\n<p><a href="${esc(url)}">Confirm email alerts</a></p>\n<p>${esc(after)}</p>`),
      unsubscribeUrl: null,
    };
  }
  if (p.kind === "reminder") {
    const r = p.reminder;
    const url = base + alertPaths.dashboard();
    const thing = r.what === "update" ? "An update" : "The deadline";
    const subject = `${r.state === "overdue" ? "Overdue" : "Due soon"}: ${r.what === "update" ? "update on" : "deadline of"} ${r.heading}`;
    const lines = [`${thing} for ${r.heading}, which you own on the scrutiny tracker, ${r.state === "overdue" ? "was due" : "is due"} on ${formatLong(r.due)}.`, "Sign in to post an update from your dashboard:"];
    return {
      subject,
      text: [...lines, url, "", "You get these reminders because a clerk made you the item's owner."].join("\n") + "\n",
      html: page(subject, `<h1>${esc(subject)}</h1>\n${lines.map((l) => `<p>${esc(l)}</p>`).join("\n")}\n<p><a href="${esc(url)}">Your dashboard</a></p>\n<p>You get these reminders because a clerk made you the item's owner.</p>`),
      unsubscribeUrl: null,
    };
  }
  const f = footer(p.token, base);
  if (p.kind === "alert") {
    const b = block(p.event, base);
    return { subject: b.headline, text: blockText(b, base) + "\n" + f.text + "\n", html: page(b.headline, blockHtml(b, base, "h1") + "\n" + f.html), unsubscribeUrl: f.unsubscribeUrl };
  }
  const blocks = p.events.map((ev) => block(ev, base));
  const subject = `Your daily alerts for ${formatLong(p.day)}: ${blocks.length} ${blocks.length === 1 ? "update" : "updates"}`;
  return {
    subject,
    text: [subject, "", ...blocks.map((b) => blockText(b, base) + "\n")].join("\n") + f.text + "\n",
    html: page(subject, `<h1>${esc(subject)}</h1>\n${blocks.map((b) => blockHtml(b, base, "h2")).join("\n")}\n${f.html}`),
    unsubscribeUrl: f.unsubscribeUrl,
  };
}

/** What an outbox row lists as its subject before it is sent. */
export function subjectOf(p: MessagePayload): string {
  return renderMail(p, "").subject;
}
