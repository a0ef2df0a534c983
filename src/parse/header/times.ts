// Clock times as minutes print them: "7.30 pm", "2.30p.m.", "3.00 P.M.", "7pm", "21:12pm", "19:30",
// "8.OOp.m." (OCR reads 0 as O), "10.30 am". Returned as 24-hour "HH:MM".

export interface TimeMatch {
  value: string;
  index: number;
  length: number;
}

// hour, optional minutes (digits or OCR O/o), optional meridiem; the lookarounds keep it off
// dates ("12.12.2016"), money ("£7.50") and item numbers ("7.2 Finance").
const TIME = /(?<![\w.,:£$\/-])(\d{1,2})(?:\s?[.:]\s?([0-5OoQlI][0-9OolI]))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|noon|hrs|hours)?(?![\w\/])(?![.:]\d)/gi;

function toHHMM(h: number, m: number, mer: string | undefined): string | null {
  const ampm = mer ? mer.toLowerCase().replace(/[^apmnoh]/g, "") : "";
  if (ampm.startsWith("p") && h < 12) h += 12;
  else if (ampm.startsWith("a") && h === 12) h = 0;
  if (h > 23 || m > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/**
 * Every clock time in `text`. A bare number only counts with a meridiem or with minutes after
 * a colon or point ("7.30") when `loose` is set, so that "item 7" is never a time.
 */
export function findTimes(text: string, loose = false): TimeMatch[] {
  const out: TimeMatch[] = [];
  TIME.lastIndex = 0;
  for (let m = TIME.exec(text); m; m = TIME.exec(text)) {
    const [whole, hs, ms, mer] = m;
    if (!mer && !(ms && loose)) continue;
    if (!mer && !/:/.test(whole) && !loose) continue;
    const h = Number(hs);
    const mm = ms ? Number(ms.replace(/[OoQ]/g, "0").replace(/[lI]/g, "1")) : 0;
    if (!ms && mer && /^(hrs|hours)$/i.test(mer)) continue;
    if (ms && mer && /^(hrs|hours)$/i.test(mer) && hs.length < 2) continue;
    // 24-hour clock with a stray "pm" ("21:12pm") keeps its hour
    const v = toHHMM(h, mm, h > 12 ? undefined : mer);
    if (v) out.push({ value: v, index: m.index, length: whole.trimEnd().length });
  }
  return out;
}

/** The first clock time in `text`, or null. */
export function parseTime(text: string, loose = true): TimeMatch | null {
  return findTimes(text, loose)[0] ?? null;
}
