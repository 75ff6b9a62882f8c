// Checkout without JavaScript: the checkout page's form posts to /checkout, which places the order
// through the same service as POST /api/orders (price, stock, attribution, idempotency, refusals) and
// goes on to pay; the order's page pays in demo mode by a plain form, for its buyer only.
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CONTACT,
  Client,
  ORIGIN,
  clickShareLink,
  completedBargain,
  createProduct,
  creditWallet,
  deliverStripeEvent,
  distributorWithLink,
  productStock,
  signInMerchant,
  signUp,
  checkoutSessionEvent,
} from "./helpers";

const FORM = { "content-type": "application/x-www-form-urlencoded" };

afterEach(() => vi.restoreAllMocks());

const count = async (sql: string, ...args: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...args)
    .first<{ n: number }>())!.n;

const ordersOf = (productId: number) =>
  count("SELECT count(DISTINCT order_id) AS n FROM order_items WHERE product_id = ?", productId);

/** The checkout page's hidden fields, as a browser would send them back. */
function hiddenFields(html: string): Record<string, string> {
  const form = /<form class="panel" method="post" action="\/checkout"[^>]*>(.*?)<\/form>/s.exec(html)?.[1] ?? "";
  return Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
}

/** Opens the checkout page at `path` and posts its form with the contact (and `extra` fields). */
async function checkout(client: Client, path: string, extra: Record<string, string> = {}) {
  const page = await client.fetch(path);
  expect(page.status, path).toBe(200);
  const fields: Record<string, string> = { ...hiddenFields(await page.text()), ...CONTACT, ...extra };
  return { fields, res: await postCheckout(client, fields) };
}

const postCheckout = (client: Client, fields: Record<string, string>, origin?: string) =>
  client.fetch("/checkout", { headers: FORM, body: new URLSearchParams(fields).toString(), origin });

const orderIdOf = (res: Response) => /^\/orders\/([A-Z0-9]+)$/.exec(res.headers.get("location") ?? "")?.[1];

const orderRow = (id: string) =>
  env.DB.prepare(
    "SELECT status, user_id, visitor_id, total_cents, wallet_cents, referrer_code, contact_phone, contact_address FROM orders WHERE id = ?",
  )
    .bind(id)
    .first<{
      status: string;
      user_id: number | null;
      visitor_id: string | null;
      total_cents: number;
      wallet_cents: number;
      referrer_code: string | null;
      contact_phone: string;
      contact_address: string;
    }>();

describe("the checkout page's form", () => {
  it("posts to /checkout with a new hidden Idempotency-Key on every render, and a quantity a phone can type", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 5 });
    const guest = new Client();
    const first = await (await guest.fetch(`/checkout?product_id=${product.id}`)).text();
    const second = await (await guest.fetch(`/checkout?product_id=${product.id}`)).text();
    expect(first).toContain('<form class="panel" method="post" action="/checkout"');
    expect(hiddenFields(first)).toEqual({
      idempotency_key: expect.stringMatching(/^[0-9a-f-]{36}$/),
      product_id: `${product.id}`,
    });
    expect(hiddenFields(second).idempotency_key).not.toBe(hiddenFields(first).idempotency_key);
    expect(first).toMatch(/<input id="quantity" name="quantity" type="number" inputmode="numeric" min="1" max="5"/);
  });

  it("a guest places an order by form post: 303 to the order's page, exact price, stock taken once, attributed to the link", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 4990, stock: 5 });
    const distributor = await distributorWithLink(product.id, "小推");
    const guest = new Client();
    await clickShareLink(guest, distributor.link);
    const { res } = await checkout(guest, `/checkout?product_id=${product.id}`, { quantity: "2" });
    expect(res.status).toBe(303);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const id = orderIdOf(res)!;
    expect(id).toBeDefined();
    expect(res.headers.get("location")).not.toContain(CONTACT.phone);
    expect((await productStock(product.id)).stock).toBe(3);
    expect(await orderRow(id)).toMatchObject({
      status: "pending",
      user_id: null,
      visitor_id: guest.cookies.get("vid"),
      total_cents: 9980,
      referrer_code: distributor.link,
      contact_phone: CONTACT.phone,
      contact_address: CONTACT.address,
    });

    const page = await guest.fetch(`/orders/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    const html = await page.text();
    expect(html).toContain(`订单号 ${id}`);
    expect(html).toContain("¥99.80");
    expect(html).toContain(`<form method="post" action="/orders/${id}/pay">`);
    expect(html).toContain("演示支付 ¥99.80");
    expect(html).not.toContain('src="/assets/app.js"');
    expect((await new Client().fetch(`/orders/${id}`)).status).toBe(404);
  });

  it("a signed-in shopper spends wallet cash up to the balance the page showed; the same form again is the same order", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 1000, stock: 10 });
    const { client, userId } = await signUp();
    await creditWallet(userId, 450);
    const html = await (await client.fetch(`/checkout?product_id=${product.id}`)).text();
    expect(html).toMatch(/<input type="checkbox" name="use_wallet" value="450" checked/);
    const fields: Record<string, string> = { ...hiddenFields(html), ...CONTACT, quantity: "2", use_wallet: "450" };
    expect(fields.unit_price_cents).toBe("1000");

    const first = await postCheckout(client, fields);
    expect(first.status).toBe(303);
    const id = orderIdOf(first)!;
    expect(await orderRow(id)).toMatchObject({ user_id: userId, wallet_cents: 450, total_cents: 1550 });
    expect((await client.json("/api/me")).body.wallet_cents).toBe(0);

    // a double tap, or a refresh of the answer: the wallet it spent is gone, and still one order
    const again = await postCheckout(client, fields);
    expect([again.status, again.headers.get("location")]).toEqual([303, `/orders/${id}`]);
    expect(await ordersOf(product.id)).toBe(1);
    expect((await productStock(product.id)).stock).toBe(8);
    expect((await client.json("/api/me")).body.wallet_cents).toBe(0);
  });

  it("a price that fell after the page loaded spends wallet cash up to the new total; the API still refuses more", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 1000, stock: 10 });
    const { client, userId } = await signUp();
    await creditWallet(userId, 450);
    const html = await (await client.fetch(`/checkout?product_id=${product.id}`)).text();
    const fields: Record<string, string> = { ...hiddenFields(html), ...CONTACT, quantity: "1", use_wallet: "450" };
    expect(fields.unit_price_cents).toBe("1000");
    // a flash sale starts while the shopper types: ¥3.00 instead of ¥10.00
    const sale = { price_cents: 300, stock: 5 };
    const hour = 3_600_000;
    const flash_sale = {
      ...sale,
      starts_at: new Date(Date.now() - hour).toISOString(),
      ends_at: new Date(Date.now() + hour).toISOString(),
    };
    expect(
      (await merchant.json(`/api/admin/products/${product.id}`, { method: "PATCH", body: { flash_sale } })).status,
    ).toBe(200);

    const api = await client.json("/api/orders", {
      body: { items: [{ product_id: product.id, quantity: 1 }], contact: CONTACT, wallet_cents: 450 },
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    expect([api.status, api.body.error.code, api.body.error.issues[0]!.path]).toEqual([
      400,
      "invalid_input",
      ["wallet_cents"],
    ]);

    const res = await postCheckout(client, fields);
    expect(res.status).toBe(303);
    const id = orderIdOf(res)!;
    // the wallet pays the whole ¥3.00, so nothing is left to pay
    expect(await orderRow(id)).toMatchObject({ user_id: userId, wallet_cents: 300, total_cents: 0, status: "paid" });
    expect((await client.json("/api/me")).body.wallet_cents).toBe(150);
  });

  it("the same hidden key sent 8 times at once from a guest places one order and takes stock once", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 990, stock: 10 });
    const guest = new Client();
    const html = await (await guest.fetch(`/checkout?product_id=${product.id}`)).text();
    const fields = { ...hiddenFields(html), ...CONTACT, quantity: "3" };
    const burst = await Promise.all(Array.from({ length: 8 }, () => postCheckout(guest, fields)));
    expect(new Set(burst.map((r) => `${r.status} ${r.headers.get("location")}`)).size).toBe(1);
    expect(burst[0]!.status).toBe(303);
    expect(await ordersOf(product.id)).toBe(1);
    expect((await productStock(product.id)).stock).toBe(7);
    expect((await orderRow(orderIdOf(burst[0]!)!))!.total_cents).toBe(2970);
  });

  it("a refusal comes back on the page with the reason in Chinese and what was typed; nothing is written", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 1 });
    const guest = new Client();
    const { fields, res } = await checkout(guest, `/checkout?product_id=${product.id}`, {
      quantity: "2",
      name: "李四",
      address: "北京市海淀区中关村大街1号",
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("库存不足，已被抢光了");
    expect(html).toContain('value="李四"');
    expect(html).toContain(`value="${CONTACT.phone}"`);
    expect(html).toContain(">北京市海淀区中关村大街1号</textarea>");
    expect(html).toContain('name="quantity" type="number" inputmode="numeric" min="1" max="1"');
    // nothing was placed under the key: the page sends it again
    expect(hiddenFields(html).idempotency_key).toBe(fields.idempotency_key);
    expect(await ordersOf(product.id)).toBe(0);
    expect((await productStock(product.id)).stock).toBe(1);

    const badPhone = await postCheckout(guest, { ...fields, quantity: "1", phone: "12345" });
    expect(badPhone.status).toBe(400);
    const again = await badPhone.text();
    expect(again).toContain("请检查：手机号");
    expect(again).toContain('value="12345"');
    expect(await ordersOf(product.id)).toBe(0);

    const noWalletForGuests = await postCheckout(guest, {
      ...fields,
      quantity: "1",
      use_wallet: "100",
      unit_price_cents: "9900",
    });
    expect(noWalletForGuests.status).toBe(401);
    expect(await noWalletForGuests.text()).toContain("请先登录");
    expect(await ordersOf(product.id)).toBe(0);
  });

  it("a quantity that is not a number, or over 99, is named 数量, not 商品", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 10 });
    const guest = new Client();
    const html = await (await guest.fetch(`/checkout?product_id=${product.id}`)).text();
    for (const quantity of ["abc", "500"]) {
      const res = await postCheckout(guest, { ...hiddenFields(html), ...CONTACT, quantity });
      expect(res.status, quantity).toBe(400);
      expect(/<p class="error" role="alert">([^<]*)</.exec(await res.text())?.[1], quantity).toBe("请检查：数量");
    }
    expect(await ordersOf(product.id)).toBe(0);
  });

  it("a key that placed one order, sent with another body, is refused 422 with a link to that order and the page gets a new key", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 10 });
    const guest = new Client();
    const { fields, res } = await checkout(guest, `/checkout?product_id=${product.id}`);
    expect(res.status).toBe(303);
    const id = orderIdOf(res)!;
    const changed = await postCheckout(guest, { ...fields, quantity: "2" });
    expect(changed.status).toBe(422);
    const html = await changed.text();
    expect(html).toContain("这笔订单已经提交过了");
    // a guest's 我的订单 does not list it: the page links to it
    expect(html).toContain(`<a href="/orders/${id}">查看这笔订单</a>`);
    // anyone else sending the key learns nothing of the order
    const stranger = await postCheckout(new Client(), { ...fields, quantity: "2" });
    expect(stranger.status).toBe(422);
    expect(await stranger.text()).not.toContain(`/orders/${id}`);
    const fresh = hiddenFields(html).idempotency_key!;
    expect(fresh).not.toBe(fields.idempotency_key);
    expect((await postCheckout(guest, { ...fields, quantity: "2", idempotency_key: fresh })).status).toBe(303);
    expect(await ordersOf(product.id)).toBe(2);
  });

  it("a form posted from another site is refused 403, with or without a session, and places nothing", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 10 });
    const guest = new Client();
    const { client: member } = await signUp();
    for (const client of [guest, member]) {
      const html = await (await client.fetch(`/checkout?product_id=${product.id}`)).text();
      const forged = await postCheckout(client, { ...hiddenFields(html), ...CONTACT }, "https://evil.example");
      expect(forged.status).toBe(403);
    }
    expect(await ordersOf(product.id)).toBe(0);
  });

  it("buys a finished bargain at its floor, and opens a group whose paid order lands on its page", async () => {
    const merchant = await signInMerchant();
    const { starter, bargain, product } = await completedBargain(merchant);
    const bought = await checkout(starter.client, `/checkout?bargain_id=${bargain.id}`);
    expect(bought.fields).toMatchObject({ bargain_id: bargain.id, product_id: `${product.id}` });
    expect(bought.res.status).toBe(303);
    expect((await orderRow(orderIdOf(bought.res)!))!.total_cents).toBe(1);

    const deal = await createProduct(merchant, { price_cents: 9900, group: { size: 2, price_cents: 5900 } });
    const { client: leader } = await signUp("团长");
    const opened = await checkout(leader, `/checkout?product_id=${deal.id}&group=open`);
    expect(opened.fields.open_group).toBe("1");
    const id = orderIdOf(opened.res)!;
    expect((await orderRow(id))!.total_cents).toBe(5900);
    const paid = await leader.fetch(`/orders/${id}/pay`, { headers: FORM, body: "" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toMatch(/^\/g\/[A-Za-z0-9_-]+$/);
    expect((await orderRow(id))!.status).toBe("paid");
  });

  it("in Stripe mode the form goes on to Stripe Checkout; the same form again to the same session", async () => {
    const stripeEnv = { ...env, STRIPE_SECRET_KEY: "sk_test_not_a_real_key" } as Env;
    let sessions = 0;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const url = new URL(new Request(input, init).url);
      if (url.hostname !== "api.stripe.com") throw new Error(`unexpected fetch of ${url}`);
      const id = url.pathname === "/v1/checkout/sessions" ? `cs_test_${++sessions}` : url.pathname.split("/").pop();
      return Response.json({ id, object: "checkout.session", url: `https://checkout.stripe.com/c/pay/${id}` });
    });
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 2500, stock: 3 });
    const guest = new Client(stripeEnv);
    const { fields, res } = await checkout(guest, `/checkout?product_id=${product.id}`);
    expect([res.status, res.headers.get("location")]).toEqual([303, "https://checkout.stripe.com/c/pay/cs_test_1"]);
    const again = await postCheckout(guest, fields);
    expect(again.headers.get("location")).toBe("https://checkout.stripe.com/c/pay/cs_test_1");
    expect(sessions).toBe(1);
    expect(await ordersOf(product.id)).toBe(1);
  });
});

describe("the demo pay button without JavaScript", () => {
  it("pays for the guest who placed the order, by the visitor cookie, and shows it paid; nobody else can", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 1234, stock: 5 });
    const guest = new Client();
    const id = orderIdOf((await checkout(guest, `/checkout?product_id=${product.id}`)).res)!;
    const pay = (client: Client, origin?: string) =>
      client.fetch(`/orders/${id}/pay`, { headers: FORM, body: "", origin });

    const { client: someoneElse } = await signUp();
    for (const stranger of [new Client(), someoneElse, merchant]) {
      expect((await pay(stranger)).status).toBe(404);
    }
    expect((await pay(guest, "https://evil.example")).status).toBe(403);
    expect((await orderRow(id))!.status).toBe("pending");

    const paid = await pay(guest);
    expect([paid.status, paid.headers.get("location")]).toEqual([303, `/orders/${id}`]);
    const html = await (await guest.fetch(`/orders/${id}`)).text();
    expect(html).toContain("支付成功！");
    expect(html).not.toContain("演示支付 ¥12.34");
    // sent again: paid once, the same page
    expect((await pay(guest)).headers.get("location")).toBe(`/orders/${id}`);
    expect(await count("SELECT count(*) AS n FROM orders WHERE id = ? AND status = 'paid'", id)).toBe(1);
  });

  it("pays for the signed-in buyer only, and never in Stripe mode", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 500, stock: 5 });
    const buyer = await signUp();
    const id = orderIdOf((await checkout(buyer.client, `/checkout?product_id=${product.id}`)).res)!;
    // the same browser signed out keeps its visitor cookie, but the order is the account's
    const signedOut = new Client();
    signedOut.cookies = new Map([...buyer.client.cookies].filter(([name]) => name !== "sid"));
    expect((await signedOut.fetch(`/orders/${id}/pay`, { headers: FORM, body: "" })).status).toBe(404);

    const stripeBuyer = new Client({ ...env, STRIPE_SECRET_KEY: "sk_test_not_a_real_key" } as Env);
    stripeBuyer.cookies = buyer.client.cookies;
    expect((await stripeBuyer.fetch(`/orders/${id}/pay`, { headers: FORM, body: "" })).status).toBe(409);
    expect((await orderRow(id))!.status).toBe("pending");

    const paid = await buyer.client.fetch(`/orders/${id}/pay`, { headers: FORM, body: "" });
    expect(paid.status).toBe(303);
    expect((await orderRow(id))!.status).toBe("paid");
    expect((await buyer.client.json(`/api/orders/${id}`)).body.order.status).toBe("paid");
  });
});

describe("an order paid through Stripe, without JavaScript", () => {
  const stripeEnv = { ...env, STRIPE_SECRET_KEY: "sk_test_not_a_real_key" } as Env;

  /** Stripe's API as the store calls it: the Checkout Sessions it was asked to create, each with its form. */
  function stripeSessions() {
    const created: URLSearchParams[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const req = new Request(input, init);
      const url = new URL(req.url);
      if (url.hostname !== "api.stripe.com") throw new Error(`unexpected fetch of ${url}`);
      if (url.pathname === "/v1/checkout/sessions") created.push(new URLSearchParams(await req.text()));
      const id = url.pathname === "/v1/checkout/sessions" ? `cs_test_${created.length}` : url.pathname.split("/").pop();
      return Response.json({ id, object: "checkout.session", url: `https://checkout.stripe.com/c/pay/${id}` });
    });
    return created;
  }

  it("a guest comes back from Stripe to the order's page, which goes back to the same session until it is paid", async () => {
    const created = stripeSessions();
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 2500, stock: 3 });
    const guest = new Client(stripeEnv);
    const { res } = await checkout(guest, `/checkout?product_id=${product.id}`);
    expect([res.status, res.headers.get("location")]).toEqual([303, "https://checkout.stripe.com/c/pay/cs_test_1"]);
    const id = created[0]!.get("metadata[order_id]")!;
    expect(created[0]!.get("success_url")).toBe(`${ORIGIN}/orders/${id}?paid=1`);
    expect(created[0]!.get("cancel_url")).toBe(`${ORIGIN}/orders/${id}`);

    // cancelled on Stripe: the order's page, with a way back to pay it
    const cancelled = await guest.fetch(`/orders/${id}`);
    expect(cancelled.status).toBe(200);
    const html = await cancelled.text();
    expect(html).toContain("¥25.00");
    expect(html).toContain(`<form method="post" action="/orders/${id}/stripe">`);
    expect(html).toContain("去支付 ¥25.00");
    expect(html).not.toContain("演示支付");
    const payAgain = (client: Client) => client.fetch(`/orders/${id}/stripe`, { headers: FORM, body: "" });
    const back = await payAgain(guest);
    expect([back.status, back.headers.get("location")]).toEqual([303, "https://checkout.stripe.com/c/pay/cs_test_1"]);
    expect(created).toHaveLength(1);
    expect((await payAgain(new Client(stripeEnv))).status).toBe(404);

    // paid on Stripe, before its webhook came: the page says so and offers no second payment
    const returned = await guest.fetch(`/orders/${id}?paid=1`);
    expect(returned.status).toBe(200);
    const waiting = await returned.text();
    expect(waiting).toContain("正在确认支付");
    expect(waiting).not.toContain(`/orders/${id}/stripe`);
    const event = checkoutSessionEvent(`evt_${id}`, id);
    expect((await deliverStripeEvent(event, { bindings: stripeEnv })).status).toBe(200);
    const paid = await (await guest.fetch(`/orders/${id}?paid=1`)).text();
    expect(paid).toContain("支付成功！");
    expect(paid).not.toContain("正在确认支付");
    expect((await orderRow(id))!.status).toBe("paid");
    // sent back to the session once paid: the order's page
    expect((await payAgain(guest)).headers.get("location")).toBe(`/orders/${id}`);
    // a session made before the success page moved comes back to /orders?paid=<id>: the same page
    const old = await guest.fetch(`/orders?paid=${id}`);
    expect([old.status, old.headers.get("location")]).toEqual([302, `/orders/${id}?paid=1`]);
  });
});
