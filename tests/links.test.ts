// Share links: becoming a distributor, one link per product, the redirect, visits, stats and /me.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import type { DistributorStats } from "../core/contract/links";
import { SHARE_CODE_PATTERN } from "../core/contract/share-code";
import { getDb } from "../db/client";
import { distributorStatsQueries } from "../db/distributor-stats";
import { findLink } from "../db/find-link";
import { commissionLedger, distributors, links, orders, visits } from "../db/schema";
import type { AppEnv } from "../worker/app-env";
import { readAttribution } from "../worker/middleware/attribution";
import {
  Client,
  createProduct,
  ORIGIN,
  signInMerchant,
  signUp,
  setClockForTests,
  worker,
  openApiDocument,
  distributorStatsOf,
} from "./helpers";

const db = () => getDb(env.DB);
const MINUTE_MS = 60_000;
const PHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI Language/zh_CN";

afterEach(() => setClockForTests(null));

/**
 * A tap on a share link, through the worker's own fetch so the test can wait for what it does
 * after the response (the visit is written in waitUntil). Keeps the client's cookies like a browser.
 */
async function tap(
  path: string,
  opts: { client?: Client; ua?: string | null; referer?: string; method?: string; env?: typeof env } = {},
): Promise<Response> {
  const client = opts.client ?? new Client();
  const headers: Record<string, string> = {};
  if (opts.ua !== null) headers["user-agent"] = opts.ua ?? PHONE_UA;
  if (opts.referer) headers.referer = opts.referer;
  if (client.cookies.size > 0) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const request = new Request(`${ORIGIN}${path}`, {
    method: opts.method ?? "GET",
    headers,
    redirect: "manual",
    cf: { country: "CN" },
  } as RequestInit);
  const ctx = createExecutionContext();
  const res = await worker.fetch(request as Parameters<typeof worker.fetch>[0], opts.env ?? env, ctx);
  await waitOnExecutionContext(ctx);
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    client.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
  return res;
}

const linkFor = async (client: Client, productId?: number) =>
  (await client.json("/api/links", { body: productId === undefined ? {} : { product_id: productId } })).body.link;

const stats = distributorStatsOf;

const visitRows = (code: string) => db().select().from(visits).where(eq(visits.linkCode, code));

describe("becoming a distributor", () => {
  it("a shopper becomes a distributor once: 201 with a code, then 200 with the same code", async () => {
    const { client } = await signUp();
    const first = await client.json("/api/distributor", { method: "POST" });
    expect(first.status).toBe(201);
    expect(first.body.distributor.code).toMatch(SHARE_CODE_PATTERN);
    const again = await client.json("/api/distributor", { body: {} });
    expect(again.status).toBe(200);
    expect(again.body.distributor.code).toBe(first.body.distributor.code);
    expect((await client.json("/api/me")).body.distributor).toEqual({ code: first.body.distributor.code });
  });

  it("an invite code makes its distributor the recruiter, once and for good", async () => {
    const recruiter = await signUp("招募人");
    const other = await signUp();
    const recruiterCode = (await recruiter.client.json("/api/distributor", { method: "POST" })).body.distributor.code;
    const otherCode = (await other.client.json("/api/distributor", { method: "POST" })).body.distributor.code;
    const recruit = await signUp();

    const joined = await recruit.client.json("/api/distributor", { body: { invite_code: recruiterCode } });
    expect(joined.status).toBe(201);
    const again = await recruit.client.json("/api/distributor", { body: { invite_code: otherCode } });
    expect(again.status).toBe(200);
    expect(again.body.distributor.code).toBe(joined.body.distributor.code);

    const [row] = await db().select().from(distributors).where(eq(distributors.userId, recruit.userId));
    expect(row!.recruiterUserId).toBe(recruiter.userId);
  });

  it("the 成为推广员 forms work without a script: /me's, and an invite's, which recruits", async () => {
    const form = { method: "POST", body: "", headers: { "content-type": "application/x-www-form-urlencoded" } };
    const recruiter = await signUp("表单招募人");
    const own = await recruiter.client.fetch("/me", form);
    expect(own.status).toBe(303);
    expect(own.headers.get("location")).toBe("/me");
    const code = (await recruiter.client.json("/api/me")).body.distributor!.code;
    expect(await (await recruiter.client.fetch("/me")).text()).toContain("推广数据");

    const recruit = await signUp();
    const joined = await recruit.client.fetch(`/join?invite=${code}`, form);
    expect(joined.headers.get("location")).toBe("/me");
    const [row] = await db().select().from(distributors).where(eq(distributors.userId, recruit.userId));
    expect(row!.recruiterUserId).toBe(recruiter.userId);

    const guest = await new Client().fetch(`/join?invite=${code}`, form);
    expect(guest.headers.get("location")).toBe(`/login?next=${encodeURIComponent(`/join?invite=${code}`)}`);
  });

  it("your own invite code recruits no one", async () => {
    const { client, userId } = await signUp();
    const code = (await client.json("/api/distributor", { method: "POST" })).body.distributor.code;
    const again = await client.json("/api/distributor", { body: { invite_code: code } });
    expect(again.status).toBe(200);
    const [row] = await db().select().from(distributors).where(eq(distributors.userId, userId));
    expect(row!.recruiterUserId).toBeNull();
  });

  it("an unknown or malformed invite code is 400 invalid_input naming invite_code, and writes nothing", async () => {
    const { client } = await signUp();
    for (const invite_code of ["ZZZZZZZZ", "not a code"]) {
      const { status, body } = await client.json("/api/distributor", { body: { invite_code } });
      expect(status).toBe(400);
      expect(body.error.code).toBe("invalid_input");
      expect(body.error.issues[0].path).toEqual(["invite_code"]);
    }
    expect((await client.json("/api/me")).body.distributor).toBeNull();
  });

  it("signing in comes first: 401 for becoming a distributor, a link or the stats", async () => {
    const guest = new Client();
    expect((await guest.json("/api/distributor", { method: "POST" })).status).toBe(401);
    expect((await guest.json("/api/links", { body: {} })).status).toBe(401);
    expect((await guest.json("/api/distributor/stats")).status).toBe(401);
  });
});

describe("share links", () => {
  it("one link per distributor and product, the same every time, even for 20 taps at once", async () => {
    const product = await createProduct(await signInMerchant());
    const { client, userId } = await signUp();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => client.json("/api/links", { body: { product_id: product.id } })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const codes = new Set(answers.map((a) => a.body.link.code));
    expect(codes.size).toBe(1);
    const link = answers[0]!.body.link;
    expect(link).toEqual({ code: link.code, url: `${ORIGIN}/s/${link.code}`, product_id: product.id });
    // 8 characters a shopper can read aloud: no 0/O/o, no 1/l/I (written out, not the code's own pattern)
    expect(link.code).toMatch(/^[2-9A-HJ-NP-Za-km-z]{8}$/);

    const rows = await db()
      .select()
      .from(links)
      .where(and(eq(links.distributorUserId, userId), eq(links.productId, product.id)));
    expect(rows).toHaveLength(1);
    // asking for a link made the caller a distributor
    expect((await client.json("/api/me")).body.distributor).not.toBeNull();
    expect((await linkFor(client, product.id)).code).toBe(link.code);
  });

  it("without a product it is the whole store's link, also one per distributor", async () => {
    const product = await createProduct(await signInMerchant());
    const { client } = await signUp();
    const store = await linkFor(client);
    expect(store.product_id).toBeNull();
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => linkFor(client)));
    expect(new Set(concurrent.map((l) => l.code))).toEqual(new Set([store.code]));
    expect((await client.json("/api/links", { body: { product_id: null } })).body.link.code).toBe(store.code);
    expect((await client.json("/api/links", { method: "POST" })).body.link.code).toBe(store.code);
    expect((await linkFor(client, product.id)).code).not.toBe(store.code);
  });

  it("two distributors get two different links to the same product", async () => {
    const product = await createProduct(await signInMerchant());
    const a = await linkFor((await signUp()).client, product.id);
    const b = await linkFor((await signUp()).client, product.id);
    expect(a.code).not.toBe(b.code);
  });

  it("a link to an unknown or archived product is 404 not_found; a bad product_id is 400", async () => {
    const merchant = await signInMerchant();
    const archived = await createProduct(merchant);
    await merchant.json(`/api/admin/products/${archived.id}`, { method: "PATCH", body: { active: false } });
    const { client } = await signUp();
    for (const product_id of [987654, archived.id]) {
      const { status, body } = await client.json("/api/links", { body: { product_id } });
      expect(status).toBe(404);
      expect(body.error.code).toBe("not_found");
    }
    const bad = await client.json("/api/links", { body: { product_id: "tea" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toEqual(["product_id"]);
  });

  it("the endpoints are in the OpenAPI document", async () => {
    const doc = await openApiDocument();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/distributor", "/api/links", "/api/distributor/stats"]),
    );
  });
});

describe("the redirect", () => {
  it("/s/<code> answers 302 to the product on the store's own origin and sets the ref and vid cookies", async () => {
    const product = await createProduct(await signInMerchant());
    const link = await linkFor((await signUp()).client, product.id);
    const res = await tap(`/s/${link.code}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${ORIGIN}/p/${product.id}`);
    const cookies = res.headers.getSetCookie();
    expect(cookies.some((c) => c.startsWith("ref=") && /HttpOnly/i.test(c) && /SameSite=Lax/i.test(c))).toBe(true);
    expect(cookies.some((c) => c.startsWith("vid="))).toBe(true);
    expect(res.headers.get("cache-control")).toContain("no-store");
  });

  it("the store's link lands on the home page", async () => {
    const link = await linkFor((await signUp()).client);
    const res = await tap(`/s/${link.code}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${ORIGIN}/`);
  });

  it("an unknown or malformed code is a 404 page", async () => {
    for (const code of ["ZZZZZZZZ", "nope", "0O1lI000"]) {
      const res = await new Client().fetch(`/s/${code}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(await res.text()).toContain("链接不存在或已失效");
    }
  });

  it("a tap records one visit after the response: who, which link, unique, referer, country, device", async () => {
    const product = await createProduct(await signInMerchant());
    const distributor = await signUp();
    const link = await linkFor(distributor.client, product.id);
    const shopper = new Client();
    await tap(`/s/${link.code}`, { client: shopper, referer: "https://servicewechat.com/" });
    const rows = await visitRows(link.code);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      linkCode: link.code,
      distributorUserId: distributor.userId,
      visitorId: shopper.cookies.get("vid"),
      isUnique: true,
      referer: "https://servicewechat.com/",
      country: "CN",
      device: "mobile",
    });
  });

  it("the ref cookie it sets reads back as this link and the moment of the tap", async () => {
    const link = await linkFor((await signUp()).client);
    setClockForTests(Date.parse("2026-11-25T08:00:00Z"));
    const shopper = new Client();
    await tap(`/s/${link.code}`, { client: shopper });
    const read = await readRefCookie(shopper.cookies.get("ref"));
    expect(read).toEqual({ code: link.code, clicked_at: expect.any(Number) });
    expect(Math.abs(read!.clicked_at - Date.parse("2026-11-25T08:00:00Z"))).toBeLessThan(1000);
  });

  it("a tampered ref cookie is ignored", async () => {
    const [mine, theirs] = [await linkFor((await signUp()).client), await linkFor((await signUp()).client)];
    const shopper = new Client();
    await tap(`/s/${mine.code}`, { client: shopper });
    const genuine = shopper.cookies.get("ref")!;
    const decoded = decodeURIComponent(genuine);
    const signature = decoded.slice(decoded.lastIndexOf("."));
    const forged = encodeURIComponent(decoded.replace(mine.code, theirs.code));
    expect(await readRefCookie(forged)).toBeNull();
    expect(await readRefCookie(encodeURIComponent(`${theirs.code}~${Date.now()}${signature}`))).toBeNull();
    expect(await readRefCookie(`${theirs.code}~${Date.now()}`)).toBeNull();
    expect(await readRefCookie(undefined)).toBeNull();
  });

  it("two taps within the hour are 2 visits and 1 unique; 61 minutes later the visitor counts again", async () => {
    const distributor = await signUp();
    const link = await linkFor(distributor.client);
    const shopper = new Client();
    const start = Date.parse("2026-11-25T08:00:00Z");
    setClockForTests(start);
    await tap(`/s/${link.code}`, { client: shopper });
    setClockForTests(start + 30 * MINUTE_MS);
    await tap(`/s/${link.code}`, { client: shopper });
    expect(await stats(distributor.client)).toMatchObject({ visits: 2, unique_visits: 1 });

    setClockForTests(start + 61 * MINUTE_MS);
    await tap(`/s/${link.code}`, { client: shopper });
    expect(await stats(distributor.client)).toMatchObject({ visits: 3, unique_visits: 2 });

    // someone else is a unique visitor of their own
    await tap(`/s/${link.code}`);
    expect(await stats(distributor.client)).toMatchObject({ visits: 4, unique_visits: 3 });
  });

  it("a visitor back every 50 minutes counts once an hour, not once forever", async () => {
    const distributor = await signUp();
    const link = await linkFor(distributor.client);
    const shopper = new Client();
    const start = Date.parse("2026-11-25T08:00:00Z");
    for (const minutes of [0, 50, 100]) {
      setClockForTests(start + minutes * MINUTE_MS);
      await tap(`/s/${link.code}`, { client: shopper });
    }
    expect(await stats(distributor.client)).toMatchObject({ visits: 3, unique_visits: 2 });
  });

  it.each([
    ["Facebook's link preview", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"],
    ["WhatsApp's link preview", "WhatsApp/2.23.20.0"],
    ["Telegram's link preview", "TelegramBot (like TwitterBot)"],
  ])("%s gets the redirect but leaves no visit and no cookies", async (_, ua) => {
    const product = await createProduct(await signInMerchant());
    const link = await linkFor((await signUp()).client, product.id);
    const res = await tap(`/s/${link.code}`, { ua });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${ORIGIN}/p/${product.id}`);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await visitRows(link.code)).toHaveLength(0);
  });

  it("40 taps at once, 30 shoppers and one shopper 10 times: 40 rows, 31 unique, in a few D1 batches", async () => {
    const distributor = await signUp();
    const link = await linkFor(distributor.client);
    // a shopper with a visitor cookie from another link, new to this one: exactly one of their 10 taps is unique
    const regular = new Client();
    await tap(`/s/${(await linkFor((await signUp()).client)).code}`, { client: regular });
    const batches = countBatches();
    await Promise.all([
      ...Array.from({ length: 30 }, () => tap(`/s/${link.code}`, { env: batches.env })),
      ...Array.from({ length: 10 }, () => tap(`/s/${link.code}`, { client: regular, env: batches.env })),
    ]);
    const rows = await visitRows(link.code);
    expect(rows).toHaveLength(40);
    expect(rows.filter((r) => r.isUnique)).toHaveLength(31);
    expect(rows.filter((r) => r.visitorId === regular.cookies.get("vid"))).toHaveLength(10);
    expect(rows.filter((r) => r.visitorId === regular.cookies.get("vid") && r.isUnique)).toHaveLength(1);
    expect(await stats(distributor.client)).toMatchObject({ visits: 40, unique_visits: 31 });
    // the 40 visits share one batch when they arrive within its 50 ms window; a slow machine may need more
    expect(batches.count()).toBeGreaterThanOrEqual(1);
    expect(batches.count()).toBeLessThan(10);
  });

  it("a HEAD request is not a visit either", async () => {
    const link = await linkFor((await signUp()).client);
    const res = await tap(`/s/${link.code}`, { method: "HEAD" });
    expect(res.status).toBe(302);
    expect(await visitRows(link.code)).toHaveLength(0);
  });

  it("a warm redirect resolves its code from memory, without a D1 query", async () => {
    const link = await linkFor((await signUp()).client);
    const counted = countingDb();
    expect(await findLink(counted.db.$client, link.code)).toMatchObject({ productId: null });
    expect(counted.queries()).toBe(1);
    expect(await findLink(counted.db.$client, link.code)).toMatchObject({ productId: null });
    expect(counted.queries()).toBe(1);
    // unknown codes are not remembered: a link created a moment later must resolve
    await findLink(counted.db.$client, "ZZZZZZZZ");
    await findLink(counted.db.$client, "ZZZZZZZZ");
    expect(counted.queries()).toBe(3);
  });
});

describe("the distributor's stats", () => {
  it("count visits, sold orders, sales and commission by bucket; other people's rows do not leak in", async () => {
    const { client, userId } = await signUp();
    const someoneElse = await signUp();
    await client.json("/api/distributor", { method: "POST" });
    const t0 = Date.now();
    const order = (
      status: (typeof orders.$inferInsert)["status"],
      subtotalCents: number,
      distributorUserId = userId,
    ) => ({
      id: `ord_${crypto.randomUUID()}`,
      status,
      subtotalCents,
      totalCents: subtotalCents,
      distributorUserId,
      contactName: "张三",
      contactPhone: "13900000000",
      contactAddress: "上海市",
      paymentProvider: "demo" as const,
      holdUntil: t0,
      createdAt: t0,
    });
    const placed = [
      order("paid", 10_000),
      order("shipped", 20_000),
      order("completed", 30_000),
      order("pending", 40_000),
      order("cancelled", 50_000),
      order("refunded", 60_000),
      order("paid", 70_000, someoneElse.userId),
    ];
    await db().insert(orders).values(placed);
    const entry = (
      orderId: string,
      bucket: "pending" | "available" | "reversed",
      event: "accrue" | "mature" | "reverse",
      amountCents: number,
      distributorUserId = userId,
    ) => ({ distributorUserId, orderId, level: 1, bucket, event, amountCents, createdAt: t0 });
    const [paid, shipped, completed, , , refunded, others] = placed.map((o) => o.id);
    await db()
      .insert(commissionLedger)
      .values([
        entry(paid!, "pending", "accrue", 1_000),
        entry(shipped!, "pending", "accrue", 2_000),
        entry(completed!, "pending", "accrue", 3_000),
        entry(completed!, "pending", "mature", -3_000),
        entry(completed!, "available", "mature", 3_000),
        entry(refunded!, "pending", "accrue", 6_000),
        entry(refunded!, "pending", "reverse", -6_000),
        entry(refunded!, "reversed", "reverse", 6_000),
        entry(others!, "pending", "accrue", 7_000, someoneElse.userId),
      ]);

    const { status, body } = await client.json<DistributorStats>("/api/distributor/stats");
    expect(status).toBe(200);
    expect(body).toEqual({
      visits: 0,
      unique_visits: 0,
      orders: 3,
      sales_cents: 60_000,
      commission: { pending_cents: 3_000, available_cents: 3_000, reversed_cents: 6_000 },
    });
  });

  it("someone who is not a distributor sees zeros", async () => {
    const { client } = await signUp();
    expect(await stats(client)).toEqual({
      visits: 0,
      unique_visits: 0,
      orders: 0,
      sales_cents: 0,
      commission: { pending_cents: 0, available_cents: 0, reversed_cents: 0 },
    });
  });

  it("each figure is read through its index", async () => {
    const expected = ["visit_days_distributor_idx", "orders_distributor_idx", "commission_ledger_distributor_idx"];
    const queries = distributorStatsQueries(db(), 1);
    for (const [i, query] of queries.entries()) {
      const { sql: text, params } = query.toSQL();
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${text}`)
        .bind(...params)
        .all<{ detail: string }>();
      const details = plan.results.map((r) => r.detail).join(" | ");
      expect(details).toContain(expected[i]);
      expect(details).not.toMatch(/\bSCAN (visits|visit_days|orders|commission_ledger)\b/);
    }
    // the visit counts are the rollup's, and never touch its table itself
    const visitPlan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${queries[0].toSQL().sql}`)
      .bind(1)
      .all<{ detail: string }>();
    expect(visitPlan.results[0]!.detail).toContain("COVERING INDEX visit_days_distributor_idx");
  });
});

describe("the poster", () => {
  // its QR code is decoded from its pixels in tests/pictures.test.ts
  it("is a PNG a phone can save, and is not a visit", async () => {
    const product = await createProduct(await signInMerchant(), { title: `茶 & "点心"`, price_cents: 16800 });
    const link = await linkFor((await signUp()).client, product.id);
    const res = await tap(`/s/${link.code}/poster.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await visitRows(link.code)).toHaveLength(0);
    expect((await tap("/s/ZZZZZZZZ/poster.png")).status).toBe(404);
  });
});

describe("我的推广 (/me) and the invite page", () => {
  it("signed out, /me asks to sign in and come back", async () => {
    const html = await (await new Client().fetch("/me")).text();
    expect(html).toContain(`href="/login?next=%2Fme"`);
  });

  it("signed in but not a distributor, /me offers one button to become one", async () => {
    const { client } = await signUp();
    const html = await (await client.fetch("/me")).text();
    expect(html).toContain('data-island="BecomeDistributor"');
    expect(html).toContain("成为推广员");
    // looking at the page wrote nothing
    expect((await client.json("/api/me")).body.distributor).toBeNull();
  });

  it("a distributor's /me shows the funnel in ¥, a ready link and a poster for each product, and the invite link", async () => {
    const product = await createProduct(await signInMerchant(), { title: "龙井茶礼盒" });
    const { client } = await signUp();
    const code = (await client.json("/api/distributor", { method: "POST" })).body.distributor.code;
    const res = await client.fetch("/me");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const html = await res.text();
    // the page made the links; the API hands out the same ones
    const productLink = await linkFor(client, product.id);
    const storeLink = await linkFor(client);
    expect(html).toContain("龙井茶礼盒");
    expect(html).toContain(`data-props="{&quot;url&quot;:&quot;${productLink.url}&quot;}"`);
    // the link to long-press without a script, and its poster to long-press or save
    expect(html).toContain(`value="${productLink.url}" readonly`);
    expect(html).toContain(`<img src="/s/${productLink.code}/poster.png"`);
    expect(html).toContain(`href="/s/${productLink.code}/poster.png" download=`);
    expect(html).toContain(`${storeLink.url}`);
    expect(html).toContain(`${ORIGIN}/join?invite=${code}`);
    for (const label of ["访问次数", "独立访客", "成交订单", "销售额", "待结算", "可提现", "已退回", "复制链接"]) {
      expect(html).toContain(label);
    }
    expect(html).toContain("¥0.00");
  });

  it("an invite link recruits whoever accepts it; an unknown invite is a 404 page", async () => {
    const recruiter = await signUp("阿香");
    const code = (await recruiter.client.json("/api/distributor", { method: "POST" })).body.distributor.code;

    const guestHtml = await (await new Client().fetch(`/join?invite=${code}`)).text();
    expect(guestHtml).toContain("阿香 邀请你成为推广员");
    expect(guestHtml).toContain(`/login?mode=signup&amp;next=${encodeURIComponent(`/join?invite=${code}`)}`);

    const friend = await signUp();
    const friendHtml = await (await friend.client.fetch(`/join?invite=${code}`)).text();
    expect(friendHtml).toContain('data-island="BecomeDistributor"');
    expect(friendHtml).toContain(`&quot;inviteCode&quot;:&quot;${code}&quot;`);
    // what the button sends
    expect((await friend.client.json("/api/distributor", { body: { invite_code: code } })).status).toBe(201);
    const [row] = await db().select().from(distributors).where(eq(distributors.userId, friend.userId));
    expect(row!.recruiterUserId).toBe(recruiter.userId);
    expect(await (await friend.client.fetch(`/join?invite=${code}`)).text()).toContain("你已经是推广员了");

    expect((await new Client().fetch("/join?invite=ZZZZZZZZ")).status).toBe(404);
    expect((await new Client().fetch("/join")).status).toBe(404);
  });
});

/** Reads a `ref` cookie value back through the production reader, in a throwaway app. */
async function readRefCookie(value: string | undefined) {
  const app = new Hono<AppEnv>().get("/", async (c) => c.json(await readAttribution(c)));
  const res = await app.request("/", { headers: value === undefined ? {} : { cookie: `ref=${value}` } }, env);
  return res.json() as Promise<{ code: string; clicked_at: number } | null>;
}

/** The test D1 binding, counting the calls of one of its methods; one binding for every request, as in production. */
function countingD1(method: "prepare" | "batch") {
  let calls = 0;
  const d1 = new Proxy(env.DB, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === method) {
        return (...args: unknown[]) => {
          calls += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { d1, calls: () => calls };
}

/** An env whose D1 counts its batch() calls. */
function countBatches() {
  const { d1, calls } = countingD1("batch");
  return { env: { ...env, DB: d1 }, count: calls };
}

/** A drizzle handle whose D1 counts the statements it prepares. */
function countingDb() {
  const { d1, calls } = countingD1("prepare");
  return { db: getDb(d1), queries: calls };
}
