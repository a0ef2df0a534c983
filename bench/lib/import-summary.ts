// The summary line `quorum import` prints last: "N documents: ok X (A new, B updated in place),
// unchanged U, failed F". Documents the parser cannot store (no date, an agenda alone) are counted
// as failed and make the exit status 1; that is still a finished import.

export interface ImportSummary {
  documents: number;
  ok: number;
  unchanged: number;
  failed: number;
}

export function importSummary(stdout: string): ImportSummary | null {
  const m = /(\d+) documents?: ok (\d+) \(\d+ new, \d+ updated in place\), unchanged (\d+), failed (\d+)/.exec(stdout.replace(/\r/g, "\n"));
  return m ? { documents: Number(m[1]), ok: Number(m[2]), unchanged: Number(m[3]), failed: Number(m[4]) } : null;
}

/** Whether the import finished: exit 0, or exit 1 with its summary and every failure a document's own. */
export function importFinished(code: number | null, stdout: string): boolean {
  if (code === 0) return true;
  return code === 1 && importSummary(stdout) != null && !/failed: matching names to people/.test(stdout);
}
