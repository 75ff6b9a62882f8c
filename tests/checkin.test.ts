import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { safeNextPath } from "../core/rules/safe-next-path";
import { getDb } from "../db/client";
import { checkins, walletLedger } from "../db/schema";
import { resetSettings, saveSettings } from "../db/settings";
import { creditWalletStatement, getWalletBalance, refundWalletSpend, spendWalletStatement } from "../db/wallet";
import { Client, createProduct, now, openApiDocument, setClockForTests, signInMerchant, signUp } from "./helpers";

const db = () => getDb(env.DB);
const at = (iso: string) => setClockForTests(Date.parse(iso));
const checkIn = (client: Client) => client.json("/api/checkin", { method: "POST" });

afterEach(async () => {
  setClockForTests(null);
  await resetSettings(db(), ["time_zone", "checkin_schedule_cents"]);
});

describe("check-in cash", () => {
  it("the test clock moves the worker's clock too (they share worker/clock.ts)", async () => {
    at("2030-01-02T03:04:05Z");
    expect(Math.abs(now() - Date.parse("2030-01-02T03:04:05Z"))).toBeLessThan(1000);
    const { client } = await signUp();
    const { body } = await checkIn(client);
    expect(body.day).toBe("2030-01-02");
  });

  it("the first check-in credits 450 and starts a streak of 1", async () => {
    at("2026-11-25T02:00:00Z");
    const { client } = await signUp();
    const { status, body } = await checkIn(client);
    expect(status).toBe(200);
    expect(body).toEqual({ day: "2026-11-25", streak: 1, credited_cents: 450, wallet_cents: 450 });
    expect((await client.json("/api/me")).body.wallet_cents).toBe(450);
    const state = await client.json("/api/checkin");
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({
      checked_in_today: true,
      streak: 1,
      schedule_cents: [450, 100, 50, 20, 20, 20, 60],
      wallet_cents: 450,
      today_cents: 450,
    });
  });

  it("the next day credits 100 and the streak is 2", async () => {
    const { client } = await signUp();
    at("2026-11-25T02:00:00Z");
    await checkIn(client);
    at("2026-11-26T02:00:00Z");
    const before = await client.json("/api/checkin");
    expect(before.body).toMatchObject({ checked_in_today: false, streak: 1, today_cents: 100, wallet_cents: 450 });
    const { status, body } = await checkIn(client);
    expect(status).toBe(200);
    expect(body).toEqual({ day: "2026-11-26", streak: 2, credited_cents: 100, wallet_cents: 550 });
  });

  it("a missed day restarts the streak at day 1 and 450", async () => {
    const { client } = await signUp();
    at("2026-11-25T02:00:00Z");
    await checkIn(client);
    at("2026-11-26T02:00:00Z");
    await checkIn(client);
    at("2026-11-28T02:00:00Z");
    const before = await client.json("/api/checkin");
    expect(before.body).toMatchObject({ checked_in_today: false, streak: 0, today_cents: 450 });
    const { status, body } = await checkIn(client);
    expect(status).toBe(200);
    expect(body).toEqual({ day: "2026-11-28", streak: 1, credited_cents: 450, wallet_cents: 1000 });
  });

  it("a second check-in the same day is 409 already_checked_in and credits nothing", async () => {
    at("2026-11-25T02:00:00Z");
    const { client } = await signUp();
    expect((await checkIn(client)).status).toBe(200);
    at("2026-11-25T15:30:00Z");
    const again = await checkIn(client);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("already_checked_in");
    expect((await client.json("/api/me")).body.wallet_cents).toBe(450);
  });

  it("15:59 and 16:00 UTC on the same UTC date are two days in Shanghai", async () => {
    const { client } = await signUp();
    at("2026-11-25T15:59:00Z");
    const first = await checkIn(client);
    expect(first.body).toMatchObject({ day: "2026-11-25", streak: 1, credited_cents: 450 });
    at("2026-11-25T16:00:00Z");
    const second = await checkIn(client);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ day: "2026-11-26", streak: 2, credited_cents: 100, wallet_cents: 550 });
  });

  it("the schedule repeats: a week of check-ins pays 450, 100, 50, 20, 20, 20, 60 and day 8 pays 450 again", async () => {
    const { client } = await signUp();
    const paid: number[] = [];
    for (let d = 0; d < 8; d++) {
      setClockForTests(Date.parse("2026-11-23T04:00:00Z") + d * 86_400_000);
      const { body } = await checkIn(client);
      paid.push(body.credited_cents);
      expect(body.streak).toBe(d + 1);
    }
    expect(paid).toEqual([450, 100, 50, 20, 20, 20, 60, 450]);
    expect((await client.json("/api/me")).body.wallet_cents).toBe(1170);
  });

  it("30 simultaneous check-ins by one user: exactly one is paid, 29 are 409", async () => {
    at("2026-11-25T09:00:00Z");
    const { client, userId } = await signUp();
    const answers = await Promise.all(Array.from({ length: 30 }, () => checkIn(client)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(29);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === "already_checked_in")).toBe(true);
    expect(await getWalletBalance(db(), userId)).toBe(450);
    const credits = await db().select().from(walletLedger).where(eq(walletLedger.userId, userId));
    expect(credits).toHaveLength(1);
    expect(await db().select().from(checkins).where(eq(checkins.userId, userId))).toHaveLength(1);
  });

  it("honours the merchant's schedule and time zone", async () => {
    await saveSettings(db(), { checkin_schedule_cents: [1000, 2000], time_zone: "America/Los_Angeles" });
    const { client } = await signUp();
    at("2026-11-25T16:00:00Z"); // 08:00 on the 25th in Los Angeles
    expect((await checkIn(client)).body).toMatchObject({ day: "2026-11-25", streak: 1, credited_cents: 1000 });
    at("2026-11-26T07:59:00Z"); // 23:59, still the 25th there
    expect((await checkIn(client)).status).toBe(409);
    at("2026-11-26T08:00:00Z"); // midnight: the 26th
    expect((await checkIn(client)).body).toMatchObject({ day: "2026-11-26", streak: 2, credited_cents: 2000 });
    at("2026-11-27T20:00:00Z");
    expect((await checkIn(client)).body).toMatchObject({
      day: "2026-11-27",
      streak: 3,
      credited_cents: 1000,
      wallet_cents: 4000,
    });
    expect((await client.json("/api/checkin")).body.schedule_cents).toEqual([1000, 2000]);
  });

  it("a signed-out visitor is 401 unauthenticated", async () => {
    const guest = new Client();
    const post = await checkIn(guest);
    expect(post.status).toBe(401);
    expect(post.body.error.code).toBe("unauthenticated");
    const get = await guest.json("/api/checkin");
    expect(get.status).toBe(401);
    expect(get.body.error.code).toBe("unauthenticated");
  });

  it("a check-in from another site's page is refused 403 forbidden_origin", async () => {
    const { client } = await signUp();
    const res = await client.json("/api/checkin", { method: "POST", origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden_origin");
  });

  it("is described in /api/openapi.json", async () => {
    const body = await openApiDocument();
    expect(Object.keys(body.paths["/api/checkin"] ?? body.paths["/checkin"]).sort()).toEqual(["get", "post"]);
  });
});

describe("the check-in page", () => {
  it("asks a signed-out visitor to sign in and shows what the days pay", async () => {
    const res = await new Client().fetch("/checkin");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("签到领现金");
    expect(html).toContain("登录后即可签到领现金");
    expect(html).toContain('href="/login?next=%2Fcheckin"');
    expect(html).toContain("¥4.50");
  });

  it("shows a member the week, today's cash on the button, the streak and the balance", async () => {
    at("2026-11-26T02:00:00Z"); // a Thursday in Shanghai
    await createProduct(await signInMerchant(), { title: "一袋大米", price_cents: 100_000 });
    const { client } = await signUp();
    const before = await (await client.fetch("/checkin")).text();
    expect(before).toContain("签到领 ¥4.50");
    expect(before).toContain('data-island="CheckinButton"');
    expect(before).toContain("本周签到");
    expect(before).toContain("未签");
    // what the balance buys counts today's cash before the tap, so the panel holds after it
    expect(before).toContain("签到后余额 ¥4.50。");
    await checkIn(client);
    const res = await client.fetch("/checkin");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const after = await res.text();
    expect(after).toContain("今日已签到");
    expect(after).toContain("已连续签到 1 天");
    // day 2 of the default schedule
    expect(after).toContain("明天接着签到，可领 ¥1.00");
    expect(after).toContain("余额能买");
    expect(after).toMatch(/余额可(全额)?抵扣/);
  });

  it("says what the schedule pays, not a promise that contradicts it", async () => {
    const html = await (await new Client().fetch("/checkin")).text();
    expect(html).toContain("第 1 天领 ¥4.50，连续签到 7 天共领 ¥7.20");
    expect(html).not.toContain("领得更多");
    expect(html).not.toContain("领更多");
  });

  it("a signed-in shopper checks in with the page's form alone (no script): the cash shows on the page", async () => {
    at("2026-11-27T02:00:00Z");
    const { client } = await signUp();
    const posted = await client.fetch("/checkin", {
      method: "POST",
      body: "",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toBe("/checkin?done=1");
    const html = await (await client.fetch("/checkin?done=1")).text();
    expect(html).toMatch(/<div class="checkin-credited" role="status"><b>\+¥4\.50<\/b>/);
    expect(html).toContain("今日已签到");
    // again the same day: nothing more, the page says so
    const again = await client.fetch("/checkin", {
      method: "POST",
      body: "",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(again.headers.get("location")).toBe("/checkin");
    expect((await client.json("/api/checkin")).body.wallet_cents).toBe(450);
  });

  it("signed out, the form sends the visitor to sign in and come back", async () => {
    const res = await new Client().fetch("/checkin", {
      method: "POST",
      body: "",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?next=%2Fcheckin");
  });

  it("the sign-in page renders, and sends a signed-in visitor on to a same-site ?next= only", async () => {
    const page = await new Client().fetch("/login?next=%2Fcheckin");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-island="LoginForm"');
    const { client } = await signUp();
    expect((await client.fetch("/login?next=%2Fcheckin")).headers.get("location")).toBe("/checkin");
    expect((await client.fetch("/login?next=%2F%2Fevil.example")).headers.get("location")).toBe("/");
  });

  it("?next= accepts only paths on this store", () => {
    expect(safeNextPath("/checkin")).toBe("/checkin");
    expect(safeNextPath("/p/3?from=share#top")).toBe("/p/3?from=share#top");
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "evil",
      "/\t/evil.example",
      "",
      null,
      undefined,
    ]) {
      expect(safeNextPath(bad)).toBe("/");
    }
  });
});

describe("wallet writes for orders", () => {
  const credit = (userId: number, amountCents: number) =>
    creditWalletStatement(db(), { userId, amountCents, kind: "adjust", now: Date.now() });
  const spend = (userId: number, orderId: string, amountCents: number) =>
    spendWalletStatement(db(), { userId, orderId, amountCents, now: Date.now() });
  const outcomes = (results: PromiseSettledResult<unknown>[]) =>
    results.map((r) => (r.status === "fulfilled" ? "spent" : String((r.reason as Error).cause ?? r.reason)));

  it("10 simultaneous spends of 200 from 450: exactly 2 apply and 50 is left", async () => {
    const { userId } = await signUp();
    await credit(userId, 450);
    const results = outcomes(
      await Promise.allSettled(Array.from({ length: 10 }, (_, i) => spend(userId, `order-${userId}-${i}`, 200))),
    );
    expect(results.filter((r) => r === "spent")).toHaveLength(2);
    expect(results.filter((r) => r.includes("insufficient_wallet"))).toHaveLength(8);
    expect(await getWalletBalance(db(), userId)).toBe(50);
  });

  it("a spend larger than the balance is refused and writes nothing: the wallet never goes below zero", async () => {
    const { userId } = await signUp();
    await credit(userId, 50);
    await expect(spend(userId, `order-${userId}-a`, 51)).rejects.toThrow();
    await spend(userId, `order-${userId}-b`, 50);
    await expect(spend(userId, `order-${userId}-c`, 1)).rejects.toThrow();
    expect(await getWalletBalance(db(), userId)).toBe(0);
  });

  it("an order spends once, however often it asks", async () => {
    const { userId } = await signUp();
    await credit(userId, 1000);
    const orderId = `order-${userId}`;
    const results = outcomes(await Promise.allSettled([spend(userId, orderId, 300), spend(userId, orderId, 300)]));
    expect(results.filter((r) => r === "spent")).toHaveLength(1);
    expect(await getWalletBalance(db(), userId)).toBe(700);
  });

  it("a refused spend rolls back the batch it sits in", async () => {
    const { userId } = await signUp();
    await credit(userId, 100);
    await expect(db().batch([credit(userId, 5), spend(userId, `order-${userId}`, 200)])).rejects.toThrow();
    expect(await getWalletBalance(db(), userId)).toBe(100);
  });

  it("a cancelled order's spend comes back once, however often it is refunded", async () => {
    const { userId } = await signUp();
    await credit(userId, 450);
    const orderId = `order-${userId}`;
    await spend(userId, orderId, 400);
    expect(await getWalletBalance(db(), userId)).toBe(50);
    const refunds = await Promise.all([1, 2, 3].map(() => refundWalletSpend(db(), orderId, Date.now())));
    expect(refunds.sort()).toEqual([0, 0, 400]);
    expect(await getWalletBalance(db(), userId)).toBe(450);
    const rows = await db()
      .select()
      .from(walletLedger)
      .where(and(eq(walletLedger.orderId, orderId), eq(walletLedger.kind, "refund")));
    expect(rows).toHaveLength(1);
    expect(await refundWalletSpend(db(), `order-${userId}-never-spent`, Date.now())).toBe(0);
  });

  it("refuses amounts that are not whole positive cents", async () => {
    expect(() => spend(1, "x", 0)).toThrow(RangeError);
    expect(() => spend(1, "x", 1.5)).toThrow(RangeError);
    expect(() => credit(1, -1)).toThrow(RangeError);
  });
});
