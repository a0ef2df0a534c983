// The shape of a generated archive, decided before any text is written: councils (about one per
// 2,000 meetings, at least two), each with 6–15 committees meeting on a calendar over the years,
// seats filled at four-yearly elections and by-elections, committee places given out each May
// from whoever then sits, and the officers who attend. Everything follows from the seed.
import { COMMITTEES, councilNames, NameSource, type GeneratedName } from "./generate-names.ts";
import { Random } from "./generate-random.ts";

export interface Person extends GeneratedName {
  /** "member", "officer" or "other" */
  kind: "member" | "officer" | "other";
}

interface Term {
  person: Person;
  from: string;
  /** the day the seat passes to someone else (exclusive); null while held */
  to: string | null;
}

export interface Council {
  index: number;
  name: string;
  committees: Committee[];
  seats: Term[][];
  officers: Person[];
  public: Person[];
}

export interface Committee {
  index: number;
  name: string;
  size: number;
  /** committee places by municipal year (the year in which that May falls): seat numbers */
  places: Map<number, number[]>;
  officers: Person[];
  dates: string[];
}

export interface MeetingPlan {
  council: Council;
  committee: Committee;
  date: string;
  /** the committee's members sitting on that date, then the council's other members */
  members: Person[];
  others: Person[];
  officers: Person[];
}

/** The most years a council's archive goes back. */
export const MAX_YEARS = 15;

/** The last day any generated meeting may fall on. */
export const LAST_DAY = "2025-03-27";

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export function councilCount(meetings: number): number {
  return Math.max(2, Math.round(meetings / 2000));
}

/** Splits `total` over weights as whole numbers (largest remainders), the sum exactly `total`. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const short = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < short; k++) out[order[k % order.length][1]]++;
  return out;
}

/** Meeting dates going back from LAST_DAY every `weeks` weeks on one weekday, none in August or over Christmas. */
function calendar(count: number, weeks: number, weekday: number): string[] {
  const dates: string[] = [];
  let t = Date.parse(`${LAST_DAY}T12:00:00Z`);
  while (new Date(t).getUTCDay() !== weekday) t -= DAY;
  while (dates.length < count) {
    const d = new Date(t);
    const month = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    if (month !== 8 && !(month === 12 && day > 20) && !(month === 1 && day < 5)) dates.push(iso(t));
    t -= weeks * 7 * DAY;
  }
  return dates.reverse();
}

export function planArchive(meetings: number, seed: number): { councils: Council[]; plans: () => Generator<MeetingPlan> } {
  const random = Random.derive(seed, 1);
  const names = councilNames(random, councilCount(meetings));
  const perCouncil = apportion(meetings, names.map(() => 1));
  const councils: Council[] = names.map((name, index) => buildCouncil(Random.derive(seed, 2, index), index, name, perCouncil[index]));
  function* plans(): Generator<MeetingPlan> {
    // council by council, each in date order, as a council's archive is usually loaded
    for (const council of councils) {
      const all = council.committees.flatMap((committee) => committee.dates.map((date) => ({ committee, date })));
      all.sort((a, b) => a.date.localeCompare(b.date) || a.committee.index - b.committee.index);
      for (const { committee, date } of all) yield plan(council, committee, date);
    }
  }
  return { councils, plans };
}

function buildCouncil(random: Random, index: number, name: string, meetings: number): Council {
  const people = new NameSource(random);
  const committeeCount = Math.min(COMMITTEES.length, random.int(6, 15));
  const chosen = [COMMITTEES[0], ...random.shuffle(COMMITTEES.slice(1)).slice(0, committeeCount - 1)];
  // the full council and planning meet more often than a standards committee: meetings in proportion to frequency
  // (every committee meets at least once when there are meetings enough)
  const floor = meetings >= chosen.length ? 1 : 0;
  const counts = apportion(meetings - floor * chosen.length, chosen.map((c) => 1 / c.weeks)).map((n) => n + floor);
  // Meetings in proportion to frequency give every committee the same span of years; past
  // MAX_YEARS (less August and Christmas, when none meets), every committee meets more often instead.
  const span = counts.reduce((n, k, i) => Math.max(n, k * chosen[i].weeks), 0);
  const most = Math.floor(MAX_YEARS * 52 * 0.87);
  const weeks = (i: number) => (span <= most ? chosen[i].weeks : Math.max(1, Math.floor(most / Math.max(1, counts[i]))));
  const committees: Committee[] = chosen.map((c, i) => ({
    index: i,
    name: c.name,
    size: random.int(6, 15),
    places: new Map(),
    officers: [],
    dates: calendar(counts[i], weeks(i), random.int(1, 4)),
  }));
  const first = committees.map((c) => c.dates[0]).filter(Boolean).sort()[0] ?? LAST_DAY;
  const firstYear = Number(first.slice(0, 4)) - 1;
  const lastYear = Number(LAST_DAY.slice(0, 4));

  // Seats: all filled at the start, then a quarter change hands at each four-yearly election, and a
  // seat now and then at a by-election.
  const seatCount = random.int(30, 55);
  const seats: Term[][] = Array.from({ length: seatCount }, () => [{ person: { ...people.next(), kind: "member" }, from: `${firstYear}-01-01`, to: null }]);
  const electionOffset = random.int(0, 3);
  const handOver = (seat: Term[], day: string) => {
    seat[seat.length - 1].to = day;
    seat.push({ person: { ...people.next(), kind: "member" }, from: day, to: null });
  };
  for (let year = firstYear + 1; year <= lastYear; year++) {
    if ((year + electionOffset) % 4 === 0) {
      for (const seat of seats) if (random.chance(0.25)) handOver(seat, `${year}-05-0${random.int(2, 7)}`);
    }
    if (random.chance(0.6)) handOver(random.pick(seats), `${year}-${String(random.int(2, 11)).padStart(2, "0")}-${String(random.int(10, 28)).padStart(2, "0")}`);
  }
  // Committee places each municipal year: most of last year's members stay, the rest are drawn afresh.
  for (const c of committees) {
    let last: number[] = [];
    for (let year = firstYear; year <= lastYear; year++) {
      const size = Math.min(c.size, seatCount);
      const kept = last.filter(() => random.chance(0.75));
      const rest = random.shuffle([...Array(seatCount).keys()].filter((s) => !kept.includes(s)));
      last = [...kept, ...rest.slice(0, size - kept.length)];
      c.places.set(year, last);
    }
  }
  const officers = Array.from({ length: random.int(15, 25) }, (): Person => ({ ...people.next(), kind: "officer" }));
  for (const c of committees) c.officers = random.shuffle([...officers]).slice(0, random.int(2, 5));
  const publicPeople = Array.from({ length: 20 }, (): Person => ({ ...people.next(), kind: "other" }));
  return { index, name, committees, seats, officers, public: publicPeople };
}

function holder(seat: Term[], date: string): Person {
  for (const t of seat) if (t.from <= date && (t.to === null || date < t.to)) return t.person;
  return seat[seat.length - 1].person;
}

function plan(council: Council, committee: Committee, date: string): MeetingPlan {
  const year = Number(date.slice(0, 4)) - (date.slice(5) < "05-15" ? 1 : 0);
  const places = committee.places.get(year) ?? committee.places.get(Math.max(...committee.places.keys()))!;
  const members = places.map((s) => holder(council.seats[s], date));
  const others = council.seats.map((seat, s) => (places.includes(s) ? null : holder(seat, date))).filter((p): p is Person => p !== null);
  return { council, committee, date, members, others, officers: [...committee.officers, ...council.officers.filter((o) => !committee.officers.includes(o))] };
}
