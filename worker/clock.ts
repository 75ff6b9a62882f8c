// Where the store reads the time: the real clock in production; tests build the app with one they set.

/** @returns epoch milliseconds. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
