// Who the browser suites play and on what: the merchant's account, a shopper's phone, the
// merchant's laptop, and what a phone's page waits for before a tap.

/** The seeded merchant (README; ADMIN_PHONE / ADMIN_PASSWORD override it). */
export const MERCHANT = {
  phone: process.env.ADMIN_PHONE ?? "13800000000",
  password: process.env.ADMIN_PASSWORD ?? "merchant-demo-pass",
};

/** A phone's browser in China; a headless user agent would be taken for a bot, and bots earn no attribution. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
  userAgent:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
};

export const LAPTOP = { viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" };

// Each browser a journey opens is another phone on another network: its own client address, which
// wrangler dev passes through as CF-Connecting-IP. The store limits sign-ups per address, as it
// would a script; journeys that sign up many shoppers must look like many phones, not one.
let next = 0;

/** @returns context options giving the browser a documentation address (203.0.113.0/24) of its own */
export function ownAddress() {
  next += 1;
  return { extraHTTPHeaders: { "cf-connecting-ip": `203.0.113.${next % 250}` } };
}

/**
 * A person looks at a page before tapping it; a test taps at once. Every way `page` lands on a page
 * (goto, waitForURL, reload) therefore also waits for its islands (each loads its own chunk after
 * the page's load event), or a tap can land on a button that does not answer yet.
 */
export function waitForIslandsOnLanding(page) {
  for (const method of ["goto", "waitForURL", "reload"]) {
    const land = page[method].bind(page);
    page[method] = async (...args) => {
      const response = await land(...args);
      await page.waitForFunction(() =>
        [...document.querySelectorAll("[data-island]")].every((el) => el.hasAttribute("data-hydrated")),
      );
      return response;
    };
  }
}
