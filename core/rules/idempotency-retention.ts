// How long the store remembers an Idempotency-Key: at least a day (PRODUCT.md), published in the API document.

/** Keys older than this are forgotten by the minute cron; the same key after that is a new request. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600 * 1000;
