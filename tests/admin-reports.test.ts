import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { recordVisits, type Visit } from "../db/record-visit";
import { runCron } from "../worker/services/run-cron";
import {
  Client,
  clickShareLink as click,
  createProduct,
  distributorWithLink,
  paidOrder,
  placeOrder,
  signInMerchant,
  setClockForTests,
} from "./helpers";

afterEach(() => setClockForTests(null));

const DAY = 24 * 3600 * 1000;
const at = (iso: string) => Date.parse(iso);

/** A visit at an exact instant, through the visit writer (its row and its day's rollup); a new visitor unless named. */
async function insertVisit(link: { link: string; userId: number }, atMs: number, visitorId?: string) {
  const visit: Visit = {
    id: crypto.randomUUID(),
    linkCode: link.link,
    distributorUserId: link.userId,
    visitorId: visitorId ?? crypto.randomUUID().slice(0, 21),
    at: atMs,
    referer: null,
    country: null,
    device: "mobile",
  };
  await recordVisits(env.DB, [visit], 3_600_000, "Asia/Shanghai");
}

const ledgerSum = async (userId: number, bucket: string) =>
  (await env.DB.prepare(
    "SELECT coalesce(sum(amount_cents), 0) AS n FROM commission_ledger WHERE distributor_user_id = ? AND bucket = ?",
  )
    .bind(userId, bucket)
    .first<{ n: number }>())!.n;

/** Every byte of a download: `Response.text()` would swallow the BOM this checks for. */
async function download(client: Client, path: string) {
  const res = await client.fetch(path);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

describe("the dashboard", () => {
  it("counts each Shanghai day's visits, unique visits, sold orders and sales exactly", async () => {
    setClockForTests(at("2031-03-09T05:00:00Z"));
    const merchant = await signInMerchant();
    const tea = await createProduct(merchant, { title: "看板茶", price_cents: 5000, stock: 50 });
    const cup = await createProduct(merchant, { title: "看板杯", price_cents: 3000, stock: 50 });
    const seller = await distributorWithLink(tea.id, "看板推广员");

    const shopper = new Client();
    await click(shopper, seller.link); // 03-09 13:00 Shanghai: a unique visit
    await paidOrder(shopper, tea.id, 2); // 03-09: 10000, through the seller
    await insertVisit(seller, at("2031-03-09T15:59:59.999Z")); // 03-09 23:59:59.999
    await insertVisit(seller, at("2031-03-09T05:30:00Z"), shopper.cookies.get("vid")); // 03-09, a repeat
    await insertVisit(seller, at("2031-03-09T16:00:00Z")); // 03-10 00:00
    await insertVisit(seller, at("2031-02-08T16:00:00Z")); // 02-09 00:00, the first day shown
    await insertVisit(seller, at("2031-02-08T15:59:59.999Z")); // 02-08: 31 days ago, not shown

    setClockForTests(at("2031-03-10T01:00:00Z"));
    await paidOrder(new Client(), cup.id); // 03-10: 3000
    await placeOrder(new Client(), tea.id); // pending: not a sale
    const refunded = await paidOrder(new Client(), cup.id);
    expect((await merchant.json(`/api/admin/orders/${refunded}/refund`, { method: "POST" })).status).toBe(200);
    setClockForTests(at("2031-03-10T02:00:00Z"));
    const shipped = await paidOrder(new Client(), cup.id, 2); // 03-10: 6000
    await merchant.json(`/api/admin/orders/${shipped}/ship`, { method: "POST" });

    setClockForTests(at("2031-03-10T04:00:00Z"));
    const { status, body } = await merchant.json("/api/admin/dashboard");
    expect(status).toBe(200);
    expect(body.time_zone).toBe("Asia/Shanghai");
    expect(body.days).toHaveLength(30);
    expect(body.days[0]).toEqual({ day: "2031-02-09", visits: 1, unique_visits: 1, orders: 0, sales_cents: 0 });
    expect(body.days.at(-2)).toEqual({ day: "2031-03-09", visits: 3, unique_visits: 2, orders: 1, sales_cents: 10000 });
    expect(body.days.at(-1)).toEqual({ day: "2031-03-10", visits: 1, unique_visits: 1, orders: 2, sales_cents: 9000 });
    expect(
      body.days.slice(1, -2).every((d: { visits: number; orders: number }) => d.visits === 0 && d.orders === 0),
    ).toBe(true);
    expect(body.totals).toEqual({ visits: 5, unique_visits: 4, orders: 3, sales_cents: 19000 });
    expect(body.top_products).toEqual([
      { product_id: tea.id, title: "看板茶", quantity: 2, sales_cents: 10000 },
      { product_id: cup.id, title: "看板杯", quantity: 3, sales_cents: 9000 },
    ]);
    expect(body.top_distributors).toEqual([
      { user_id: seller.userId, nickname: "看板推广员", code: seller.code, visits: 5, orders: 1, sales_cents: 10000 },
    ]);

    const page = await (await merchant.fetch("/admin")).text();
    expect(page).toContain("¥190.00");
    expect(page).toContain("看板推广员");
    expect(page).toMatch(/<svg class="narrow"[^>]*role="img"/);
    expect(page).toContain("2031-03-10 访问 1 · 独立访客 1 · 订单 2 · 销售额 ¥90.00");
  });
});

describe("distributors and payouts", () => {
  it("the leaderboard shows each distributor's visits, orders, sales and commission by bucket, best seller first", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 10000 });
    const recruiter = await distributorWithLink(product.id, "团长");
    const seller = await distributorWithLink(product.id, "小李", recruiter.code);
    const shopper = new Client();
    await click(shopper, seller.link);
    const orderId = await paidOrder(shopper, product.id);
    await merchant.json(`/api/admin/orders/${orderId}/ship`, { method: "POST" });
    const completedAt = Date.now();
    setClockForTests(completedAt);
    await merchant.json(`/api/admin/orders/${orderId}/complete`, { method: "POST" });
    await runCron(env, completedAt + 7 * DAY + 1000);

    const { status, body } = await merchant.json("/api/admin/distributors");
    expect(status).toBe(200);
    const mine = body.distributors.filter((d: { user_id: number }) =>
      [seller.userId, recruiter.userId].includes(d.user_id),
    );
    expect(mine).toEqual([
      {
        user_id: seller.userId,
        nickname: "小李",
        phone: seller.phone,
        code: seller.code,
        visits: 1,
        unique_visits: 1,
        orders: 1,
        sales_cents: 10000,
        commission: { pending_cents: 0, available_cents: 1000, reversed_cents: 0, paid_out_cents: 0 },
      },
      {
        user_id: recruiter.userId,
        nickname: "团长",
        phone: recruiter.phone,
        code: recruiter.code,
        visits: 0,
        unique_visits: 0,
        orders: 0,
        sales_cents: 0,
        commission: { pending_cents: 0, available_cents: 300, reversed_cents: 0, paid_out_cents: 0 },
      },
    ]);
    const page = await (await merchant.fetch("/admin/distributors")).text();
    expect(page).toContain("小李");
    expect(page).toContain('data-island="AdminPayoutButton"');
  });

  it("a payout moves the whole available balance to paid out: two ledger entries that sum to zero", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const seller = await distributorWithLink(product.id, "打款");
    await env.DB.prepare(
      "INSERT INTO commission_ledger (distributor_user_id, order_id, level, bucket, event, amount_cents, created_at) VALUES (?, 'o-payout', 1, 'available', 'mature', 1234, ?)",
    )
      .bind(seller.userId, Date.now())
      .run();

    const { status, body } = await merchant.json(`/api/admin/distributors/${seller.userId}/payout`, { method: "POST" });
    expect(status).toBe(200);
    expect(body.payout).toMatchObject({ user_id: seller.userId, amount_cents: 1234 });
    const entries = await env.DB.prepare(
      "SELECT bucket, event, amount_cents, order_id FROM commission_ledger WHERE distributor_user_id = ? AND event = 'payout' ORDER BY bucket",
    )
      .bind(seller.userId)
      .all();
    expect(entries.results).toEqual([
      { bucket: "available", event: "payout", amount_cents: -1234, order_id: null },
      { bucket: "paid_out", event: "payout", amount_cents: 1234, order_id: null },
    ]);

    const again = await merchant.json(`/api/admin/distributors/${seller.userId}/payout`, { method: "POST" });
    expect([again.status, again.body.error.code]).toEqual([409, "nothing_to_pay_out"]);
    const unknown = await merchant.json("/api/admin/distributors/987654/payout", { method: "POST" });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "not_found"]);
  });

  it("ten payouts at the same moment pay the available balance once", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const seller = await distributorWithLink(product.id, "并发");
    await env.DB.prepare(
      "INSERT INTO commission_ledger (distributor_user_id, order_id, level, bucket, event, amount_cents, created_at) VALUES (?, 'o-race', 1, 'available', 'mature', 2500, ?)",
    )
      .bind(seller.userId, Date.now())
      .run();

    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        merchant.json(`/api/admin/distributors/${seller.userId}/payout`, { method: "POST" }),
      ),
    );
    expect(answers.filter((a) => a.status === 200).map((a) => a.body.payout.amount_cents)).toEqual([2500]);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(9);
    expect(await ledgerSum(seller.userId, "paid_out")).toBe(2500);
    expect(await ledgerSum(seller.userId, "available")).toBe(0);
  });
});

describe("CSV exports", () => {
  it("orders.csv: UTF-8 with a BOM, an attachment, quoted fields, cents and yuan, the distributor", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { title: '特级龙井, "明前"', price_cents: 12345 });
    const seller = await distributorWithLink(product.id, "=HYPERLINK(1)");
    const shopper = new Client();
    await click(shopper, seller.link);
    const orderId = await paidOrder(shopper, product.id);

    const { res, bytes, text } = await download(merchant, "/admin/export/orders.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "订单号,下单时间(UTC),下单时间(店铺时区),状态,商品,商品金额(元),商品金额(分),现金抵扣(元),现金抵扣(分),实付(元),实付(分),推广链接,推广员ID,推广员,收货人,手机号,收货地址,付款时间(UTC),发货时间(UTC),完成时间(UTC),退款时间(UTC)",
    );
    const row = lines.find((l) => l.startsWith(orderId))!;
    expect(row).toContain(
      `,待发货,"特级龙井, ""明前"" ×1",123.45,12345,0.00,0,123.45,12345,${seller.link},${seller.userId},'=HYPERLINK(1),张三,`,
    );
    expect(text.endsWith("\r\n")).toBe(true);

    const paidOnly = await download(merchant, "/admin/export/orders.csv?status=refunded");
    expect(paidOnly.text).not.toContain(orderId);
  });

  it("commissions.csv lists every ledger entry with its bucket, event and signed amount", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 8000 });
    const seller = await distributorWithLink(product.id, "账本");
    const shopper = new Client();
    await click(shopper, seller.link);
    const orderId = await paidOrder(shopper, product.id);
    await merchant.json(`/api/admin/orders/${orderId}/refund`, { method: "POST" });

    const { res, bytes, text } = await download(merchant, "/admin/export/commissions.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="commissions-/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe("流水号,时间(UTC),推广员ID,推广员,推广码,订单号,级别,账户,类型,金额(元),金额(分)");
    const mine = lines.filter((l) => l.includes(`,${orderId},`)).map((l) => l.split(",").slice(2).join(","));
    expect(mine).toEqual([
      `${seller.userId},账本,${seller.code},${orderId},1,待结算,订单付款计入,8.00,800`,
      `${seller.userId},账本,${seller.code},${orderId},1,已退回,退款退回,8.00,800`,
      `${seller.userId},账本,${seller.code},${orderId},1,待结算,退款退回,-8.00,-800`,
    ]);
  });
});
