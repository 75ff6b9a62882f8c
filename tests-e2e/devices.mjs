// Each browser a journey opens is another phone on another network: its own client address, which
// wrangler dev passes through as CF-Connecting-IP. The store limits sign-ups per address, as it
// would a script; journeys that sign up many shoppers must look like many phones, not one.
let next = 0;

/** @returns context options giving the browser a documentation address (203.0.113.0/24) of its own */
export function ownAddress() {
  next += 1;
  return { extraHTTPHeaders: { "cf-connecting-ip": `203.0.113.${next % 250}` } };
}
