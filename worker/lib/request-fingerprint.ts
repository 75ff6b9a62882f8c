// Fingerprints for Idempotency-Key: bodies that mean the same hash the same however their keys are
// ordered or spaced (RFC 8785 canonical JSON), so a key reused with another body is caught.
import canonicalize from "canonicalize";

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** @returns the SHA-256 (hex) of the value's canonical JSON. */
export function jsonHash(value: unknown): Promise<string> {
  return sha256Hex(canonicalize(value) ?? "");
}

/**
 * @returns the SHA-256 (hex) of the method, the path and the body: the body's canonical JSON when it
 *   parses as JSON, its text otherwise
 */
export async function requestFingerprint(method: string, path: string, bodyText: string): Promise<string> {
  let body = bodyText;
  try {
    body = canonicalize(JSON.parse(bodyText)) ?? bodyText;
  } catch {
    // not JSON: the text is what was sent
  }
  return sha256Hex(`${method} ${path}\n${body}`);
}

/**
 * The key as the client meant it: the IETF draft sends it as a Structured Field string in double
 * quotes (`"8e03978e-…"`), most clients (Stripe's among them) bare.
 */
export const unquoteKey = (header: string) =>
  header.length >= 2 && header.startsWith('"') && header.endsWith('"') ? header.slice(1, -1) : header;
