// A fixed sample of a folder of real minutes for the crash and concurrency benchmarks: every k-th
// document of the sorted walk, so the same arguments give the same documents.
import { walkDocuments } from "../src/cli/files.ts";

export async function sampleDocuments(dirs: string[], n: number): Promise<string[]> {
  const { documents } = await walkDocuments(dirs);
  if (documents.length <= n) return documents;
  const step = documents.length / n;
  return Array.from({ length: n }, (_, i) => documents[Math.floor(i * step)]);
}

export const median = (xs: number[]) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
