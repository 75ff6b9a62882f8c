// The merchant's account as SQL, shared by the local seed and `npm run merchant`: the password hash
// in worker/lib/password.ts's format, and the statement that writes the admin user.
import { pbkdf2Sync, randomBytes } from "node:crypto";

/** The worker reads the count from the hash; 100,000 is the most Workers allow in production. */
export const ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

/** Same rules as sign-up (core/contract/auth.ts): a mainland mobile number. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/**
 * @returns `pbkdf2-sha256$100000$<salt b64>$<hash b64>`, which worker/lib/password.ts verifies
 * @example hashPassword("a long passphrase") // "pbkdf2-sha256$100000$…$…"
 */
export function hashPassword(password, salt = randomBytes(SALT_BYTES), iterations = ITERATIONS) {
  const hash = pbkdf2Sync(password, salt, iterations, HASH_BYTES, "sha256");
  return `pbkdf2-sha256$${iterations}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

/** A SQL literal: NULL, a number, or a quoted string. */
export const sqlValue = (v) =>
  v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replaceAll("'", "''")}'`;

/**
 * Creates the admin user, or makes the user with that phone the admin with this password: run it
 * again to change the merchant's password.
 */
export function upsertMerchantSql({ phone, passwordHash, now }) {
  return `INSERT INTO users (phone, password_hash, nickname, role, created_at) VALUES (${sqlValue(phone)}, ${sqlValue(passwordHash)}, '店主', 'admin', ${now}) ON CONFLICT(phone) DO UPDATE SET password_hash = excluded.password_hash, role = 'admin';`;
}

/** Signs the account out everywhere: after a password change, an old session must not live on. */
export function revokeSessionsSql(phone) {
  return `DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE phone = ${sqlValue(phone)});`;
}

/** The one account that can move the store's money gets a longer password than a shopper's 8. */
export const MIN_MERCHANT_PASSWORD = 12;
/** The local demo password, printed in the README: never a deployed store's. */
const DEMO_PASSWORD = "merchant-demo-pass";

/** @returns what is wrong with these credentials for a deployed store; empty when nothing is */
export function merchantProblems({ phone, password }) {
  const problems = [];
  if (!PHONE_PATTERN.test(phone))
    problems.push("the phone must be a mainland mobile number: 11 digits starting with 13–19");
  if (password.length < MIN_MERCHANT_PASSWORD)
    problems.push(`the password must have at least ${MIN_MERCHANT_PASSWORD} characters`);
  if (password.length > 200) problems.push("the password must have at most 200 characters (the sign-in form's limit)");
  if (password === DEMO_PASSWORD) problems.push("that is the local demo password from the README: choose another");
  return problems;
}
