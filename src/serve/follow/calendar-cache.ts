// Calendar files made once per change, not once per poll: writing a few thousand events through
// ical-generator costs far more than reading them, and calendar clients ask again and again for the
// same file. Kept per process, keyed by what the file covers, and made again when the store's
// fingerprint of its meetings changes; bounded by total size, the least recently used dropped first.
export const CALENDAR_CACHE_BYTES = 16 * 1024 * 1024;

interface Entry {
  fingerprint: string;
  body: string;
  lastModified: Date | null;
}

const entries = new Map<string, Entry>();
let bytes = 0;

function drop(key: string): void {
  const e = entries.get(key);
  if (!e) return;
  bytes -= e.body.length;
  entries.delete(key);
}

/** The file for `key` made at `fingerprint`, made now by `make` if it was not. */
export async function cachedCalendar(key: string, fingerprint: string, make: () => Promise<Omit<Entry, "fingerprint">>): Promise<Omit<Entry, "fingerprint">> {
  const hit = entries.get(key);
  if (hit && hit.fingerprint === fingerprint) {
    // most recently used last
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  drop(key);
  const made = await make();
  if (made.body.length <= CALENDAR_CACHE_BYTES) {
    entries.set(key, { ...made, fingerprint });
    bytes += made.body.length;
    for (const k of entries.keys()) {
      if (bytes <= CALENDAR_CACHE_BYTES) break;
      drop(k);
    }
  }
  return made;
}
