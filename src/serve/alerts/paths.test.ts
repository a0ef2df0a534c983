// The links written into messages (domain/alerts.ts, below the web layer) are the portal's own.
import { it } from "node:test";
import assert from "node:assert/strict";
import { alertPaths } from "../../domain/alerts.ts";
import { urls } from "../urls.ts";
import { agendaUrls } from "../agenda/urls.ts";
import { alertUrls } from "./urls.ts";
import { planUrls } from "../forward-plan/urls.ts";
import { trackerUrls } from "../tracker/urls.ts";

it("the paths an email links to are the ones the portal serves", () => {
  const slug = "northshire-cabinet-2026-03-10-1000";
  assert.equal(alertPaths.meeting(slug), urls.meeting(slug));
  assert.equal(alertPaths.committee("north cabinet"), urls.committee("north cabinet"));
  assert.equal(alertPaths.minutes(slug), urls.minutes(slug));
  assert.equal(alertPaths.paper(slug, 12), agendaUrls.paper(slug, 12));
  assert.equal(alertPaths.subscribe("north"), alertUrls.subscribe("north"));
  assert.equal(alertPaths.ward("north-st-johns"), urls.ward("north-st-johns"));
  assert.equal(alertPaths.wardSubscribe("north-st-johns"), alertUrls.wardSubscribe("north-st-johns"));
  assert.equal(alertPaths.keyDecision("north-kd-1"), planUrls.decision("north-kd-1"));
  assert.equal(alertPaths.tracker(), trackerUrls.recommendations());
  assert.equal(alertPaths.inquiry("bucks-2018 inquiry"), trackerUrls.inquiry("bucks-2018 inquiry"));
  assert.equal(alertPaths.recommendation("bucks-2018", "3(a)"), trackerUrls.recommendation("bucks-2018", "3(a)"));
  for (const k of ["confirm", "unsubscribe", "manage"] as const) assert.equal(alertPaths[k]("a-b_c"), alertUrls[k]("a-b_c"));
});
