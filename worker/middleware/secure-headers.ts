// hono/secure-headers' options for every answer of the store and of its short-link Worker.
import type { secureHeaders } from "hono/secure-headers";

export const SECURE_HEADERS: Parameters<typeof secureHeaders>[0] = {
  crossOriginEmbedderPolicy: false,
  // same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with a form's
  // POST, which sameOrigin must refuse; other sites still get no Referer
  referrerPolicy: "same-origin",
};
