// Debian's Chromium, driven by playwright-core, the same way in every browser suite and benchmark:
// headless, no sandbox (CI containers have none), nothing fetched in the background that would
// show up in a page's weight. CHROMIUM_PATH points at another build.
import { chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** @returns a launched browser; close it when done. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
