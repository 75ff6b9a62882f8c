// How a bargain's price falls: the cuts every helper will make, drawn once when the bargain starts.

/** Each next weight is drawn around this share of the one before: the first helpers cut the most. */
export const CUT_DECAY = 0.75;
/** A weight is jittered by a factor in [1 - JITTER, 1 + JITTER): the cuts look random. */
export const CUT_JITTER = 0.5;

/**
 * Plans the cuts of a bargain: `helpers` amounts that bring the price down exactly by `totalCents`
 * (price − floor), so the last required helper lands on the floor and no one goes below it.
 *
 * 1. every helper is owed 1 fen, so no cut is ever zero;
 * 2. the rest is split by weights `CUT_DECAY^i × (1 ± CUT_JITTER × random)`, sorted from the largest,
 *    so the first helper cuts about a quarter and the last ones a fen or two;
 * 3. each share is rounded down and the fen lost to rounding go one each to the first helpers,
 *    which keeps the cuts in non-increasing order and their sum exact.
 *
 * @param totalCents price − floor, an integer ≥ helpers
 * @param helpers how many friends must help, an integer ≥ 1
 * @param random a source of numbers in [0, 1); tests pass their own
 * @returns the cuts in the order helpers make them: every one ≥ 1, non-increasing, summing to totalCents
 * @example
 * planBargainCuts(9899, 20) // e.g. [2785, 1979, 1113, 910, …, 20, 13, 9]
 */
export function planBargainCuts(totalCents: number, helpers: number, random: () => number = Math.random): number[] {
  if (!Number.isInteger(helpers) || helpers < 1) throw new RangeError("A bargain needs at least one helper");
  if (!Number.isInteger(totalCents) || totalCents < helpers) {
    throw new RangeError("Every helper must cut at least 1 fen");
  }
  const rest = totalCents - helpers;
  const weights = Array.from(
    { length: helpers },
    (_, i) => CUT_DECAY ** i * (1 - CUT_JITTER + 2 * CUT_JITTER * random()),
  ).sort((a, b) => b - a);
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((rest * w) / sum));
  let leftover = rest - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; leftover > 0; i = (i + 1) % helpers, leftover--) shares[i]! += 1;
  return shares.map((s) => s + 1);
}
