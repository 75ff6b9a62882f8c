// Shared set-up for HTTP tests: a client with a cookie jar, signing up, a merchant, a product.
import { createExecutionContext, env } from "cloudflare:test";
import Stripe from "stripe";
import type { z } from "zod";
import type { dashboardResponse, leaderboardResponse, payoutResponse, settingsResponse } from "../core/contract/admin";
import type { meResponse, userResponse } from "../core/contract/auth";
import type {
  bargainDetailResponse,
  bargainListResponse,
  bargainResponse,
  helpResponse,
} from "../core/contract/bargain";
import type { checkinResponse, checkinStatusResponse } from "../core/contract/checkin";
import type { groupListResponse, groupResponse } from "../core/contract/group";
import type { DistributorStats, distributorResponse, linkResponse } from "../core/contract/links";
import type { adminOrderListResponse, createOrderResponse, orderResponse } from "../core/contract/order";
import type { pictureResponse } from "../core/contract/pictures";
import type { productListResponse, productResponse } from "../core/contract/product";
import { getDb } from "../db/client";
import { users } from "../db/schema";
import { createWorker } from "../worker/index";
import { hashPassword } from "../worker/lib/password";

export const ORIGIN = "http://store.test";

let pinnedMs: number | null = null;

/** The store's clock in tests: the real time, or the instant a test pinned. */
export const now = () => pinnedMs ?? Date.now();

/**
 * Pins the clock of the store under test; null unpins it.
 * @example setClockForTests(Date.parse("2026-11-25T15:59:59.999Z"))
 */
export function setClockForTests(epochMs: number | null): void {
  pinnedMs = epochMs;
}

/** The store under test: the real worker's handlers, over the test clock. */
export const worker = createWorker(now);

/** One request to the store, as the runtime would hand it over. */
export function storeFetch(request: Request, bindings: Env = env): Promise<Response> {
  return Promise.resolve(
    worker.fetch(request as Parameters<typeof worker.fetch>[0], bindings, createExecutionContext()),
  );
}

let phoneCounter = 0;
/** A fresh, valid mainland mobile number for each call. */
export function newPhone(): string {
  phoneCounter += 1;
  const rand = Math.floor(Math.random() * 1e4);
  return `139${String(rand).padStart(4, "0")}${String(phoneCounter).padStart(4, "0")}`;
}

/**
 * Every answer body of the contract, merged: reading a field no answer has (a typo) fails tsc.
 * Answers whose fields clash with these (the distributor's stats: `orders` is a count there) are
 * asked for by name: `json<DistributorStats>(…)`.
 */
export type Answer = {
  error: { code: string; message: string; issues: Array<{ path: string[]; message: string; code?: string }> };
} & z.infer<typeof userResponse> &
  z.infer<typeof meResponse> &
  z.infer<typeof productResponse> &
  z.infer<typeof pictureResponse> &
  z.infer<typeof productListResponse> &
  z.infer<typeof createOrderResponse> &
  z.infer<typeof orderResponse> &
  z.infer<typeof adminOrderListResponse> &
  z.infer<typeof checkinResponse> &
  z.infer<typeof checkinStatusResponse> &
  z.infer<typeof bargainResponse> &
  z.infer<typeof bargainDetailResponse> &
  z.infer<typeof bargainListResponse> &
  z.infer<typeof helpResponse> &
  z.infer<typeof distributorResponse> &
  z.infer<typeof linkResponse> &
  z.infer<typeof dashboardResponse> &
  z.infer<typeof leaderboardResponse> &
  z.infer<typeof payoutResponse> &
  z.infer<typeof settingsResponse> &
  z.infer<typeof groupResponse> &
  z.infer<typeof groupListResponse>;

/** The parts of /api/openapi.json tests read. */
export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: unknown; responses?: Record<string, unknown> }>>;
  components: { schemas: Record<string, { properties: Record<string, { pattern?: string }> }> };
};

export const openApiDocument = async () => (await new Client().json<OpenApiDocument>("/api/openapi.json")).body;

/** A distributor's funnel, as GET /api/distributor/stats answers it. */
export const distributorStatsOf = async (client: Client) =>
  (await client.json<DistributorStats>("/api/distributor/stats")).body;

type Options = { method?: string; body?: unknown; headers?: Record<string, string>; origin?: string | null };

/** A client address of the documentation ranges (RFC 5737), a new one each call. */
export function newAddress(): string {
  const n = crypto.getRandomValues(new Uint32Array(1))[0]!;
  return `198.${18 + (n & 1)}.${(n >>> 1) & 255}.${((n >>> 9) % 254) + 1}`;
}

/**
 * A browser-like client: keeps its cookies, sends the store's Origin on state changes, and comes
 * from an address of its own (`CF-Connecting-IP`, as Cloudflare sets it), like a phone on its own
 * connection; per-address limits see each client apart unless a test sends one address on purpose.
 */
export class Client {
  cookies = new Map<string, string>();
  address = newAddress();

  /**
   * @param bindings the store's bindings for this client's requests (a Stripe key, say)
   * @param send who answers its requests: the store, or the short-link Worker in front of it
   */
  constructor(
    readonly bindings: Env = env,
    readonly send: (request: Request, bindings: Env) => Promise<Response> = storeFetch,
  ) {}

  async fetch(path: string, opts: Options = {}): Promise<Response> {
    const method = opts.method ?? (opts.body === undefined ? "GET" : "POST");
    const headers: Record<string, string> = { "cf-connecting-ip": this.address, ...opts.headers };
    const form = opts.body instanceof FormData;
    // a FormData body sets its own multipart content type, boundary and all
    if (opts.body !== undefined && !form) headers["content-type"] ??= "application/json";
    if (method !== "GET" && opts.origin !== null) headers.origin = opts.origin ?? ORIGIN;
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await this.send(
      new Request(`${ORIGIN}${path}`, {
        method,
        headers,
        body:
          opts.body === undefined || form || typeof opts.body === "string"
            ? (opts.body as BodyInit | undefined)
            : JSON.stringify(opts.body),
        redirect: "manual",
      }),
      this.bindings,
    );
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** @returns the answer, its body typed as any answer of the contract unless `T` says which. */
  async json<T = Answer>(path: string, opts: Options = {}): Promise<{ status: number; body: T; res: Response }> {
    const res = await this.fetch(path, opts);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, res };
  }
}

export async function signUp(nickname?: string): Promise<{ client: Client; phone: string; userId: number }> {
  const client = new Client();
  const phone = newPhone();
  const { status, body } = await client.json("/api/auth/signup", {
    body: { phone, password: "correct-horse", nickname },
  });
  if (status !== 201) throw new Error(`signup failed: ${status} ${JSON.stringify(body)}`);
  return { client, phone, userId: body.user.id };
}

/** The password of every merchant account the tests write. */
export const MERCHANT_PASSWORD = "merchant-pass";

/** A merchant account written straight to D1 (no sign-up makes one). @returns its phone */
export async function createMerchant(): Promise<string> {
  const phone = newPhone();
  await getDb(env.DB)
    .insert(users)
    .values({
      phone,
      passwordHash: await hashPassword(MERCHANT_PASSWORD),
      nickname: "店主",
      role: "admin",
      createdAt: Date.now(),
    });
  return phone;
}

/** A merchant account written straight to D1, then signed in through the API. */
export async function signInMerchant(): Promise<Client> {
  const phone = await createMerchant();
  const client = new Client();
  const { status } = await client.json("/api/auth/login", { body: { phone, password: MERCHANT_PASSWORD } });
  if (status !== 200) throw new Error(`merchant login failed: ${status}`);
  return client;
}

export async function createProduct(merchant: Client, fields: Record<string, unknown> = {}) {
  const { status, body } = await merchant.json("/api/admin/products", {
    body: { title: "测试商品", price_cents: 9900, stock: 10, ...fields },
  });
  if (status !== 201) throw new Error(`create product failed: ${status} ${JSON.stringify(body)}`);
  return body.product;
}

/** A picture from tests/fixtures/ (made by scripts/make-picture-fixtures.mjs). */
export function fixture(name: string): Uint8Array<ArrayBuffer> {
  const base64 = env.FIXTURES[name];
  if (!base64) throw new Error(`no fixture ${name}`);
  return Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
}

/** POST /api/admin/pictures with one file, named and typed as a browser would send it. */
export function uploadPicture(client: Client, bytes: Uint8Array<ArrayBuffer>, name = "photo.jpg", type = "image/jpeg") {
  const form = new FormData();
  form.append("file", new File([bytes], name, { type }));
  return client.json("/api/admin/pictures", { body: form });
}

export const CONTACT = { name: "张三", phone: "13912345678", address: "上海市浦东新区世纪大道100号" };

/** Places an order for one product; the key defaults to a fresh one. */
export async function placeOrder(
  client: Client,
  productId: number,
  opts: { quantity?: number; key?: string; wallet_cents?: number; bargain_id?: string } = {},
) {
  const { quantity = 1, key = crypto.randomUUID(), ...rest } = opts;
  return client.json("/api/orders", {
    body: { items: [{ product_id: productId, quantity }], contact: CONTACT, ...rest },
    headers: { "idempotency-key": key },
  });
}

/** Credits a user's wallet straight in the ledger. */
export async function creditWallet(userId: number, cents: number) {
  await env.DB.prepare("INSERT INTO wallet_ledger (user_id, amount_cents, kind, created_at) VALUES (?, ?, 'adjust', ?)")
    .bind(userId, cents, Date.now())
    .run();
}

export async function productStock(id: number): Promise<{ stock: number; flash_stock: number | null }> {
  return (await env.DB.prepare("SELECT stock, flash_stock FROM products WHERE id = ?").bind(id).first())!;
}

/** A bargain as the API shows it. */
export type Bargain = {
  id: string;
  product_id: number;
  status: "active" | "complete" | "expired" | "purchased";
  price_cents: number;
  floor_cents: number;
  current_cents: number;
  helpers_needed: number;
  helper_count: number;
  expires_at: string;
  share_url: string;
};

/** Signs up `n` users at once, nicknamed `<prefix>1…n`. */
export function signUpMany(n: number, prefix = "好友") {
  return Promise.all(Array.from({ length: n }, (_, i) => signUp(`${prefix}${i + 1}`)));
}

/** Starts the client's bargain on a product, or reopens their live one. */
export function startBargain(client: Client, productId: number) {
  return client.json<{ bargain: Bargain }>("/api/bargains", { body: { product_id: productId } });
}

/** One friend's tap on "帮砍一刀". */
export function helpBargain(client: Client, bargainId: string) {
  return client.json<{ cut_cents: number; bargain: Bargain }>(`/api/bargains/${bargainId}/help`, { method: "POST" });
}

/** A fresh product that allows bargains (¥99.00 down to ¥0.01 by 3 helpers unless told), and a starter's bargain on it. */
export async function startedBargain(merchant: Client, fields: Record<string, unknown> = {}) {
  const product = await createProduct(merchant, {
    price_cents: 9900,
    bargain: { floor_cents: 1, helpers: 3 },
    ...fields,
  });
  const starter = await signUp("发起人");
  const { status, body } = await startBargain(starter.client, product.id);
  if (status !== 201) throw new Error(`start bargain failed: ${status} ${JSON.stringify(body)}`);
  return { product, starter, bargain: body.bargain };
}

/** A bargain every helper has cut down to the floor, ready to buy. */
export async function completedBargain(merchant: Client, fields: Record<string, unknown> = {}) {
  const started = await startedBargain(merchant, { bargain: { floor_cents: 1, helpers: 2 }, ...fields });
  for (const friend of await signUpMany(started.bargain.helpers_needed)) {
    const { status } = await helpBargain(friend.client, started.bargain.id);
    if (status !== 200) throw new Error(`help failed: ${status}`);
  }
  return started;
}

/** A new distributor (recruited by `inviteCode`'s owner, if given) with a share link to the product. */
export async function distributorWithLink(productId: number, nickname?: string, inviteCode?: string) {
  const who = await signUp(nickname);
  const joined = await who.client.json("/api/distributor", { body: inviteCode ? { invite_code: inviteCode } : {} });
  const { body } = await who.client.json("/api/links", { body: { product_id: productId } });
  return { ...who, code: joined.body.distributor.code as string, link: body.link.code as string };
}

const visitsTo = async (link: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM visits WHERE link_code = ?").bind(link).first<{ n: number }>())!.n;

/** A shopper's tap on a share link from a chat app; waits for the visit row, written after the redirect. */
export async function clickShareLink(shopper: Client, link: string) {
  const before = await visitsTo(link);
  const res = await shopper.fetch(`/s/${link}`, {
    headers: { "user-agent": "Mozilla/5.0 (iPhone) MicroMessenger/8.0" },
  });
  if (res.status !== 302) throw new Error(`click failed: ${res.status}`);
  for (let tries = 0; (await visitsTo(link)) === before; tries++) {
    if (tries > 100) throw new Error("the visit was never recorded");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Places an order for the product and pays it (demo payment). @returns the order id */
export async function paidOrder(client: Client, productId: number, quantity = 1): Promise<string> {
  const { status, body } = await placeOrder(client, productId, { quantity });
  if (status !== 201) throw new Error(`order failed: ${status} ${JSON.stringify(body)}`);
  const paid = await client.json(`/api/orders/${body.order.id}/pay`, { method: "POST" });
  if (paid.status !== 200) throw new Error(`pay failed: ${paid.status}`);
  return body.order.id;
}

/** The `n` a counting query answers, e.g. `count("SELECT count(*) AS n FROM orders WHERE id = ?", id)`. */
export async function count(sql: string, ...args: unknown[]): Promise<number> {
  return (await env.DB.prepare(sql)
    .bind(...args)
    .first<{ n: number }>())!.n;
}

/**
 * A Checkout Session event as Stripe sends it for an order: completed and paid unless told otherwise;
 * with `paymentIntent`, the PaymentIntent a refund will name.
 */
export const checkoutSessionEvent = (
  eventId: string,
  orderId: string,
  opts: { type?: string; paymentStatus?: string; paymentIntent?: string } = {},
) => ({
  id: eventId,
  object: "event",
  type: opts.type ?? "checkout.session.completed",
  data: {
    object: {
      id: `cs_${eventId}`,
      object: "checkout.session",
      metadata: { order_id: orderId },
      payment_status: opts.paymentStatus ?? "paid",
      ...(opts.paymentIntent ? { payment_intent: opts.paymentIntent } : {}),
    },
  },
});

/** The webhook secret vitest.config.ts binds. */
export const STRIPE_WEBHOOK_SECRET = "whsec_test_secret";

/** Delivers a Stripe event to the webhook, signed as Stripe signs it (with `secret`), to a store over `bindings`. */
export async function deliverStripeEvent(event: object, opts: { secret?: string; bindings?: Env } = {}) {
  const payload = JSON.stringify(event);
  const signature = await Stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret: opts.secret ?? STRIPE_WEBHOOK_SECRET,
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
  });
  return new Client(opts.bindings).json("/api/stripe/webhook", {
    body: payload,
    headers: { "stripe-signature": signature },
  });
}
