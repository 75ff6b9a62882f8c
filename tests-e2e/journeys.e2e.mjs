// Real-browser journeys on a phone: Chromium at 390×844 with touch, against a fresh store of its
// own. Each journey is a shopper's story end to end, with no console error or page error on any
// page, and screenshots kept in test-results/e2e/. Then what every page owes every phone and
// person: axe-core finds no serious violation, the one-tap actions work with JavaScript off, chat
// cards are raster pictures, and content-hashed files are cached for a year.
import { AxeBuilder } from "@axe-core/playwright";
import { imageSize } from "image-size";
import assert from "node:assert/strict";
import { mkdirSync, rmSync } from "node:fs";
import { after, before, test } from "node:test";
import { launchChromium } from "../scripts/chromium.mjs";
import { startFreshStore } from "../scripts/fresh-store.mjs";
import { MERCHANT, PHONE, ownAddress, waitForIslandsOnLanding } from "./devices.mjs";

const SHOTS = "test-results/e2e";
const PASSWORD = "correct-horse-9";

/** @type {Awaited<ReturnType<typeof startFreshStore>>} */
let store;
/** @type {import("playwright-core").Browser} */
let browser;
/** @type {Array<{ id: number, title: string, price_cents: number, commission_bp: number, bargain: unknown, flash_sale: unknown }>} */
let catalogue;

before(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  store = await startFreshStore({ prefix: "e2e", logFile: "test-results/e2e-wrangler.log" });
  browser = await launchChromium();
  catalogue = (await (await fetch(`${store.url}/api/products`)).json()).products;
});

after(async () => {
  await browser?.close();
  await store?.stop();
});

// ---- a phone, its pages, and what they must not do --------------------------------------------

/** Formats cents as the pages do: 19900 → "¥199.00". */
const cny = (cents) => `¥${Math.floor(cents / 100).toLocaleString("en-US")}.${String(cents % 100).padStart(2, "0")}`;

let phoneCounter = 0;
const newPhone = () => `13${5 + (phoneCounter++ % 4)}${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

/**
 * A journey: a test whose phones all close at the end, and whose screens are kept when it fails.
 * @param {(open: (who: string) => ReturnType<typeof openPhone>) => Promise<void>} walk
 */
function journey(name, title, walk) {
  test(title, async () => {
    const phones = [];
    try {
      await walk(async (who) => {
        const phone = await openPhone(name, who);
        phones.push(phone);
        return phone;
      });
      assert.deepEqual(
        phones.flatMap((p) => p.problems),
        [],
      );
    } catch (error) {
      await Promise.all(phones.map((p) => p.screenshot("failed").catch(() => {})));
      throw error;
    } finally {
      await Promise.all(phones.map((p) => p.close()));
    }
  });
}

/**
 * A person's phone: its own browser context (cookies, clipboard), every page watched for console
 * errors, uncaught exceptions and dialogs (a page that needs window.prompt has failed at something).
 */
async function openPhone(journey, who) {
  const context = await browser.newContext({ ...PHONE, ...ownAddress(), baseURL: store.url });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: store.url });
  const problems = [];
  const page = await context.newPage();
  waitForIslandsOnLanding(page);
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`${who} console error on ${page.url()}: ${msg.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${who} page error on ${page.url()}: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`${who} dialog on ${page.url()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  let shot = 0;
  return {
    context,
    page,
    problems,
    /** Keeps what the phone shows now as test-results/e2e/<journey>-<who>-<n>-<step>.png. */
    async screenshot(step) {
      shot += 1;
      await page.screenshot({ path: `${SHOTS}/${journey}-${who}-${shot}-${step}.png`, fullPage: true });
    },
    close: () => context.close(),
  };
}

/** The page must not be wider than the phone: nothing to scroll sideways. */
async function assertFitsPhone(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${page.url()} is ${overflow}px wider than the phone`);
}

/** Signs up in the UI (/login, switched to 注册) and waits to land on `next`. */
async function signUpInUi(phone, { nickname, next }) {
  const { page } = phone;
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByRole("link", { name: "还没有账号？立即注册" }).tap();
  await page.locator("#phone").fill(newPhone());
  await page.locator("#password").fill(PASSWORD);
  await page.locator("#nickname").fill(nickname);
  await assertFitsPhone(page);
  await page.getByRole("button", { name: "注册并登录" }).tap();
  await page.waitForURL((url) => url.pathname + url.search === next);
}

/** What the phone's clipboard holds once it matches `pattern` (a copy lands a moment after the tap). */
async function clipboardText(page, pattern) {
  const deadline = Date.now() + 5_000;
  let text = "";
  while (Date.now() < deadline) {
    text = await page.evaluate(() => navigator.clipboard.readText()).catch(() => "");
    if (pattern.test(text)) return text;
    await page.waitForTimeout(100);
  }
  assert.fail(`the clipboard holds ${JSON.stringify(text)}, not a share link`);
}

const plainProduct = () => catalogue.find((p) => !p.bargain && !p.flash_sale);
const bargainProduct = () => catalogue.find((p) => p.bargain && !p.flash_sale);

// ---- the journeys ---------------------------------------------------------------------------

journey(
  "share",
  "a distributor shares a product link; a shopper buys through it; the distributor sees the commission",
  async (open) => {
    const product = plainProduct();
    assert.ok(product, "the seed has a product with neither a bargain nor a sale");
    const distributor = await open("distributor");
    const shopper = await open("shopper");

    await signUpInUi(distributor, { nickname: "小美推广", next: "/me" });
    await distributor.screenshot("promote-not-yet");
    // the button reloads /me: wait for the new page's islands, not just its HTML
    const reloaded = distributor.page.waitForEvent("load");
    await distributor.page.getByRole("button", { name: "成为推广员" }).tap();
    await reloaded;
    const row = distributor.page.locator(".share-list li", { hasText: product.title });
    // the clipboard writes only for the page in front
    await distributor.page.bringToFront();
    await row.getByRole("button", { name: "复制链接" }).tap();
    const link = await clipboardText(distributor.page, /\/s\/[A-Za-z0-9]{8}$/);
    assert.equal(link, JSON.parse(await row.locator("[data-island=CopyLink]").getAttribute("data-props")).url);
    assert.ok(link.startsWith(`${store.url}/s/`), link);
    await assertFitsPhone(distributor.page);
    await distributor.screenshot("promote-copied");
    // the link's poster: an <img> a long press saves, and a button that downloads it
    await row.getByText("二维码海报").tap();
    const poster = row.locator("details.poster img");
    await distributor.page.waitForFunction(
      (img) => img.complete && img.naturalWidth === 750,
      await poster.elementHandle(),
    );
    const code = link.split("/").pop();
    assert.equal(await poster.getAttribute("src"), `/s/${code}/poster.png`);
    assert.equal(await row.getByRole("link", { name: "保存海报" }).getAttribute("download"), `poster-${code}.png`);
    await distributor.screenshot("promote-poster");

    await shopper.page.goto(link);
    assert.equal(new URL(shopper.page.url()).pathname, `/p/${product.id}`);
    await shopper.page.getByRole("heading", { name: product.title }).waitFor();
    await assertFitsPhone(shopper.page);
    await shopper.screenshot("product");
    await shopper.page.getByRole("link", { name: "立即购买" }).tap();
    await shopper.page.waitForURL(/\/checkout\?product_id=/);
    await shopper.page.locator("#name").fill("王小二");
    await shopper.page.locator("#phone").fill("13912345678");
    await shopper.page.locator("#address").fill("浙江省杭州市西湖区文三路 100 号");
    await assertFitsPhone(shopper.page);
    await shopper.screenshot("checkout");
    await shopper.page.getByRole("button", { name: "提交订单" }).tap();
    const pay = shopper.page.getByRole("button", { name: `演示支付 ${cny(product.price_cents)}` });
    await pay.waitFor();
    await shopper.screenshot("placed");
    await pay.tap();
    await shopper.page.getByRole("heading", { name: "支付成功！" }).waitFor();
    await shopper.screenshot("paid");

    await distributor.page.reload();
    const commission = Math.floor((product.price_cents * 1000) / 10_000);
    const funnel = distributor.page.locator(".funnel");
    assert.equal(await funnel.locator("li", { hasText: "成交订单" }).locator("b").innerText(), "1");
    assert.equal(await funnel.locator("li", { hasText: "销售额" }).locator("b").innerText(), cny(product.price_cents));
    const pending = distributor.page.locator(".commission div", { hasText: "待结算" }).locator("b");
    assert.equal(await pending.innerText(), cny(commission));
    await distributor.screenshot("promote-earned");
  },
);

journey(
  "bargain",
  "a shopper starts a bargain; two friends each tap 帮砍一刀 and see their cut; the starter sees 2 helpers",
  async (open) => {
    const product = bargainProduct();
    assert.ok(product, "the seed has a product that allows bargains");
    const starter = await open("starter");

    await signUpInUi(starter, { nickname: "发起人小李", next: `/p/${product.id}` });
    await starter.page.getByRole("button", { name: /^发起砍价/ }).tap();
    await starter.page.waitForURL(/\/b\/[A-Za-z0-9]+$/);
    const bargainPath = new URL(starter.page.url()).pathname;
    await assertFitsPhone(starter.page);
    await starter.screenshot("started");

    for (const [who, nickname] of [
      ["friend1", "好友阿强"],
      ["friend2", "好友小芳"],
    ]) {
      const friend = await open(who);
      await signUpInUi(friend, { nickname, next: bargainPath });
      await friend.screenshot("before-help");
      await friend.page.getByRole("button", { name: "帮砍一刀" }).tap();
      const cut = friend.page.getByRole("status");
      await cut.waitFor();
      assert.match(await cut.innerText(), /^你帮好友砍掉了 ¥\d+\.\d\d$/);
      await friend.page.locator("ol.helpers li", { hasText: nickname }).waitFor();
      await assertFitsPhone(friend.page);
      await friend.screenshot("helped");
    }

    await starter.page.reload();
    await starter.page.getByText(`2/${product.bargain.helpers} 位好友已帮砍`).waitFor();
    const bargainId = bargainPath.split("/").pop();
    const seen = await (await starter.context.request.get(`/api/bargains/${bargainId}`)).json();
    assert.equal(seen.bargain.helper_count, 2);
    assert.deepEqual(
      seen.helpers.map((h) => h.nickname),
      ["好友阿强", "好友小芳"],
    );
    await starter.screenshot("two-helpers");
  },
);

journey("early-tap", "a tap on 签到 before its island has loaded is held, then checks in", async (open) => {
  const shopper = await open("shopper");
  await signUpInUi(shopper, { nickname: "手快的小王", next: "/" });
  // a page of its own, without the journeys' wait for islands, whose button chunk arrives 1.5 s late
  const page = await shopper.context.newPage();
  await page.route("**/assets/chunks/checkin-button-*.js", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto("/checkin", { waitUntil: "domcontentloaded" });
  const island = page.locator("[data-island=CheckinButton]");
  assert.equal(await island.getAttribute("data-hydrated"), null, "the island has not loaded yet");
  await page.getByRole("button", { name: "签到领 ¥4.50" }).tap();
  await page.getByRole("status").filter({ hasText: "+¥4.50" }).waitFor();
  await page.getByRole("button", { name: "今日已签到" }).waitFor();
});

journey("lost-chunk", "when an island's chunk never arrives, its plain links still work", async (open) => {
  const guest = await open("guest");
  const page = await guest.context.newPage();
  await page.route("**/assets/chunks/checkout-form-*.js", (route) => route.abort());
  await page.goto(`/checkout?product_id=${plainProduct().id}`, { waitUntil: "networkidle" });
  assert.equal(await page.locator("[data-island=CheckoutForm]").getAttribute("data-hydrated"), null);
  await page.getByRole("link", { name: "登录后可用签到现金抵扣" }).tap();
  await page.waitForURL((url) => url.pathname === "/login");
});

journey("checkin", "a shopper reaches 签到 from the home page in one tap and checks in for +¥4.50", async (open) => {
  const shopper = await open("shopper");
  await signUpInUi(shopper, { nickname: "签到达人", next: "/" });
  await assertFitsPhone(shopper.page);
  await shopper.screenshot("home");
  await shopper.page.locator("nav.quick").getByRole("link", { name: "签到领现金" }).tap();
  await shopper.page.waitForURL(/\/checkin$/);
  await shopper.screenshot("checkin");
  await shopper.page.getByRole("button", { name: "签到领 ¥4.50" }).tap();
  const credited = shopper.page.getByRole("status");
  await credited.waitFor();
  assert.match(await credited.innerText(), /^\+¥4\.50/);
  await shopper.page.getByRole("button", { name: "今日已签到" }).waitFor();
  await assertFitsPhone(shopper.page);
  await shopper.screenshot("checked-in");
});

journey("merchant", "the merchant signs in and creates a product; shoppers can open it", async (open) => {
  const merchant = await open("merchant");
  const { page } = merchant;
  await page.goto("/login?next=/");
  await page.locator("#phone").fill(MERCHANT.phone);
  await page.locator("#password").fill(MERCHANT.password);
  await page.getByRole("button", { name: "登录", exact: true }).tap();
  await page.waitForURL((url) => url.pathname === "/");

  const title = `端到端测试商品 ${Date.now() % 100000}`;
  let productId;
  // the admin pages are new: their form when it is there, else the same API call it makes
  const form = await page.goto("/admin/products/new");
  if (form?.status() === 200 && (await page.locator("form input[name=title]").count()) > 0) {
    await page.locator("input[name=title]").fill(title);
    await page.locator("input[name=price_cents]").fill("12.34");
    await page.locator("input[name=stock]").fill("7");
    await merchant.screenshot("admin-form");
    await page.locator("form button[type=submit]").tap();
    await page.waitForURL(/\/admin\/products\/\d+/);
    productId = Number(new URL(page.url()).pathname.split("/").pop());
    await merchant.screenshot("admin-created");
  } else {
    const created = await page.evaluate(
      async (body) => {
        const res = await fetch("/api/admin/products", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        return { status: res.status, body: await res.json() };
      },
      { title, price_cents: 1234, stock: 7, description: "浏览器里创建的商品" },
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    productId = created.body.product.id;
  }
  assert.ok(Number.isSafeInteger(productId));

  const shopper = await open("shopper");
  await shopper.page.goto(`/p/${productId}`);
  await shopper.page.getByRole("heading", { name: title }).waitFor();
  assert.ok(await shopper.page.getByText("¥12.34").first().isVisible());
  await assertFitsPhone(shopper.page);
  await shopper.screenshot("new-product");
});

// ---- every phone and every person --------------------------------------------------------------

/** A shopper signed up through the API in a context of its own (the sign-in form is an island). */
async function signedInContext(nickname, options = {}) {
  const context = await browser.newContext({ ...PHONE, ...ownAddress(), baseURL: store.url, ...options });
  const res = await context.request.post("/api/auth/signup", {
    data: { phone: newPhone(), password: PASSWORD, nickname },
    headers: { origin: store.url },
  });
  assert.equal(res.status(), 201);
  return context;
}

/** A bargain another shopper started on the seed's bargain product. */
/** A group of the seeded group deal, opened and paid (demo) by a shopper of its own. */
async function someonesGroup(nickname) {
  const leader = await signedInContext(nickname);
  const product = catalogue.find((p) => p.group);
  const opened = await leader.request.post("/api/orders", {
    data: {
      items: [{ product_id: product.id, quantity: 1 }],
      contact: { name: "团长", phone: "13912345678", address: "浙江省杭州市西湖区文三路 100 号" },
      open_group: true,
    },
    headers: { origin: store.url, "idempotency-key": crypto.randomUUID() },
  });
  const { order, group } = await opened.json();
  await leader.request.post(`/api/orders/${order.id}/pay`, { headers: { origin: store.url } });
  await leader.close();
  return group;
}

async function someonesBargain(nickname) {
  const starter = await signedInContext(nickname);
  const res = await starter.request.post("/api/bargains", {
    data: { product_id: bargainProduct().id },
    headers: { origin: store.url },
  });
  const { bargain } = await res.json();
  await starter.close();
  return bargain;
}

test("with JavaScript off, a signed-in shopper checks in and helps a bargain, and the result shows", async () => {
  const bargain = await someonesBargain("砍价发起人");
  const context = await signedInContext("不开脚本的小赵", { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto("/checkin");
    await page.getByRole("button", { name: "签到领 ¥4.50" }).tap();
    await page.waitForURL((url) => url.pathname + url.search === "/checkin?done=1");
    assert.match(await page.getByRole("status").innerText(), /^\+¥4\.50/);
    await page.getByRole("button", { name: "今日已签到" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/no-js-checked-in.png`, fullPage: true });

    await page.goto(`/b/${bargain.id}`);
    await page.getByRole("button", { name: "帮砍一刀" }).tap();
    await page.waitForURL((url) => url.search === "?helped=1");
    assert.match(await page.getByRole("status").innerText(), /^你帮好友砍掉了 ¥\d+\.\d\d$/);
    await page.locator("ol.helpers li", { hasText: "不开脚本的小赵" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/no-js-helped.png`, fullPage: true });
  } finally {
    await context.close();
  }
});

test("with JavaScript off, a shopper opens a product, checks out, pays (demo) and sees the paid order; no URL holds their phone or address", async () => {
  const product = plainProduct();
  const contact = { name: "不开脚本的王五", phone: "13687654321", address: "四川省成都市武侯区天府大道 88 号" };
  const context = await browser.newContext({ ...PHONE, ...ownAddress(), baseURL: store.url, javaScriptEnabled: false });
  const urls = [];
  try {
    const page = await context.newPage();
    page.on("request", (request) => urls.push(request.url()));
    page.on("framenavigated", (frame) => urls.push(frame.url()));
    await page.goto(`/p/${product.id}`);
    await page.getByRole("link", { name: "立即购买" }).tap();
    await page.waitForURL(/\/checkout\?product_id=/);
    await page.locator("#name").fill(contact.name);
    await page.locator("#phone").fill(contact.phone);
    await page.locator("#address").fill(contact.address);
    await page.locator("#quantity").fill("2");
    await assertFitsPhone(page);
    await page.screenshot({ path: `${SHOTS}/no-js-checkout.png`, fullPage: true });
    await Promise.all([page.waitForURL(/\/orders\/[A-Z0-9]+$/), page.getByRole("button", { name: "提交订单" }).tap()]);
    const orderPath = new URL(page.url()).pathname;
    await page.getByRole("heading", { name: "订单已提交，请在 15 分钟内支付" }).waitFor();
    await assertFitsPhone(page);
    await page.screenshot({ path: `${SHOTS}/no-js-placed.png`, fullPage: true });
    await page.getByRole("button", { name: `演示支付 ${cny(2 * product.price_cents)}` }).tap();
    await page.getByRole("heading", { name: "支付成功！" }).waitFor();
    assert.equal(new URL(page.url()).pathname, orderPath);
    assert.match(
      await page.locator("[data-testid=order-placed]").innerText(),
      new RegExp(cny(2 * product.price_cents).replace(".", "\\.")),
    );
    await page.screenshot({ path: `${SHOTS}/no-js-paid.png`, fullPage: true });
    const seen = await (await context.request.get(`/api${orderPath}`)).json();
    assert.equal(seen.order.status, "paid");
    assert.equal(seen.order.total_cents, 2 * product.price_cents);
  } finally {
    await context.close();
  }
  const secrets = [contact.phone, contact.address, contact.name].flatMap((s) => [
    s,
    encodeURIComponent(s),
    new URLSearchParams({ s }).toString().slice(2),
  ]);
  const leaks = urls.filter((url) => secrets.some((s) => url.includes(s)) || /[?&](phone|address|name)=/.test(url));
  assert.deepEqual(leaks, [], "a URL the browser visited holds the shopper's contact details");
});

test("axe-core finds no serious or critical violation on the shoppers' pages", async () => {
  const bargain = await someonesBargain("发起人小陈");
  const group = await someonesGroup("团长小林");
  const guest = await browser.newContext({ ...PHONE, ...ownAddress(), baseURL: store.url });
  const member = await signedInContext("无障碍测试");
  await member.request.post("/api/distributor", { data: {}, headers: { origin: store.url } });
  const placed = await guest.request.post("/api/orders", {
    data: {
      items: [{ product_id: plainProduct().id, quantity: 1 }],
      contact: { name: "无障碍", phone: "13512345678", address: "上海市静安区南京西路 1 号" },
    },
    headers: { origin: store.url, "idempotency-key": crypto.randomUUID() },
  });
  assert.equal(placed.status(), 201);
  const order = (await placed.json()).order;
  const pages = [
    [guest, "/"],
    [guest, `/checkout?product_id=${plainProduct().id}`],
    [member, `/checkout?product_id=${plainProduct().id}`],
    [guest, `/orders/${order.id}`],
    [guest, `/p/${catalogue[0].id}`],
    [guest, `/p/${bargainProduct().id}`],
    [guest, "/checkin"],
    [guest, "/login"],
    [guest, `/b/${bargain.id}`],
    [guest, `/g/${group.id}`],
    [guest, "/clearance"],
    [member, "/checkin"],
    [member, "/bargains"],
    [member, "/groups"],
    [member, "/me"],
    [member, `/b/${bargain.id}`],
    [member, `/g/${group.id}`],
  ];
  const found = [];
  try {
    for (const [context, path] of pages) {
      const page = await context.newPage();
      await page.goto(path, { waitUntil: "networkidle" });
      // the product page's share sheet open, so its poster, link and buttons are checked too
      if (path.startsWith("/p/")) await page.locator(".share-sheet summary").tap();
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const v of violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
        found.push(
          `${path} (${context === guest ? "guest" : "member"}): ${v.id} ${v.impact}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
      }
      await page.close();
    }
  } finally {
    await guest.close();
    await member.close();
  }
  assert.deepEqual(found, []);
});

test("every shareable page's og:image is a JPEG or PNG of at least 600×600, never SVG", async () => {
  const bargain = await someonesBargain("分享测试");
  const paths = ["/", "/checkin", `/b/${bargain.id}`, ...catalogue.map((p) => `/p/${p.id}`)];
  for (const path of paths) {
    const html = await (await fetch(`${store.url}${path}`)).text();
    const url = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    assert.ok(url?.startsWith(`${store.url}/`), `${path}: ${url}`);
    const res = await fetch(url);
    const type = res.headers.get("content-type");
    const size = imageSize(new Uint8Array(await res.arrayBuffer()));
    assert.ok(["image/jpeg", "image/png"].includes(type), `${path}: ${url} is ${type}`);
    assert.ok(["jpg", "png"].includes(size.type), `${path}: ${url} is ${size.type} by its bytes`);
    assert.ok(size.width >= 600 && size.height >= 600, `${path}: ${size.width}×${size.height}`);
    assert.doesNotMatch(html, /og:image" content="[^"]*\.svg"/);
  }
});

test("content-hashed chunks are cached for a year as immutable; app.js is checked again", async () => {
  const html = await (await fetch(`${store.url}/p/${catalogue[0].id}`)).text();
  const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(preloads.length > 0, "the page preloads its islands' chunks");
  for (const chunk of preloads) {
    assert.match(chunk, /^\/assets\/chunks\/[\w-]+-[A-Z0-9]{8}\.js$/);
    const res = await fetch(`${store.url}${chunk}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable");
  }
  for (const entry of ["/assets/app.js", "/assets/admin.js"]) {
    const res = await fetch(`${store.url}${entry}`);
    assert.doesNotMatch(res.headers.get("cache-control") ?? "", /immutable/, entry);
  }
});
