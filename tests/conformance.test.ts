// The API document is true: recorded requests of every operation, as a guest, a shopper and the
// merchant, succeeding and refused, each answer validated (status and body) against the served
// /api/openapi.json with ajv. tests/fuzz.test.ts validates its generated requests the same way.
import { env } from "cloudflare:test";
import { afterAll, describe, expect, it } from "vitest";
import {
  type Answer,
  CONTACT,
  Client,
  createProduct,
  creditWallet,
  distributorWithLink,
  fixture,
  newAddress,
  newPhone,
  signInMerchant,
  signUp,
  storeFetch,
  ORIGIN,
} from "./helpers";
import { conformanceChecker, type Document } from "./openapi-conformance";

const document = (await (await storeFetch(new Request(`${ORIGIN}/api/openapi.json`))).json()) as Document;
const checker = conformanceChecker(document);

type Options = { body?: unknown; headers?: Record<string, string>; origin?: string | null; query?: string };

/**
 * Sends one request of an operation and checks the answer against the document.
 * @returns the answer, after asserting its status is `expected` and that it keeps the document
 */
async function call(
  client: Client,
  expected: number,
  operation: string,
  params: Record<string, string | number> = {},
  opts: Options = {},
) {
  const [method, template] = operation.split(" ") as [string, string];
  const path =
    template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name]))) + (opts.query ?? "");
  const res = await client.fetch(path, { method, body: opts.body, headers: opts.headers, origin: opts.origin });
  const text = await res.text();
  const answer = { status: res.status, contentType: res.headers.get("content-type"), text };
  const breach = checker.check(method, template, answer);
  expect(breach, `${operation} ${path}`).toBeNull();
  expect(res.status, `${operation} ${path}: ${text.slice(0, 200)}`).toBe(expected);
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Answer };
}

const key = () => ({ "idempotency-key": crypto.randomUUID() });
const order = (productId: number, extra: Record<string, unknown> = {}) => ({
  items: [{ product_id: productId, quantity: 1 }],
  contact: CONTACT,
  ...extra,
});

afterAll(() => {
  const { checked, failures, byOperation } = checker.tally;
  console.log(
    `conformance: ${checked} recorded requests over ${byOperation.size} operations, ${failures.length} failures`,
  );
});

describe("every operation answers as the OpenAPI document says", () => {
  it("accounts: sign-up, sign-in, me, sign-out, with their refusals", async () => {
    const guest = new Client();
    const me = await call(guest, 200, "GET /api/me");
    expect(me.body.user).toBeNull();
    const phone = newPhone();
    const shopper = new Client();
    await call(shopper, 201, "POST /api/auth/signup", {}, { body: { phone, password: "correct-horse" } });
    await call(new Client(), 409, "POST /api/auth/signup", {}, { body: { phone, password: "correct-horse" } });
    await call(new Client(), 400, "POST /api/auth/signup", {}, { body: { phone: "123", password: "x" } });
    await call(
      new Client(),
      415,
      "POST /api/auth/signup",
      {},
      { body: "a=b", headers: { "content-type": "text/plain" } },
    );
    expect((await call(shopper, 200, "GET /api/me")).body.user.id).toBeGreaterThan(0);
    await call(shopper, 403, "POST /api/auth/logout", {}, { origin: "https://evil.example" });
    await call(shopper, 204, "POST /api/auth/logout");

    await call(new Client(), 200, "POST /api/auth/login", {}, { body: { phone, password: "correct-horse" } });
    const attacker = new Client();
    for (let i = 0; i < 10; i++) {
      await call(attacker, 401, "POST /api/auth/login", {}, { body: { phone, password: "wrong-pass" } });
    }
    await call(attacker, 429, "POST /api/auth/login", {}, { body: { phone, password: "correct-horse" } });
    await call(new Client(), 400, "POST /api/auth/login", {}, { body: { phone } });

    const address = newAddress();
    let status = 0;
    for (let i = 0; i < 25 && status !== 429; i++) {
      const res = await new Client().fetch("/api/auth/signup", {
        body: { phone: newPhone(), password: "12345678" },
        headers: { "cf-connecting-ip": address },
      });
      status = res.status;
      checker.check("POST", "/api/auth/signup", {
        status,
        contentType: res.headers.get("content-type"),
        text: await res.text(),
      });
    }
    expect(status).toBe(429);
  });

  it("the catalogue and the merchant's products", async () => {
    const merchant = await signInMerchant();
    const product = (
      await call(
        merchant,
        201,
        "POST /api/admin/products",
        {},
        { body: { title: "文档", price_cents: 990, stock: 5, slug: `doc-${Date.now()}` } },
      )
    ).body.product;
    await call(
      merchant,
      409,
      "POST /api/admin/products",
      {},
      { body: { title: "重复", price_cents: 1, stock: 1, slug: product.slug } },
    );
    await call(merchant, 400, "POST /api/admin/products", {}, { body: { title: "", price_cents: -1, stock: 1 } });
    await call(merchant, 200, "PATCH /api/admin/products/{id}", { id: product.id }, { body: { price_cents: 880 } });
    await call(merchant, 404, "PATCH /api/admin/products/{id}", { id: 2_000_000_000 }, { body: { price_cents: 880 } });
    await call(merchant, 400, "PATCH /api/admin/products/{id}", { id: 2_147_483_648 }, { body: { price_cents: 880 } });
    await call(merchant, 200, "GET /api/admin/products");
    const shopper = await signUp();
    await call(shopper.client, 403, "GET /api/admin/products");
    await call(new Client(), 401, "GET /api/admin/products");
    await call(
      new Client(),
      403,
      "POST /api/admin/products",
      {},
      { body: { title: "x", price_cents: 1, stock: 1 }, origin: "https://evil.example", headers: { cookie: "sid=x" } },
    );

    await call(new Client(), 200, "GET /api/products");
    await call(new Client(), 200, "GET /api/products/{id}", { id: product.id });
    await call(new Client(), 404, "GET /api/products/{id}", { id: 2_000_000_000 });
    await call(new Client(), 400, "GET /api/products/{id}", { id: "abc" });
    await call(new Client(), 400, "GET /api/products/{id}", { id: "99999999999999999999" });
  });

  it("orders: place, replay, reuse, read, pay, and the merchant's moves, with their refusals", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 1000, stock: 3 });
    const guest = new Client();
    const k = key();
    const placed = (await call(guest, 201, "POST /api/orders", {}, { body: order(product.id), headers: k })).body;
    await call(new Client(), 200, "POST /api/orders", {}, { body: order(product.id), headers: k });
    await call(
      guest,
      422,
      "POST /api/orders",
      {},
      { body: order(product.id, { contact: { ...CONTACT, name: "别人" } }), headers: k },
    );
    await call(
      guest,
      400,
      "POST /api/orders",
      {},
      { body: order(product.id), headers: { "idempotency-key": "short" } },
    );
    await call(guest, 401, "POST /api/orders", {}, { body: order(product.id, { wallet_cents: 100 }), headers: key() });
    await call(guest, 404, "POST /api/orders", {}, { body: order(2_000_000_000), headers: key() });
    await call(
      guest,
      409,
      "POST /api/orders",
      {},
      { body: { ...order(product.id), items: [{ product_id: product.id, quantity: 9 }] }, headers: key() },
    );
    await call(guest, 415, "POST /api/orders", {}, { body: "x", headers: { "content-type": "text/plain" } });

    const id = placed.order.id;
    await call(guest, 200, "GET /api/orders/{id}", { id });
    await call(new Client(), 404, "GET /api/orders/{id}", { id });
    await call(guest, 400, "GET /api/orders/{id}", { id: "A".repeat(41) });
    const payKey = key();
    await call(guest, 200, "POST /api/orders/{id}/pay", { id }, { headers: payKey });
    await call(guest, 200, "POST /api/orders/{id}/pay", { id }, { headers: payKey });
    await call(guest, 422, "POST /api/orders/{id}/pay", { id }, { headers: payKey, body: { other: 1 } });
    await call(new Client(), 404, "POST /api/orders/{id}/pay", { id });

    const { client: buyer, userId } = await signUp();
    await creditWallet(userId, 300);
    await call(buyer, 201, "POST /api/orders", {}, { body: order(product.id, { wallet_cents: 300 }), headers: key() });
    await call(buyer, 200, "GET /api/orders");
    await call(new Client(), 401, "GET /api/orders");

    await call(merchant, 200, "GET /api/admin/orders");
    await call(merchant, 200, "GET /api/admin/orders", {}, { query: "?status=paid" });
    await call(merchant, 400, "GET /api/admin/orders", {}, { query: "?status=nope" });
    await call(merchant, 409, "POST /api/admin/orders/{id}/complete", { id });
    await call(merchant, 200, "POST /api/admin/orders/{id}/ship", { id }, { headers: key() });
    await call(merchant, 200, "POST /api/admin/orders/{id}/complete", { id }, { headers: key() });
    const refundKey = key();
    await call(merchant, 200, "POST /api/admin/orders/{id}/refund", { id }, { headers: refundKey });
    await call(merchant, 200, "POST /api/admin/orders/{id}/refund", { id }, { headers: refundKey });
    await call(merchant, 409, "POST /api/admin/orders/{id}/refund", { id });
    await call(merchant, 404, "POST /api/admin/orders/{id}/ship", { id: "NOPE" });
    await call(merchant, 400, "POST /api/admin/orders/{id}/ship", { id }, { headers: { "idempotency-key": "x" } });
    await call(merchant, 409, "POST /api/orders/{id}/pay", { id });
  });

  it("check-in, bargains, distributors, links, payouts and settings", async () => {
    const merchant = await signInMerchant();
    const { client, userId } = await signUp("签到人");
    await call(client, 200, "GET /api/checkin");
    await call(new Client(), 401, "GET /api/checkin");
    const checkinKey = key();
    await call(client, 200, "POST /api/checkin", {}, { headers: checkinKey });
    await call(client, 200, "POST /api/checkin", {}, { headers: checkinKey });
    await call(client, 409, "POST /api/checkin");
    await call(new Client(), 401, "POST /api/checkin");

    const product = await createProduct(merchant, { price_cents: 9900, bargain: { floor_cents: 1, helpers: 2 } });
    const plain = await createProduct(merchant, { price_cents: 500 });
    const bargain = (await call(client, 201, "POST /api/bargains", {}, { body: { product_id: product.id } })).body
      .bargain;
    await call(client, 200, "POST /api/bargains", {}, { body: { product_id: product.id } });
    await call(client, 409, "POST /api/bargains", {}, { body: { product_id: plain.id } });
    await call(client, 404, "POST /api/bargains", {}, { body: { product_id: 2_000_000_000 } });
    await call(client, 400, "POST /api/bargains", {}, { body: { product_id: 2_147_483_648 } });
    await call(new Client(), 401, "POST /api/bargains", {}, { body: { product_id: product.id } });
    await call(client, 200, "GET /api/bargains");
    await call(new Client(), 401, "GET /api/bargains");
    await call(new Client(), 200, "GET /api/bargains/{id}", { id: bargain.id });
    await call(new Client(), 404, "GET /api/bargains/{id}", { id: "nope" });
    await call(new Client(), 400, "GET /api/bargains/{id}", { id: "not a bargain!" });
    const friend = await signUp("帮砍");
    await call(friend.client, 200, "POST /api/bargains/{id}/help", { id: bargain.id });
    await call(friend.client, 409, "POST /api/bargains/{id}/help", { id: bargain.id });
    await call(client, 409, "POST /api/bargains/{id}/help", { id: bargain.id });
    await call(friend.client, 404, "POST /api/bargains/{id}/help", { id: "nope" });
    await call(new Client(), 401, "POST /api/bargains/{id}/help", { id: bargain.id });

    await call(client, 201, "POST /api/distributor", {}, { body: {} });
    await call(client, 200, "POST /api/distributor", {}, { body: {} });
    await call(friend.client, 400, "POST /api/distributor", {}, { body: { invite_code: "ZZZZZZZZ" } });
    await call(new Client(), 401, "POST /api/distributor", {}, { body: {} });
    await call(client, 200, "GET /api/distributor/stats");
    await call(new Client(), 401, "GET /api/distributor/stats");
    await call(client, 200, "POST /api/links", {}, { body: { product_id: product.id } });
    await call(client, 200, "POST /api/links", {}, { body: {} });
    await call(client, 404, "POST /api/links", {}, { body: { product_id: 2_000_000_000 } });
    await call(client, 400, "POST /api/links", {}, { body: { product_id: "x" } });
    await call(new Client(), 401, "POST /api/links", {}, { body: {} });

    const seller = await distributorWithLink(product.id, "收款");
    await env.DB.prepare(
      "INSERT INTO commission_ledger (distributor_user_id, order_id, level, bucket, event, amount_cents, created_at) VALUES (?, NULL, 1, 'available', 'mature', 500, ?)",
    )
      .bind(seller.userId, Date.now())
      .run();
    const payoutKey = key();
    await call(
      merchant,
      200,
      "POST /api/admin/distributors/{user_id}/payout",
      { user_id: seller.userId },
      { headers: payoutKey },
    );
    await call(
      merchant,
      200,
      "POST /api/admin/distributors/{user_id}/payout",
      { user_id: seller.userId },
      { headers: payoutKey },
    );
    await call(merchant, 409, "POST /api/admin/distributors/{user_id}/payout", { user_id: seller.userId });
    await call(merchant, 404, "POST /api/admin/distributors/{user_id}/payout", { user_id: userId + 100_000 });
    await call(merchant, 400, "POST /api/admin/distributors/{user_id}/payout", { user_id: "x" });
    await call(merchant, 200, "GET /api/admin/distributors");
    await call(merchant, 200, "GET /api/admin/dashboard");
    await call(client, 403, "GET /api/admin/dashboard");
    await call(merchant, 200, "GET /api/admin/settings");
    await call(merchant, 200, "PATCH /api/admin/settings", {}, { body: { order_hold_minutes: 15 } });
    await call(merchant, 400, "PATCH /api/admin/settings", {}, { body: { order_hold_minutes: -1 } });
  });

  it("group buying and the clearance zone, with their refusals", async () => {
    const merchant = await signInMerchant();
    const deal = { size: 2, price_cents: 600, hours: 24, per_user_limit: 1, virtual_fill_at: null };
    const product = await createProduct(merchant, { price_cents: 1000, stock: 9, group: deal });
    const plain = await createProduct(merchant, { price_cents: 500, clearance: { price_cents: 250 } });
    await call(new Client(), 200, "GET /api/products", {}, { query: "?clearance=1" });
    await call(new Client(), 400, "GET /api/products", {}, { query: "?clearance=yes" });
    const { client: leader } = await signUp("团长");
    const opened = (
      await call(leader, 201, "POST /api/orders", {}, { body: order(product.id, { open_group: true }), headers: key() })
    ).body;
    await call(leader, 200, "POST /api/orders/{id}/pay", { id: opened.order.id }, { headers: key() });
    const groupId = opened.group.id;
    await call(new Client(), 200, "GET /api/groups/{id}", { id: groupId });
    await call(new Client(), 404, "GET /api/groups/{id}", { id: "nope" });
    await call(new Client(), 400, "GET /api/groups/{id}", { id: "not a group!" });
    await call(new Client(), 200, "GET /api/products/{id}/groups", { id: product.id });
    await call(new Client(), 400, "GET /api/products/{id}/groups", { id: "abc" });
    await call(leader, 200, "GET /api/groups");
    await call(new Client(), 401, "GET /api/groups");
    await call(leader, 409, "POST /api/orders", {}, { body: order(plain.id, { open_group: true }), headers: key() });
    const { client: friend } = await signUp("好友");
    await call(friend, 201, "POST /api/orders", {}, { body: order(product.id, { group_id: groupId }), headers: key() });
    await call(friend, 404, "POST /api/orders", {}, { body: order(product.id, { group_id: "nope" }), headers: key() });
    await call(merchant, 200, "GET /api/admin/groups");
    await call(merchant, 200, "GET /api/admin/groups", {}, { query: "?status=open" });
    await call(merchant, 400, "GET /api/admin/groups", {}, { query: "?status=nope" });
    await call(leader, 403, "GET /api/admin/groups");
  });

  it("pictures: an upload, and the refusals of what is not one", async () => {
    const merchant = await signInMerchant();
    const upload = (client: Client, expected: number, file: string) => {
      const form = new FormData();
      form.append("file", new File([fixture(file)], file, { type: "image/jpeg" }));
      return call(client, expected, "POST /api/admin/pictures", {}, { body: form });
    };
    await upload(merchant, 201, "photo.jpg");
    await upload(merchant, 400, "not-an-image.jpg");
    await upload(new Client(), 401, "photo.jpg");
    await upload((await signUp()).client, 403, "photo.jpg");
    await call(merchant, 415, "POST /api/admin/pictures", {}, { body: { file: "x" } });
  });

  it("every operation in the document was called, and answered a success at least once", () => {
    for (const { method, path } of checker.operations) {
      const seen = checker.tally.byOperation.get(`${method} ${path}`);
      expect(seen, `${method} ${path} was never called`).toBeDefined();
      expect(
        [...seen!].some((s) => s < 300),
        `${method} ${path} never succeeded`,
      ).toBe(true);
    }
    expect(checker.tally.failures).toEqual([]);
  });
});
