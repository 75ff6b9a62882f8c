// Hono's signed cookies, byte for byte (`value.base64(HMAC-SHA256)`, as hono/cookie writes and
// reads them), with the HMAC key imported once per secret: hono/cookie imports it on every call,
// the largest single cost in the profile of a warm share-link redirect (BENCHMARKS.md).
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { CookieOptions } from "hono/utils/cookie";

const encoder = new TextEncoder();
/** Signatures are base64 of 32 bytes: 44 characters ending in "=". */
const SIGNATURE_CHARS = 44;

// one entry per secret; a store has one (a rotation adds a second)
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
      "verify",
    ]);
    keys.set(secret, key);
  }
  return key;
}

/** Like hono/cookie's setSignedCookie. */
export async function setSignedCookie(
  c: Context,
  name: string,
  value: string,
  secret: string,
  options: CookieOptions,
): Promise<void> {
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(value));
  setCookie(c, name, `${value}.${btoa(String.fromCharCode(...new Uint8Array(signature)))}`, options);
}

/**
 * Like hono/cookie's getSignedCookie.
 * @returns the value; undefined when the cookie is absent or unsigned; false when its signature is wrong
 */
export async function getSignedCookie(c: Context, secret: string, name: string): Promise<string | false | undefined> {
  const cookie = getCookie(c, name);
  const dot = cookie?.lastIndexOf(".") ?? -1;
  if (cookie === undefined || dot < 0) return undefined;
  const value = cookie.slice(0, dot);
  const signature = cookie.slice(dot + 1);
  if (signature.length !== SIGNATURE_CHARS || !signature.endsWith("=")) return undefined;
  try {
    const bytes = Uint8Array.from(atob(signature), (ch) => ch.charCodeAt(0));
    return (await crypto.subtle.verify("HMAC", await hmacKey(secret), bytes, encoder.encode(value))) ? value : false;
  } catch {
    return false; // not base64
  }
}
