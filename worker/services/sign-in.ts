// Signing in, for the JSON API and the pages' own forms alike: the throttle, the password check and
// the new session, in one place.
import { LOGIN_FAILURE_WINDOW_MS, loginThrottled } from "../../core/rules/login-throttle";
import type { Db } from "../../db/client";
import { createSession } from "../../db/sessions";
import { countRecentLoginFailures, findUserByPhone, recordLoginFailure, type User } from "../../db/users";
import { DUMMY_HASH, verifyPassword } from "../lib/password";

export type SignedIn = { ok: true; user: User; sessionId: string };

/**
 * Checks the password unless this phone is throttled from this address (10 wrong passwords from it
 * in 15 minutes, or 50 from the address for any phones): then even the right one waits, while the
 * owner signing in from anywhere else is not held up.
 */
export async function signIn(
  db: Db,
  a: { phone: string; password: string; address: string; now: number },
): Promise<SignedIn | { ok: false; refusal: "too_many_attempts" | "bad_credentials" }> {
  const recent = await countRecentLoginFailures(db, {
    phone: a.phone,
    address: a.address,
    since: a.now - LOGIN_FAILURE_WINDOW_MS,
  });
  if (loginThrottled(recent)) return { ok: false, refusal: "too_many_attempts" };
  const user = await findUserByPhone(db, a.phone);
  // the same work for an unknown phone: the answer's timing does not say which phones have accounts
  const matches = await verifyPassword(a.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !matches) {
    await recordLoginFailure(db, { phone: a.phone, address: a.address, at: a.now });
    return { ok: false, refusal: "bad_credentials" };
  }
  return { ok: true, user, sessionId: await createSession(db, user.id, a.now) };
}
