// Signing up, for the JSON API and the sign-in page's own form alike: the account and its first session.
import type { Db } from "../../db/client";
import { createSession } from "../../db/sessions";
import { insertUser } from "../../db/users";
import { hashPassword } from "../lib/password";
import type { SignedIn } from "./sign-in";

/** A new account, nicknamed from its phone's last four digits unless a nickname is given, signed in. */
export async function signUp(
  db: Db,
  a: { phone: string; password: string; nickname?: string; now: number },
): Promise<SignedIn | { ok: false; refusal: "phone_taken" }> {
  const user = await insertUser(db, {
    phone: a.phone,
    passwordHash: await hashPassword(a.password),
    nickname: a.nickname ?? `用户${a.phone.slice(-4)}`,
    now: a.now,
  });
  if (!user) return { ok: false, refusal: "phone_taken" };
  return { ok: true, user, sessionId: await createSession(db, user.id, a.now) };
}
