// The merchant's hash is one the worker accepts, and a deployed store refuses weak credentials.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  hashPassword,
  merchantProblems,
  revokeSessionsSql,
  upsertMerchantSql,
} from "../../scripts/merchant-account.mjs";
// Node 22 strips the types: the worker's own verifier, not a copy of it
import { verifyPassword } from "../../worker/lib/password.ts";

test("the script's hash has the worker's format and the worker verifies it", async () => {
  const hash = hashPassword("a long enough passphrase");
  assert.match(hash, /^pbkdf2-sha256\$100000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
  assert.equal(await verifyPassword("a long enough passphrase", hash), true);
  assert.equal(await verifyPassword("another passphrase", hash), false);
  assert.notEqual(hashPassword("same"), hashPassword("same"), "a fresh salt each time");
});

test("the SQL makes that phone the admin and quotes what it is given", () => {
  const sql = upsertMerchantSql({ phone: "13912345678", passwordHash: "pbkdf2-sha256$100000$s$h", now: 1 });
  assert.match(sql, /VALUES \('13912345678', 'pbkdf2-sha256\$100000\$s\$h', '店主', 'admin', 1\)/);
  assert.match(sql, /ON CONFLICT\(phone\) DO UPDATE SET password_hash = excluded.password_hash, role = 'admin';$/);
  assert.equal(
    revokeSessionsSql("1'3"),
    "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE phone = '1''3');",
  );
});

test("a deployed store's merchant: a mainland number and a password of 12+ characters, not the demo one", () => {
  assert.deepEqual(merchantProblems({ phone: "13912345678", password: "twelve chars" }), []);
  assert.equal(merchantProblems({ phone: "12912345678", password: "twelve chars" }).length, 1);
  assert.match(merchantProblems({ phone: "13912345678", password: "short" })[0], /at least 12/);
  assert.match(merchantProblems({ phone: "13800000000", password: "merchant-demo-pass" })[0], /demo password/);
});
