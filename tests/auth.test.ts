import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { Client, newAddress, newPhone, signUp, setClockForTests } from "./helpers";

afterEach(() => setClockForTests(null));

describe("accounts", () => {
  it("signs up with a phone and password, and is signed in at once", async () => {
    const client = new Client();
    const phone = newPhone();
    const { status, body, res } = await client.json("/api/auth/signup", {
      body: { phone, password: "12345678", nickname: "小王" },
    });
    expect(status).toBe(201);
    expect(body.user).toMatchObject({ nickname: "小王", role: "shopper" });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await client.json("/api/me");
    expect(me.body).toEqual({ user: body.user, wallet_cents: 0, distributor: null });
  });

  it("gives a default nickname from the phone's last four digits", async () => {
    const phone = newPhone();
    const { body } = await new Client().json("/api/auth/signup", { body: { phone, password: "12345678" } });
    expect(body.user.nickname).toBe(`用户${phone.slice(-4)}`);
  });

  it("stores a salted PBKDF2-SHA256 hash with 100,000 iterations, never the password", async () => {
    const a = newPhone();
    const b = newPhone();
    await new Client().json("/api/auth/signup", { body: { phone: a, password: "same-password" } });
    await new Client().json("/api/auth/signup", { body: { phone: b, password: "same-password" } });
    const rows = await env.DB.prepare("SELECT password_hash FROM users WHERE phone IN (?, ?)")
      .bind(a, b)
      .all<{ password_hash: string }>();
    const [h1, h2] = rows.results.map((r) => r.password_hash);
    expect(h1).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(h1).not.toContain("same-password");
    expect(h1).not.toBe(h2);
  });

  it("refuses a taken phone with 409 phone_taken", async () => {
    const { phone } = await signUp();
    const { status, body } = await new Client().json("/api/auth/signup", { body: { phone, password: "another-pass" } });
    expect(status).toBe(409);
    expect(body.error.code).toBe("phone_taken");
  });

  it("refuses a bad phone, a short password and a body that is not JSON with 400 invalid_input", async () => {
    const bad = await new Client().json("/api/auth/signup", { body: { phone: "12345", password: "short" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_input");
    expect(bad.body.error.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(["password", "phone"]);

    const notJson = await new Client().json("/api/auth/signup", { body: "{not json" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe("invalid_input");
  });

  it("logs in with the right password and refuses a wrong one with 401 bad_credentials", async () => {
    const { phone } = await signUp("老李");
    const wrong = await new Client().json("/api/auth/login", { body: { phone, password: "wrong-password" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("bad_credentials");
    const unknown = await new Client().json("/api/auth/login", { body: { phone: newPhone(), password: "whatever1" } });
    expect(unknown.body.error.code).toBe("bad_credentials");

    const client = new Client();
    const ok = await client.json("/api/auth/login", { body: { phone, password: "correct-horse" } });
    expect(ok.status).toBe(200);
    expect(ok.body.user.nickname).toBe("老李");
    expect((await client.json("/api/me")).body.user.nickname).toBe("老李");
  });

  it("after 10 failures from one address within 15 minutes that address waits, even with the right password", async () => {
    const { phone } = await signUp();
    const start = Date.parse("2026-11-25T08:00:00Z");
    setClockForTests(start);
    const attacker = new Client();
    for (let i = 0; i < 10; i++) {
      const { status } = await attacker.json("/api/auth/login", { body: { phone, password: "wrong-password" } });
      expect(status).toBe(401);
    }
    const blocked = await attacker.json("/api/auth/login", { body: { phone, password: "correct-horse" } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe("too_many_attempts");

    setClockForTests(start + 15 * 60 * 1000 + 1000);
    const later = await attacker.json("/api/auth/login", { body: { phone, password: "correct-horse" } });
    expect(later.status).toBe(200);
  });

  it("no lockout: ten wrong passwords from one address do not stop the owner signing in from another", async () => {
    const { phone } = await signUp();
    const attacker = new Client();
    const failures = await Promise.all(
      Array.from({ length: 12 }, () => attacker.json("/api/auth/login", { body: { phone, password: "guess-123" } })),
    );
    expect(failures.map((f) => f.status).filter((s) => s === 401).length).toBeGreaterThanOrEqual(10);
    expect((await attacker.json("/api/auth/login", { body: { phone, password: "correct-horse" } })).status).toBe(429);

    const owner = new Client();
    const signedIn = await owner.json("/api/auth/login", { body: { phone, password: "correct-horse" } });
    expect(signedIn.status).toBe(200);
    expect((await owner.json("/api/me")).body.user?.id).toBe(signedIn.body.user.id);
  });

  it("an address trying many phones waits after 50 wrong passwords; each phone's owner still signs in", async () => {
    const owners = await Promise.all(Array.from({ length: 6 }, () => signUp()));
    const sprayer = new Client();
    for (let round = 0; round < 9; round++) {
      const answers = await Promise.all(
        owners.map((o) => sprayer.json("/api/auth/login", { body: { phone: o.phone, password: `spray-${round}` } })),
      );
      expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    }
    const fresh = await signUp();
    const refused = await sprayer.json("/api/auth/login", { body: { phone: fresh.phone, password: "correct-horse" } });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("too_many_attempts");
    for (const o of [fresh, owners[0]!]) {
      expect(
        (await new Client().json("/api/auth/login", { body: { phone: o.phone, password: "correct-horse" } })).status,
      ).toBe(200);
    }
  });

  it("an IPv6 client is one address by its /64: rotating the last half does not get round the throttle", async () => {
    const { phone } = await signUp();
    const from = (host: string) => ({ "cf-connecting-ip": `2001:db8:aa:bb:${host}` });
    for (let i = 0; i < 10; i++) {
      const res = await new Client().json("/api/auth/login", {
        body: { phone, password: "wrong-password" },
        headers: from(`${i.toString(16)}::1`),
      });
      expect(res.status).toBe(401);
    }
    const rotated = await new Client().json("/api/auth/login", {
      body: { phone, password: "correct-horse" },
      headers: from("ffff::9"),
    });
    expect(rotated.status).toBe(429);
    const elsewhere = await new Client().json("/api/auth/login", {
      body: { phone, password: "correct-horse" },
      headers: { "cf-connecting-ip": "2001:db8:aa:cc::1" },
    });
    expect(elsewhere.status).toBe(200);
  });

  it("logs out: 204, and the old session no longer signs anyone in", async () => {
    const { client } = await signUp();
    const sid = client.cookies.get("sid")!;
    const out = await client.fetch("/api/auth/logout", { method: "POST" });
    expect(out.status).toBe(204);
    expect((await client.json("/api/me")).body.user).toBeNull();

    const replay = new Client();
    replay.cookies.set("sid", sid);
    expect((await replay.json("/api/me")).body.user).toBeNull();
  });

  it("ignores a session cookie whose signature was tampered with", async () => {
    const { client } = await signUp();
    const [value] = client.cookies.get("sid")!.split(".");
    const forged = new Client();
    forged.cookies.set("sid", `${value}.${encodeURIComponent("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")}`);
    expect((await forged.json("/api/me")).body.user).toBeNull();
  });
});

describe("the origin rule", () => {
  it("refuses a state change carrying the session cookie from another origin with 403 forbidden_origin", async () => {
    const { client } = await signUp();
    const evil = await client.json("/api/auth/logout", { method: "POST", origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe("forbidden_origin");
    const none = await client.json("/api/auth/logout", { method: "POST", origin: null });
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe("forbidden_origin");
    // still signed in: nothing happened
    expect((await client.json("/api/me")).body.user).not.toBeNull();
  });

  it("lets a request without a session cookie through (signup from an app)", async () => {
    const { status } = await new Client().json("/api/auth/signup", {
      body: { phone: newPhone(), password: "12345678" },
      origin: null,
    });
    expect(status).toBe(201);
  });
});

describe("per-address limits on sign-up and bargain help (the Workers Rate Limiting binding)", () => {
  /** Sends until the first 429: the limiter's window is a wall-clock minute, so a run can span two. */
  async function untilRefused(
    send: () => Promise<{ status: number; body: { error?: { code: string } } }>,
    most: number,
  ) {
    const statuses: number[] = [];
    for (let i = 0; i < most; i++) {
      const { status, body } = await send();
      statuses.push(status);
      if (status === 429) {
        expect(body.error?.code).toBe("too_many_requests");
        break;
      }
    }
    return statuses;
  }

  it("one address signs up 10 accounts a minute, then 429 too_many_requests; another address is not held up", async () => {
    const address = newAddress();
    const statuses = await untilRefused(
      () =>
        new Client().json("/api/auth/signup", {
          body: { phone: newPhone(), password: "12345678" },
          headers: { "cf-connecting-ip": address },
        }),
      25,
    );
    expect(statuses.at(-1)).toBe(429);
    // 10 in the minute; 20 at most when the run spans the turn of a minute
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(10);
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(20);
    const other = await new Client().json("/api/auth/signup", { body: { phone: newPhone(), password: "12345678" } });
    expect(other.status).toBe(201);
  });

  it("one address helps 30 times a minute, then 429 too_many_requests before anything else is looked at", async () => {
    const address = newAddress();
    // signed out: each help is refused 401 by the route, and still counted by the limit, which comes first
    const statuses = await untilRefused(
      () =>
        new Client().json("/api/bargains/no-such-bargain/help", {
          method: "POST",
          headers: { "cf-connecting-ip": address },
        }),
      65,
    );
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(30);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(60);
    const other = await new Client().json("/api/bargains/no-such-bargain/help", { method: "POST" });
    expect(other.status).toBe(401);
  });
});
