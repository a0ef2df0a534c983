import { test } from "node:test";
import assert from "node:assert/strict";
import { agendaNotice, bankHolidays, clearWorkingDaysBetween, easterSunday, isWorkingDay, latestNoticeDate, weekday } from "./working-days.ts";

// England and Wales bank holidays as published on gov.uk/bank-holidays for 2018–2027, typed in
// from that list (substitute days where the day itself fell at a weekend, and the one-off days).
const GOV_UK: Record<number, string[]> = {
  2018: ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
  2019: ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
  2020: ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"],
  2021: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
  2022: ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"],
  2023: ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
  2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
  2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
  2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
  2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
};

for (const [year, days] of Object.entries(GOV_UK)) {
  test(`bank holidays of ${year} are gov.uk's`, () => {
    assert.deepEqual(bankHolidays(Number(year)).map((h) => h.date), days.map((d) => `${year}-${d}`));
  });
}

test("substitute days are named as such, and the day kept on its own weekday keeps its name", () => {
  // 2022: Christmas on a Sunday; Boxing Day is Monday 26th, Christmas's substitute Tuesday 27th
  const h2022 = bankHolidays(2022);
  assert.equal(h2022.find((h) => h.date === "2022-12-26")!.name, "Boxing Day");
  assert.equal(h2022.find((h) => h.date === "2022-12-27")!.name, "Christmas Day (substitute day)");
  assert.equal(h2022.find((h) => h.date === "2022-01-03")!.name, "New Year's Day (substitute day)");
  assert.equal(h2022.find((h) => h.date === "2022-09-19")!.name, "State Funeral of Queen Elizabeth II");
});

test("Easter Sunday for known years", () => {
  assert.equal(easterSunday(2019), "2019-04-21");
  assert.equal(easterSunday(2024), "2024-03-31");
  assert.equal(easterSunday(2038), "2038-04-25");
  assert.equal(easterSunday(2285), "2285-03-22");
});

test("weekday counts from a known Thursday", () => {
  assert.equal(weekday("1970-01-01"), 4);
  assert.equal(weekday("2026-12-05"), 6);
  assert.equal(weekday("1969-12-28"), 0);
});

test("weekends and bank holidays are not working days", () => {
  assert.equal(isWorkingDay("2026-03-13"), true); // Friday
  assert.equal(isWorkingDay("2026-03-14"), false); // Saturday
  assert.equal(isWorkingDay("2026-03-15"), false); // Sunday
  assert.equal(isWorkingDay("2023-05-08"), false); // Coronation
  assert.equal(isWorkingDay("2022-09-19"), false); // State Funeral
});

// s.100B(3): "at least five clear days before the meeting"; s.100K(1): clear days exclude "the day
// on which the notice is given" and "the day on which the meeting is held".
test("five clear days: the day of publication and the day of the meeting are not counted", () => {
  // meeting Thursday 19 March 2026: Thu 12, Fri 13, Mon 16, Tue 17, Wed 18 are clear
  assert.equal(clearWorkingDaysBetween("2026-03-11", "2026-03-19"), 5);
  assert.equal(clearWorkingDaysBetween("2026-03-12", "2026-03-19"), 4);
  assert.equal(latestNoticeDate("2026-03-19"), "2026-03-11");
  assert.deepEqual(agendaNotice("2026-03-11", "2026-03-19"), { clearDays: 5, required: 5, dueBy: "2026-03-11", late: false });
  assert.equal(agendaNotice("2026-03-12", "2026-03-19").late, true);
});

test("published on a Friday for a Friday meeting: the weekends in between do not count", () => {
  // Fri 6 → Fri 13 March 2026: Mon 9 … Thu 12 are four clear working days
  assert.equal(clearWorkingDaysBetween("2026-03-06", "2026-03-13"), 4);
  assert.equal(latestNoticeDate("2026-03-13"), "2026-03-05");
});

test("Easter: Good Friday and Easter Monday are not clear days", () => {
  // meeting Thursday 9 April 2026: Wed 8, Tue 7, Thu 2, Wed 1, Tue 31 March are the five
  assert.equal(latestNoticeDate("2026-04-09"), "2026-03-30");
  assert.equal(clearWorkingDaysBetween("2026-03-31", "2026-04-09"), 4);
});

test("the one-off days of 2022 and 2023 are not clear days", () => {
  // meeting Wed 21 Sept 2022: Tue 20, Fri 16, Thu 15, Wed 14, Tue 13 (Mon 19: the State Funeral)
  assert.equal(latestNoticeDate("2022-09-21"), "2022-09-12");
  // meeting Thu 11 May 2023: Wed 10, Tue 9, Fri 5, Thu 4, Wed 3 (Mon 8: the Coronation)
  assert.equal(latestNoticeDate("2023-05-11"), "2023-05-02");
});

test("Christmas: the substitute days are not clear days", () => {
  // meeting Tue 4 Jan 2022: Wed 29, Thu 30, Fri 31 Dec, and Mon 3 Jan is New Year's substitute day
  assert.equal(clearWorkingDaysBetween("2021-12-24", "2022-01-04"), 3);
});

test("a meeting on or before the day of publication has no clear days", () => {
  assert.equal(clearWorkingDaysBetween("2026-03-19", "2026-03-19"), 0);
  assert.equal(clearWorkingDaysBetween("2026-03-20", "2026-03-19"), 0);
});
