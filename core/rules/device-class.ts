// A visitor's device class from the User-Agent: the distributor's stats split visits by it.
import type { DeviceClass } from "../enums";

/** iPads, Android without "Mobile" (Google's tablet convention), HarmonyOS tablets, Kindles. */
const TABLET = /iPad|\(Tablet;|Tablet(?! PC)|PlayBook|Kindle|Silk\/|Android(?!.*Mobile)/i;
/** Phones, including the in-app browsers of chat apps, which keep the platform's "Mobile" token. */
const MOBILE = /Mobi|iPhone|iPod|\(Phone;|Windows Phone|BlackBerry|BB10|Opera Mini|IEMobile/i;

/**
 * @param userAgent the request's User-Agent header; missing means a desktop tool or script
 * @returns "tablet" before "mobile" (a tablet's UA often names a phone OS), else "desktop".
 *   iPadOS 13+ presents itself as a Mac and counts as desktop: the header cannot tell them apart.
 * @example deviceClass("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) … MicroMessenger/8.0") // "mobile"
 */
export function deviceClass(userAgent: string | null | undefined): DeviceClass {
  if (!userAgent) return "desktop";
  if (TABLET.test(userAgent)) return "tablet";
  if (MOBILE.test(userAgent)) return "mobile";
  return "desktop";
}
