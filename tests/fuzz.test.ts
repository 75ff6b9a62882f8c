// Fuzzing: thousands of generated requests to every JSON endpoint, as a shopper, a merchant and a
// stranger. Whatever comes in, the store never answers 5xx, every refusal is API.md's error shape, and
// every answer keeps the OpenAPI document's word (a declared status, a body its schema accepts).
import { env } from "cloudflare:test";
import fc from "fast-check";
import { serializeSigned } from "hono/utils/cookie";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "../db/client";
import { createSession } from "../db/sessions";
import { SESSION_COOKIE } from "../worker/middleware/session";
import {
  CONTACT,
  Client,
  ORIGIN,
  createProduct,
  placeOrder,
  productStock,
  signInMerchant,
  signUp,
  startBargain,
  storeFetch,
} from "./helpers";
import { conformanceChecker, type Document } from "./openapi-conformance";

const WEBHOOK_SECRET = "whsec_test_secret"; // the test binding in vitest.config.ts
/** Runs per endpoint; every run is one request (a few are two). */
const RUNS = 90;
const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

type Actor = "shopper" | "merchant" | "stranger";
type Operation = { method: string; path: string; hasBody: boolean };
type FuzzRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The actor's session is thrown away by the request (logout): use a fresh one. */
  freshSession?: boolean;
  /** A stranger's forged or garbled cookies. */
  forgedCookie?: string;
};

const fixtures = {
  cookies: {} as Record<Actor, string>,
  userIds: {} as Record<Exclude<Actor, "stranger">, number>,
  productIds: [] as number[],
  orderIds: [] as string[],
  bargainIds: [] as string[],
  groupIds: [] as string[],
  shareCodes: [] as string[],
};
let requestsSent = 0;
const statusCounts = new Map<number, number>();

async function sessionCookie(userId: number): Promise<string> {
  const id = await createSession(getDb(env.DB), userId, Date.now());
  return (await serializeSigned(SESSION_COOKIE, id, env.SESSION_SECRET)).split(";")[0]!;
}

beforeAll(async () => {
  const merchant = await signInMerchant();
  const shopper = await signUp("模糊测试");
  const starter = await signUp("砍价发起人");
  const product = await createProduct(merchant, {
    price_cents: 9900,
    stock: 1000,
    bargain: { floor_cents: 1, helpers: 5 },
  });
  const plain = await createProduct(merchant, {
    price_cents: 100,
    stock: 1000,
    group: { size: 10, price_cents: 50, per_user_limit: 99 },
  });
  // enough products for the largest order the contract allows (20 lines)
  const more = [];
  for (let n = 0; n < 19; n++) more.push(await createProduct(merchant, { price_cents: 100 + n, stock: 1000 }));
  const order = await placeOrder(shopper.client, plain.id);
  const bargain = await startBargain(starter.client, product.id);
  const opened = await starter.client.json("/api/orders", {
    body: { items: [{ product_id: plain.id, quantity: 1 }], contact: CONTACT, open_group: true },
  });
  await starter.client.json(`/api/orders/${opened.body.order.id}/pay`, { method: "POST" });
  const link = await starter.client.json("/api/links", { body: { product_id: product.id } });
  const me = await merchant.json("/api/me");
  fixtures.userIds = { shopper: shopper.userId, merchant: me.body.user.id };
  fixtures.cookies = {
    shopper: await sessionCookie(shopper.userId),
    merchant: await sessionCookie(me.body.user.id),
    stranger: "",
  };
  fixtures.productIds = [product.id, plain.id, ...more.map((p) => p.id)];
  fixtures.orderIds = [order.body.order.id];
  fixtures.bargainIds = [bargain.body.bargain.id];
  fixtures.groupIds = [opened.body.group!.id];
  fixtures.shareCodes = [link.body.link.code];
});

afterAll(() => {
  const statuses = [...statusCounts]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(" ");
  console.log(`fuzz: ${requestsSent} requests; statuses ${statuses}`);
  const { checked, failures } = conformance.tally;
  console.log(`fuzz conformance: ${checked} answers checked against the OpenAPI document, ${failures.length} failures`);
});

// ---- what a request is made of ---------------------------------------------------------------

const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "\ud800",
  "\u202e1380000000",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  "１３８００００００００",
  "13800000000 ",
  "😀".repeat(50),
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "__proto__",
  "constructor",
  "x".repeat(5_000),
];

const NASTY_NUMBERS = [
  -1,
  0,
  -0,
  0.5,
  1.5,
  -0.0001,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  2 ** 64,
  1e21,
  Number.MIN_VALUE,
  99,
  100,
  100_000_001,
];

/** Any JSON value, weighted toward the shapes that break parsers and validators. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.constantFrom(...NASTY_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(null, true, false, [], {}, [null], { "": null }),
);

const phone = fc.stringMatching(/^1[3-9]\d{9}$/);
const password = fc.string({ minLength: 8, maxLength: 24 });
const isoTime = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const productId = () => fc.oneof(fc.constantFrom(...fixtures.productIds), fc.integer({ min: 1, max: 50 }));

const productFields = () => ({
  title: fc.string({ minLength: 1, maxLength: 20 }),
  price_cents: fc.integer({ min: 1, max: 100_000 }),
  stock: fc.integer({ min: 0, max: 1000 }),
  slug: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}[a-z0-9]$/),
  description: fc.string({ maxLength: 40 }),
  image_url: fc.constantFrom("", "/img/tea.svg", "https://example.com/a.png"),
  commission_bp: fc.integer({ min: 0, max: 10_000 }),
  commission_l2_bp: fc.integer({ min: 0, max: 3000 }),
  bargain: fc.option(
    fc.record({ floor_cents: fc.integer({ min: 0, max: 50 }), helpers: fc.integer({ min: 1, max: 100 }) }),
  ),
  flash_sale: fc.option(
    fc.record({
      price_cents: fc.integer({ min: 0, max: 500 }),
      starts_at: isoTime,
      ends_at: isoTime,
      stock: fc.integer({ min: 0, max: 50 }),
    }),
  ),
  active: fc.boolean(),
});

/** Bodies that pass validation, or nearly: the fuzzer mutates them one field at a time. */
function validBody(op: Operation): fc.Arbitrary<unknown> | null {
  switch (`${op.method} ${op.path}`) {
    case "POST /api/auth/signup":
      return fc.record(
        { phone, password, nickname: fc.string({ minLength: 1, maxLength: 30 }) },
        { requiredKeys: ["phone", "password"] },
      );
    case "POST /api/auth/login":
      return fc.record({ phone, password });
    case "POST /api/admin/products":
      return fc.record(productFields(), { requiredKeys: ["title", "price_cents", "stock"] });
    case "PATCH /api/admin/products/{id}":
      return fc.record(productFields(), { requiredKeys: [] });
    case "POST /api/orders":
      return fc.record(
        {
          items: fc.uniqueArray(fc.record({ product_id: productId(), quantity: fc.integer({ min: 1, max: 99 }) }), {
            minLength: 1,
            maxLength: 21,
            selector: (item) => item.product_id,
          }),
          contact: fc.record({
            name: fc.constantFrom(CONTACT.name, "李四"),
            phone,
            address: fc.constantFrom(CONTACT.address, "北京市朝阳区建国路88号"),
          }),
          wallet_cents: fc.integer({ min: 0, max: 1000 }),
          bargain_id: fc.oneof(fc.constantFrom(...fixtures.bargainIds), fc.string({ minLength: 1, maxLength: 40 })),
          open_group: fc.boolean(),
          group_id: fc.oneof(fc.constantFrom(...fixtures.groupIds), fc.string({ minLength: 1, maxLength: 40 })),
        },
        { requiredKeys: ["items", "contact"] },
      );
    case "POST /api/distributor":
      return fc.record(
        {
          invite_code: fc.oneof(
            fc.constantFrom(...fixtures.shareCodes),
            fc.stringMatching(/^[2-9A-HJ-NP-Za-km-z]{8}$/),
          ),
        },
        { requiredKeys: [] },
      );
    case "POST /api/links":
      return fc.record({ product_id: fc.oneof(productId(), fc.constant(null)) }, { requiredKeys: [] });
    case "POST /api/bargains":
      return fc.record({ product_id: productId() });
    case "PATCH /api/admin/settings":
      return fc.record(
        {
          time_zone: fc.constantFrom("Asia/Shanghai", "UTC", "Pacific/Kiritimati", "America/St_Johns", "Mars/Olympus"),
          attribution_window_days: fc.integer({ min: 1, max: 90 }),
          commission_bp: fc.integer({ min: 0, max: 10_000 }),
          commission_l2_bp: fc.integer({ min: 0, max: 3000 }),
          checkin_schedule_cents: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 31 }),
          bargain_helps_per_day: fc.integer({ min: 1, max: 100 }),
          order_hold_minutes: fc.integer({ min: 1, max: 1440 }),
        },
        { requiredKeys: [] },
      );
    default:
      return null;
  }
}

type Path = Array<string | number>;

function leafPaths(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => leafPaths(v, [...at, k]))];
}

function setAt(root: unknown, path: Path, replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

/** A valid body with one value replaced or removed, or an extra field, or left alone. */
function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), fc.constantFrom("keep", "replace", "remove", "extra"), nasty, fc.string({ maxLength: 12 }))
    .map(([body, pick, how, value, key]) => {
      if (how === "keep") return body;
      if (how === "extra")
        return body && typeof body === "object" && !Array.isArray(body) ? { ...body, [key]: value } : body;
      const paths = leafPaths(body).filter((p) => p.length > 0);
      if (paths.length === 0) return value;
      return setAt(body, paths[pick % paths.length]!, value, how === "remove");
    });
}

/** Valid JSON that is deep or large enough to strain a parser or a validator. */
const STRAINING_JSON = [
  `${"[".repeat(20_000)}${"]".repeat(20_000)}`,
  `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`,
  JSON.stringify({ items: Array.from({ length: 5_000 }, () => ({ product_id: 1, quantity: 1 })) }),
  JSON.stringify({ title: "x".repeat(1_000_000), price_cents: 1, stock: 1 }),
];

const MALFORMED_JSON = [
  "{",
  "}",
  "[1,2",
  '{"items": [}',
  "nul",
  "'{}'",
  "{'a':1}",
  '{"a":1,}',
  "\u0000",
  "\ufeff{}",
  "NaN",
  '{"a":"\\ud800"}',
  "1".repeat(400),
];

function bodyText(op: Operation): fc.Arbitrary<string | undefined> {
  const valid = validBody(op);
  const json = fc.oneof(
    { weight: valid ? 6 : 1, arbitrary: valid ? mutated(valid) : nasty },
    { weight: 2, arbitrary: nasty },
  );
  return fc.oneof(
    { weight: 8, arbitrary: json.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_JSON) },
    { weight: 1, arbitrary: fc.constantFrom(...STRAINING_JSON) },
    { weight: 1, arbitrary: fc.tuple(json, fc.nat()).map(([v, n]) => (JSON.stringify(v) ?? "").slice(0, n % 40)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----fuzz",
  "application/xml",
  "application/json; charset=utf-16",
  "APPLICATION/JSON",
  "application/json;;",
  "*/*",
];
const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant("application/json") },
  { weight: 2, arbitrary: fc.constantFrom<string | undefined>(undefined, ...CONTENT_TYPES) },
);

const ODD_SEGMENTS = [
  "..",
  "../",
  "..%2F",
  "%2e%2e",
  "%00",
  "%",
  "%zz",
  "%C0%AF",
  "%ff",
  "%F0%9F%98%80",
  "0",
  "-1",
  "1.5",
  "1e3",
  "1e309",
  "0x1f",
  "9007199254740993",
  "99999999999999999999999",
  "%201",
  "NaN",
  "null",
  "%3Cscript%3E",
  "'%20OR%201=1",
  "a%2Fb",
  ";",
  "~",
];

function segment(op: Operation): fc.Arbitrary<string> {
  const valid: string[] = op.path.startsWith("/api/bargains")
    ? fixtures.bargainIds
    : op.path.startsWith("/api/groups")
      ? fixtures.groupIds
      : op.path.includes("/orders/")
        ? fixtures.orderIds
        : fixtures.productIds.map(String);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...valid) },
    { weight: 3, arbitrary: fc.constantFrom(...ODD_SEGMENTS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.integer({ min: 41, max: 10_000 }).map((n) => "A".repeat(n)) },
  );
}

const query = fc.oneof(
  { weight: 4, arbitrary: fc.constant("") },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "?status=paid",
      "?status=nope",
      "?status=",
      "?status=paid&status=shipped",
      "?status[]=1",
      "?%zz=1",
      "?status=%00",
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }))
      .map((d) => `?${new URLSearchParams(d)}`),
  },
);

/** Header values a browser could send: printable ASCII, no line breaks. */
const headerValue = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 300,
});

const idempotencyKey = fc.oneof(
  fc.constant(undefined),
  fc.uuid(),
  headerValue,
  fc.constantFrom("", "k", "x".repeat(201)),
);

/** Mostly the store's own origin, so the origin rule does not mask what lies behind it. */
const origin = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string | undefined>(ORIGIN) },
  { weight: 1, arbitrary: fc.constantFrom<string | undefined>(undefined, "https://evil.example", "null") },
);

const actor = fc.constantFrom<Actor>("shopper", "merchant", "stranger");

/** Cookies a stranger could send: forged sessions, tampered attribution, broken encodings. */
const forgedCookie = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "sid=forged",
      "sid=abc.def",
      "sid=%E0%A4%A",
      "sid=.",
      `sid=${"A".repeat(4000)}`,
      "sid=a; sid=b",
      "sid",
      "ref=XXXXXXXX~1.bm90LWEtc2ln",
      "ref=%ZZ",
      "vid=../../etc/passwd",
      "vid=%00",
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom("sid", "ref", "vid"),
        headerValue.filter((v) => !/[;,]/.test(v)),
      )
      .map(([name, value]) => `${name}=${value}`),
  },
);

function request(op: Operation): fc.Arbitrary<{ actor: Actor; req: FuzzRequest }> {
  return fc
    .record({
      actor,
      segment: segment(op),
      query,
      body: op.hasBody || op.method !== "GET" ? bodyText(op) : fc.constant(undefined),
      contentType,
      idempotencyKey,
      origin,
      forgedCookie,
    })
    .map((g) => {
      const headers: Record<string, string> = {};
      if (g.body !== undefined && g.contentType !== undefined) headers["content-type"] = g.contentType;
      if (op.method !== "GET" && g.origin !== undefined) headers.origin = g.origin;
      if (op.method === "POST" && g.idempotencyKey !== undefined) headers["idempotency-key"] = g.idempotencyKey;
      const path = op.path.replace(/\{[^}]+\}/g, g.segment) + (op.method === "GET" ? g.query : "");
      return {
        actor: g.actor,
        req: {
          method: op.method,
          path,
          headers,
          body: g.body,
          freshSession: op.path === "/api/auth/logout",
          forgedCookie: g.forgedCookie,
        },
      };
    });
}

// ---- sending and judging --------------------------------------------------------------------

async function send(
  who: Actor,
  req: FuzzRequest,
): Promise<{ status: number; text: string; contentType: string | null }> {
  const headers = { ...req.headers };
  const cookie =
    who === "stranger"
      ? (req.forgedCookie ?? "")
      : req.freshSession
        ? await sessionCookie(fixtures.userIds[who])
        : fixtures.cookies[who];
  if (cookie) headers.cookie = cookie;
  const res = await storeFetch(
    new Request(`${ORIGIN}${req.path}`, { method: req.method, headers, body: req.body, redirect: "manual" }),
  );
  requestsSent += 1;
  statusCounts.set(res.status, (statusCounts.get(res.status) ?? 0) + 1);
  return { status: res.status, text: await res.text(), contentType: res.headers.get("content-type") };
}

/** @returns what is wrong with the answer, or null when it keeps the contract. */
function contractBreach(
  { status, text, contentType }: { status: number; text: string; contentType: string | null },
  opts: { allow400?: string[] } = {},
): string | null {
  if (status >= 500) return `answered ${status}: ${text.slice(0, 300)}`;
  if (status < 400) return null;
  if (!contentType?.startsWith("application/json")) return `a ${status} served as ${contentType}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `a ${status} whose body is not JSON: ${text.slice(0, 200)}`;
  }
  const parsed = errorShape.safeParse(body);
  if (!parsed.success) return `a ${status} not in the error shape: ${text.slice(0, 300)}`;
  const { code, issues } = parsed.data.error;
  if (!SNAKE_CASE.test(code)) return `error code ${JSON.stringify(code)} is not snake_case`;
  if (status === 400 && !(opts.allow400 ?? []).includes(code) && (code !== "invalid_input" || !issues)) {
    return `a 400 that is not invalid_input with issues: ${text.slice(0, 300)}`;
  }
  return null;
}

const errorShape = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), issues: z.array(z.unknown()).optional() }).strict(),
  })
  .strict();

function describeRequest(who: Actor, req: FuzzRequest): string {
  const cookie = req.forgedCookie ? ` cookie=${JSON.stringify(req.forgedCookie.slice(0, 100))}` : "";
  return `${who} ${req.method} ${req.path.slice(0, 200)} ${JSON.stringify(req.headers).slice(0, 200)}${cookie} body=${JSON.stringify(req.body?.slice(0, 300))}`;
}

// ---- the endpoints --------------------------------------------------------------------------

/** The endpoints API.md names; the OpenAPI document may hold more, and those are fuzzed too. */
const CONTRACT = [
  "POST /api/auth/signup",
  "POST /api/auth/login",
  "POST /api/auth/logout",
  "GET /api/me",
  "GET /api/products",
  "GET /api/products/{id}",
  "GET /api/admin/products",
  "POST /api/admin/products",
  "PATCH /api/admin/products/{id}",
  "POST /api/orders",
  "GET /api/orders",
  "GET /api/orders/{id}",
  "POST /api/orders/{id}/pay",
  "GET /api/admin/orders",
  "POST /api/admin/orders/{id}/ship",
  "POST /api/admin/orders/{id}/complete",
  "POST /api/admin/orders/{id}/refund",
  "POST /api/distributor",
  "POST /api/links",
  "GET /api/distributor/stats",
  "GET /api/checkin",
  "POST /api/checkin",
  "POST /api/bargains",
  "GET /api/bargains",
  "GET /api/bargains/{id}",
  "POST /api/bargains/{id}/help",
];

const doc = (await (await storeFetch(new Request(`${ORIGIN}/api/openapi.json`))).json()) as Document & {
  paths: Record<string, Record<string, { requestBody?: unknown }>>;
};
const conformance = conformanceChecker(doc);
const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, spec]) => ({
    method: method.toUpperCase(),
    path: `/api${path.startsWith("/api/") ? path.slice(4) : path}`,
    hasBody: spec.requestBody !== undefined,
  })),
);

const templateRe = (template: string) => new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);

/**
 * The operation a request reaches once its URL is normalised: a segment like ".." can turn
 * /api/products/{id}/groups into /api/groups, another operation, whose word is the one to keep.
 */
function reachedOperation(method: string, path: string): Operation | undefined {
  const pathname = new URL(`${ORIGIN}${path}`).pathname;
  const candidates = operations.filter((op) => op.method === method && templateRe(op.path).test(pathname));
  // a literal route wins over a parameter: /api/orders/pay before /api/orders/{id}
  return candidates.sort((a, b) => a.path.split("{").length - b.path.split("{").length)[0];
}

describe("fuzzing every JSON endpoint", () => {
  it("the OpenAPI document lists every endpoint of the contract", () => {
    const listed = operations.map((op) => `${op.method} ${op.path}`);
    expect(listed).toEqual(expect.arrayContaining(CONTRACT));
  });

  it.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))(
    "%s never answers 5xx, refuses bad input in the contract's error shape, and keeps the document's word",
    async (_name, op) => {
      await fc.assert(
        fc.asyncProperty(request(op), async ({ actor: who, req }) => {
          const answer = await send(who, req);
          const reached = reachedOperation(op.method, req.path);
          const breach =
            contractBreach(answer) ?? (reached ? conformance.check(reached.method, reached.path, answer) : null);
          if (breach) throw new Error(`${breach}\n  request: ${describeRequest(who, req)}`);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it("any method on any API path, and unknown paths, answer in the error shape", async () => {
    const paths = fc.oneof(
      fc.constantFrom(...operations.map((op) => op.path)),
      fc.constantFrom("/api/", "/api/nope", "/api/orders/x/y/z", "/api/../api/me", "/api/%00", "/api/stripe/webhook"),
    );
    const arb = fc.record({
      actor,
      method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"),
      at: fc.tuple(paths, fc.constantFrom(...ODD_SEGMENTS, "1")).map(([template, s]) => ({
        template,
        path: template.replace(/\{[^}]+\}/g, s),
      })),
      body: fc.option(
        fc.jsonValue().map((v) => JSON.stringify(v)),
        { nil: undefined },
      ),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ actor: who, method, at: { template, path }, body }) => {
        const req: FuzzRequest = {
          method,
          path,
          headers: { origin: ORIGIN, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
          body: method === "GET" ? undefined : body,
          freshSession: path === "/api/auth/logout",
        };
        // a 400 here can be the webhook's bad_signature (below)
        const answer = await send(who, req);
        const documented = doc.paths[template]?.[method.toLowerCase()] !== undefined;
        const breach =
          contractBreach(answer, { allow400: ["bad_signature"] }) ??
          (documented ? conformance.check(method, template, answer) : null);
        if (breach) throw new Error(`${breach}\n  request: ${describeRequest(who, req)}`);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe("fuzzing the Stripe webhook", () => {
  const sign = (payload: string, secret = WEBHOOK_SECRET) =>
    Stripe.webhooks.generateTestHeaderStringAsync({
      payload,
      secret,
      cryptoProvider: Stripe.createSubtleCryptoProvider(),
    });

  const event = () =>
    fc.record(
      {
        id: fc.oneof(fc.stringMatching(/^evt_[A-Za-z0-9]{8}$/), nasty),
        object: fc.constant("event"),
        type: fc.oneof(
          fc.constantFrom("checkout.session.completed", "checkout.session.async_payment_succeeded", "charge.refunded"),
          nasty,
        ),
        data: fc.oneof(
          fc.record({
            object: fc.record(
              {
                metadata: fc.oneof(
                  fc.record({ order_id: fc.oneof(fc.constantFrom(...fixtures.orderIds), nasty) }),
                  nasty,
                ),
                payment_status: fc.oneof(fc.constantFrom("paid", "unpaid"), nasty),
              },
              { requiredKeys: [] },
            ),
          }),
          nasty,
        ),
      },
      { requiredKeys: [] },
    );

  /** Only Stripe can sign, but a signed event still must not crash the store, whatever it holds. */
  it("signed events of any shape never answer 5xx", async () => {
    const payload = fc.oneof(
      { weight: 4, arbitrary: mutated(event()).map((e) => JSON.stringify(e) ?? "") },
      // a leading BOM is dropped when the body is read as text, so its signature could not match
      { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_JSON.filter((text) => !text.startsWith("\ufeff"))) },
    );
    await fc.assert(
      fc.asyncProperty(payload, actor, async (text, who) => {
        const req: FuzzRequest = {
          method: "POST",
          path: "/api/stripe/webhook",
          headers: { "content-type": "application/json", origin: ORIGIN, "stripe-signature": await sign(text) },
          body: text,
        };
        const breach = contractBreach(await send(who, req));
        if (breach) throw new Error(`${breach}\n  request: ${describeRequest(who, req)}`);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("unsigned, forged or garbled deliveries answer 400 bad_signature", async () => {
    const arb = fc.record({
      body: fc.oneof(
        event().map((e) => JSON.stringify(e) ?? ""),
        fc.string(),
      ),
      signature: fc.oneof(
        fc.constant(undefined),
        headerValue,
        fc.constantFrom("t=1,v1=abc", "t=,v1=", "v1=" + "0".repeat(64), "t=99999999999,v1=" + "f".repeat(64)),
      ),
      forged: fc.boolean(),
      who: actor,
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ body, signature, forged, who }) => {
        const headers: Record<string, string> = { "content-type": "application/json", origin: ORIGIN };
        const sig = forged ? await sign(body, "whsec_someone_else") : signature;
        if (sig !== undefined) headers["stripe-signature"] = sig;
        const req: FuzzRequest = { method: "POST", path: "/api/stripe/webhook", headers, body };
        const answer = await send(who, req);
        const breach = contractBreach(answer, { allow400: ["bad_signature"] });
        if (breach) throw new Error(`${breach}\n  request: ${describeRequest(who, req)}`);
        expect(answer.status, describeRequest(who, req)).toBe(400);
        expect(JSON.parse(answer.text).error.code).toBe("bad_signature");
      }),
      { numRuns: RUNS },
    );
  });
});

describe("regressions found while fuzzing", () => {
  it("an order of 20 different products, the most the contract allows, is placed (was a 500)", async () => {
    const merchant = await signInMerchant();
    const products = [];
    for (let n = 0; n < 20; n++) products.push(await createProduct(merchant, { price_cents: 100, stock: 5 }));
    const guest = new Client();
    const { status, body } = await guest.json("/api/orders", {
      body: { items: products.map((p) => ({ product_id: p.id, quantity: 1 })), contact: CONTACT },
    });
    expect(status).toBe(201);
    expect(body.order.items).toHaveLength(20);
    expect(body.order.subtotal_cents).toBe(2000);
    expect((await productStock(products[19]!.id)).stock).toBe(4);
  });

  it("the merchant's order list answers with more than 100 orders on file (was a 500)", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 100, stock: 5 });
    const at = Date.now();
    const statements = Array.from({ length: 130 }, (_, n) => [
      env.DB.prepare(
        `INSERT INTO orders (id, status, subtotal_cents, total_cents, contact_name, contact_phone, contact_address,
           payment_provider, hold_until, created_at) VALUES (?, 'paid', 100, 100, '张三', '13912345678', '上海市浦东新区', 'demo', ?, ?)`,
      ).bind(`MANY${n}`, at, at + n),
      env.DB.prepare(
        "INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) VALUES (?, ?, 1, 100)",
      ).bind(`MANY${n}`, product.id),
    ]).flat();
    await env.DB.batch(statements);
    const { status, body } = await merchant.json("/api/admin/orders?status=paid");
    expect(status).toBe(200);
    expect(body.orders.length).toBeGreaterThan(100);
    expect(body.orders.find((o) => o.id === "MANY0")?.items).toEqual([
      { product_id: product.id, quantity: 1, unit_price_cents: 100 },
    ]);
  });

  const deliverSigned = async (payload: string) => {
    const signature = await Stripe.webhooks.generateTestHeaderStringAsync({
      payload,
      secret: WEBHOOK_SECRET,
      cryptoProvider: Stripe.createSubtleCryptoProvider(),
    });
    const res = await storeFetch(
      new Request(`${ORIGIN}/api/stripe/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signature },
        body: payload,
      }),
    );
    return { status: res.status, body: (await res.json()) as { error?: { code: string; issues?: unknown[] } } };
  };

  it("a signed event without an id or type is 400 invalid_input, not a 500", async () => {
    for (const payload of ["{}", "null", "5", '"evt"', '{"id":"evt_1"}', '{"id":{},"type":"x","data":{"object":{}}}']) {
      const { status, body } = await deliverSigned(payload);
      expect(status, payload).toBe(400);
      expect(body.error?.code, payload).toBe("invalid_input");
      expect(body.error?.issues, payload).toBeInstanceOf(Array);
    }
  });

  it("a signed checkout event whose metadata is not strings is 400 invalid_input, not a 500", async () => {
    const payload = JSON.stringify({
      id: "evt_bad_metadata",
      type: "checkout.session.completed",
      data: { object: { metadata: { order_id: { nested: true } }, payment_status: "paid" } },
    });
    const { status, body } = await deliverSigned(payload);
    expect(status).toBe(400);
    expect(body.error?.code).toBe("invalid_input");
  });

  it("a signed payload that is not JSON is 400 invalid_input: its signature was right", async () => {
    const { status, body } = await deliverSigned("{");
    expect(status).toBe(400);
    expect(body.error?.code).toBe("invalid_input");
  });
});
