// Under CI a suite that cannot run here fails the run instead of skipping, so a green CI run has
// run every suite; on a developer's machine it skips and the reporter prints why.
export const IN_CI = !!process.env.CI && !/^(0|false)$/i.test(process.env.CI);

/** The skip reason outside CI, false when the suite can run; under CI a missing part throws. */
export function skipUnlessCi(reason: string | null): string | false {
  if (!reason) return false;
  if (IN_CI) throw new Error(`CI=true and ${reason}`);
  return reason;
}
