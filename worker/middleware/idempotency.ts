// Idempotency-Key for the money-moving POSTs (pay, ship, complete, refund, payout, check-in), after
// the IETF httpapi draft and Stripe: the first request under a key runs and its answer is kept; a
// retry gets that answer again (`Idempotent-Replayed: true`), a retry while it still runs waits for
// it, the same key with another method, path or body is `422 idempotency_key_reused`.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { IDEMPOTENCY_KEY } from "../../core/contract/common";
import { claimIdempotencyKey, releaseIdempotencyKey, saveIdempotentAnswer } from "../../db/idempotency";
import type { AppEnv } from "../app-env";
import { ApiError, invalidField } from "../errors";
import { requestFingerprint, unquoteKey } from "../lib/request-fingerprint";
import { dbOf } from "./database";
import { currentUser } from "./session";

/** A claim without an answer this old was lost to a crash: the next retry runs the request again. */
const CLAIM_STALE_MS = 60_000;
/** How long a retry waits for the first request under its key before answering 409 request_in_progress. */
const WAIT_FOR_FIRST_MS = 5_000;
const POLL_MS = 50;
/** Answers that did nothing (bad input, not signed in, not allowed, throttled, failed): the key is not spent. */
const NOT_ACTED = new Set([400, 401, 403, 429]);

const keyReused = () =>
  new ApiError(
    422,
    "idempotency_key_reused",
    "This Idempotency-Key was already used for another request; send a new key with a new request",
  );

/**
 * Who a key belongs to: a signed-in user's keys are theirs alone (another account's same key is
 * another request, and cannot read this one's answer); without a session the key itself is the
 * only thing a retry still has, so it names the request for anyone who holds it.
 */
async function idempotencyScope(c: Context<AppEnv>): Promise<string> {
  const user = await currentUser(c);
  return user ? `u:${user.id}` : "g";
}

/** @returns the request's key, unquoted, or null without the header; a malformed one is 400 */
function idempotencyKeyOf(c: Context<AppEnv>): string | null {
  const header = c.req.header("idempotency-key");
  if (header === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw invalidField(["idempotency-key"], "16–200 letters, digits or ._~+/=:- (a UUID will do)", "invalid_string");
  }
  return unquoteKey(header);
}

const replay = (status: number, body: string) =>
  new Response(body, {
    status,
    headers: { "content-type": "application/json; charset=UTF-8", "idempotent-replayed": "true" },
  });

export const idempotent = createMiddleware<AppEnv>(async (c, next) => {
  const key = idempotencyKeyOf(c);
  if (key === null) return next();
  const db = dbOf(c);
  const ref = { scope: await idempotencyScope(c), key };
  // the bytes, decoded here: any body (a form, a file) is fingerprinted as it came, without a warning
  const body = new TextDecoder().decode(await c.req.arrayBuffer());
  const fingerprint = await requestFingerprint(c.req.method, c.req.path, body);
  const claimAt = { now: c.var.now, staleBefore: c.var.now - CLAIM_STALE_MS };
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    const claim = await claimIdempotencyKey(db, { ...ref, fingerprint, ...claimAt });
    if (claim.kind === "reused") throw keyReused();
    if (claim.kind === "answered") return replay(claim.status, claim.body);
    if (claim.kind === "claimed") {
      if (claim.resumedFrom !== null) c.set("idempotencyResumedFrom", claim.resumedFrom);
      break;
    }
    if (Date.now() >= deadline) {
      throw new ApiError(
        409,
        "request_in_progress",
        "A request with this Idempotency-Key is still running; retry soon",
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  await next();
  const status = c.res.status;
  if (status >= 500 || NOT_ACTED.has(status)) await releaseIdempotencyKey(db, ref);
  else await saveIdempotentAnswer(db, { ...ref, status, body: await c.res.clone().text() });
});
