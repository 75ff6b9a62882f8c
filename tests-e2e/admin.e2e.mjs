// The merchant's admin in a real browser (Chromium), against a fresh store of its own with a month
// of past traffic: sign in, create a product with a flash sale and see it on the storefront, upload
// its pictures, refund an order, download the CSV, and keep screenshots of the dashboard in docs/.
// No console error or page error on any page.
import { imageSize } from "image-size";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { after, before, test } from "node:test";
import { request } from "playwright-core";
import { launchChromium } from "../scripts/chromium.mjs";
import { historySql } from "../scripts/dashboard-history.mjs";
import { envPorts, startFreshStore } from "../scripts/fresh-store.mjs";
import { LAPTOP, MERCHANT, PHONE } from "./devices.mjs";

const SHOTS = "test-results/e2e-admin";
// STORE_PORTS="8803,9803": a developer running several stores at once gives this one ports of its own
const PORTS = envPorts() ?? [8790, 8791, 8792, 8793, 8794];
const CONTACT = { name: "赵六", phone: "13912345678", address: "北京市朝阳区建国路 88 号" };
const TITLE = "E2E 明前龙井 限时秒杀";

/** @type {Awaited<ReturnType<typeof startFreshStore>>} */
let store;
/** @type {import("playwright-core").Browser} */
let browser;
/** The merchant's laptop, signed in by the first tests and used by the rest. */
let merchant;
const shared = { productId: 0, orderId: "" };

/** Past traffic written straight into the store's local D1 while it runs: a month of it. */
function seedHistory(persistTo) {
  const file = join(persistTo, "history.sql");
  writeFileSync(
    file,
    historySql({ now: Date.now(), days: 30, distributors: 8, visits: 6_000, orders: 240 }).join("\n"),
  );
  const env = {
    ...process.env,
    PATH: [join(process.cwd(), "node_modules", ".bin"), process.env.PATH].join(delimiter),
    WRANGLER_SEND_METRICS: "false",
  };
  const result = spawnSync("wrangler", ["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--file", file], {
    env,
    encoding: "utf8",
  });
  assert.equal(result.status, 0, result.stderr);
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync("docs", { recursive: true });
  store = await startFreshStore({ prefix: "e2e-admin", ports: PORTS, logFile: `${SHOTS}/wrangler.log` });
  seedHistory(store.persistTo);
  browser = await launchChromium();
  merchant = await open("merchant", LAPTOP);
});

after(async () => {
  await browser?.close();
  await store?.stop();
});

/** A browser context whose every page is watched for console errors and uncaught exceptions. */
async function open(who, device) {
  const context = await browser.newContext({ ...device, baseURL: store.url, acceptDownloads: true });
  const problems = [];
  const page = await context.newPage();
  const refusals = [];
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    // Chromium logs every 4xx answer; the JSON API's refusals are answers the page shows, and each
    // test says which ones it provoked
    const refusal = /^Failed to load resource: the server responded with a status of (4\d\d)/.exec(msg.text());
    const url = msg.location().url ?? "";
    if (refusal && new URL(url, store.url).pathname.startsWith("/api/"))
      refusals.push(`${refusal[1]} ${new URL(url, store.url).pathname}`);
    else problems.push(`${who} console error on ${page.url()}: ${msg.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${who} page error on ${page.url()}: ${error.message}`));
  return {
    context,
    page,
    problems,
    /** The API refusals since the last call, as "status path". */
    takeRefusals: () => refusals.splice(0),
    shot: (name) => page.screenshot({ path: `${SHOTS}/${who}-${name}.png`, fullPage: true }),
    close: () => context.close(),
  };
}

async function assertFits(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${page.url()} is ${overflow}px wider than the screen`);
}

/** The error an admin form shows under one field (by its API path). */
const fieldError = (page, name) => page.locator(`[data-field="${name}"] .err`);

test("a shopper's account is told it is not a merchant's, and gets a 403 page at /admin", async () => {
  const shopper = await open("shopper", PHONE);
  const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const signup = await shopper.context.request.post("/api/auth/signup", {
    data: { phone, password: "correct-horse-9", nickname: "顾客小王" },
  });
  assert.equal(signup.status(), 201);
  await shopper.page.goto("/admin/login");
  await shopper.page.locator("#phone").fill(phone);
  await shopper.page.locator("#password").fill("correct-horse-9");
  await shopper.page.getByRole("button", { name: "登录" }).click();
  await shopper.page.getByRole("alert").filter({ hasText: "这不是商家账号" }).waitFor();
  await assertFits(shopper.page);
  const refused = await shopper.page.goto("/admin/orders");
  assert.equal(refused.status(), 403);
  await shopper.page.getByText("顾客小王，你当前登录的是顾客账号").waitFor();
  await shopper.shot("403");
  // the refusal page itself is the 403 Chromium reports
  assert.deepEqual(shopper.problems, [
    `shopper console error on ${store.url}/admin/orders: Failed to load resource: the server responded with a status of 403 (Forbidden)`,
  ]);
  assert.deepEqual(shopper.takeRefusals(), []);
  await shopper.close();
});

test("the merchant signs in and lands on the dashboard", async () => {
  const { page } = merchant;
  await page.goto("/admin");
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, "/admin/login?next=%2Fadmin");
  await page.locator("#phone").fill(MERCHANT.phone);
  await page.locator("#password").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByRole("alert").filter({ hasText: "手机号或密码错误" }).waitFor();
  await page.locator("#password").fill(MERCHANT.password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => url.pathname === "/admin");
  await page.getByRole("heading", { name: "经营概览" }).waitFor();
  assert.deepEqual(merchant.takeRefusals(), ["401 /api/auth/login"]);
  assert.deepEqual(merchant.problems, []);
});

test("creates a product with a flash sale; each mistake is shown under its field", async () => {
  const { page } = merchant;
  await page.goto("/admin/products/new");
  await page.locator("#f-title").fill(TITLE);
  await page.locator("#f-description").fill("西湖龙井，明前头采。");
  await page.locator("#f-price_cents").fill("八十八");
  await page.locator("#f-stock").fill("20");
  await page.getByText("或选择店内图片").click();
  await page.locator('.a-pics button[title="/img/tea.jpg"]').click();
  assert.equal(await page.locator(".a-pic-list img").getAttribute("src"), "/img/tea.jpg");
  await page.getByLabel("开启限时秒杀").check();
  assert.match(await page.locator("#f-flash_sale-starts_at").inputValue(), /^\d{4}-\d{2}-\d{2}T\d{2}:00$/);
  await page.locator("#f-flash_sale-price_cents").fill("99");
  await page.locator("#f-flash_sale-stock").fill("5");
  await page.getByRole("button", { name: "创建商品" }).click();
  assert.match(await fieldError(page, "price_cents").innerText(), /请填写大于 0 的金额/);

  await page.locator("#f-price_cents").fill("88");
  await page.getByRole("button", { name: "创建商品" }).click();
  // the server's zod issue (flash_sale.price_cents) lands under the sale price
  await fieldError(page, "flash_sale.price_cents").filter({ hasText: "秒杀价必须低于售价" }).waitFor();
  assert.equal(await fieldError(page, "price_cents").count(), 0);
  await merchant.shot("product-errors");

  await page.locator("#f-flash_sale-price_cents").fill("66.00");
  await page.getByRole("button", { name: "创建商品" }).click();
  await page.waitForURL(/\/admin\/products\/\d+\?created=1$/);
  shared.productId = Number(new URL(page.url()).pathname.split("/").pop());
  await page.getByRole("status").filter({ hasText: "已创建" }).waitFor();
  assert.equal(await page.locator("#f-flash_sale-price_cents").inputValue(), "66.00");

  await page.goto("/admin/products");
  const row = page.locator(`tr[data-product="${shared.productId}"]`);
  assert.match(await row.innerText(), /秒杀 ¥66\.00/);
  assert.match(await row.innerText(), /在售/);
  await merchant.shot("products");
  assert.deepEqual(merchant.takeRefusals(), ["400 /api/admin/products"]);
  assert.deepEqual(merchant.problems, []);
});

test("the new product is on the storefront at its flash price", async () => {
  const shopper = await open("storefront", PHONE);
  await shopper.page.goto("/");
  const card = shopper.page.locator(`a[href="/p/${shared.productId}"]`).first();
  await card.waitFor();
  assert.match(await card.innerText(), /¥66\.00/);
  await shopper.page.goto(`/p/${shared.productId}`);
  await shopper.page.getByRole("heading", { name: TITLE }).waitFor();
  assert.match(await shopper.page.locator("body").innerText(), /¥66\.00[\s\S]*¥88\.00/);
  await shopper.shot("product-page");
  assert.deepEqual(shopper.problems, []);
  await shopper.close();
});

/** Files of the local R2 bucket, under the store's own state directory. */
function storedObjects() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(join(store.persistTo, "v3", "r2"));
  return files.filter((f) => f.includes("blobs")).sort();
}

test("uploads a JPEG and a PNG, drags the PNG to the cover; the shop shows them; bad files leave nothing", async () => {
  const { page } = merchant;
  await page.goto(`/admin/products/${shared.productId}`);
  const pictures = page.locator(".a-pic-list li img");
  assert.equal(await pictures.count(), 1);
  // what a phone's picker hands over: a camera JPEG and a screenshot PNG
  await page.locator("#f-images").setInputFiles(["tests/fixtures/photo.jpg", "tests/fixtures/photo.png"]);
  await page.waitForFunction(() => document.querySelectorAll(".a-pic-list li img").length === 3);
  const uploaded = await pictures.evaluateAll((imgs) => imgs.map((img) => img.getAttribute("src")));
  assert.equal(uploaded[0], "/img/tea.jpg");
  for (const src of uploaded.slice(1)) assert.match(src, /^\/pictures\/[0-9a-f]{24}\.webp$/);
  // drag the last picture onto the first: it becomes the cover
  await page.locator(".a-pic-list li").nth(2).dragTo(page.locator(".a-pic-list li").nth(0));
  assert.equal(await pictures.first().getAttribute("src"), uploaded[2]);
  assert.equal(await page.locator(".a-pic-list li").first().locator(".a-cover").count(), 1);
  await merchant.shot("pictures");
  await page.getByRole("button", { name: "保存" }).click();
  await page.getByRole("status").filter({ hasText: "已保存" }).waitFor();
  const saved = (await (await page.request.get(`/api/products/${shared.productId}`)).json()).product;
  assert.deepEqual(saved.images, [uploaded[2], uploaded[0], uploaded[1]]);

  // the product page shows the uploaded cover, loaded
  const shopper = await open("pictures-shopper", PHONE);
  await shopper.page.goto(`/p/${shared.productId}`);
  const hero = shopper.page.locator(".hero img").first();
  assert.equal(await hero.getAttribute("src"), uploaded[2]);
  await shopper.page.waitForFunction(() => document.querySelector(".hero img")?.naturalWidth > 0);
  await shopper.shot("uploaded-product");
  // its chat card: a JPEG of at least 600×600, whatever the page says
  const og = await shopper.page.locator('meta[property="og:image"]').getAttribute("content");
  const card = await shopper.page.request.get(og);
  assert.equal(card.headers()["content-type"], "image/jpeg");
  const size = imageSize(new Uint8Array(await card.body()));
  assert.equal(size.type, "jpg");
  assert.ok(size.width >= 600 && size.height >= 600, `${size.width}×${size.height}`);
  assert.deepEqual(shopper.problems, []);
  await shopper.close();

  // text named .jpg, and 11 MB that no browser can shrink: refused, and the bucket holds nothing new
  const before = storedObjects();
  const text = Buffer.from("hello, I am text pretending to be a JPEG\n".repeat(20));
  await page.locator("#f-images").setInputFiles({ name: "notes.jpg", mimeType: "image/jpeg", buffer: text });
  await page.getByRole("alert").filter({ hasText: "「notes.jpg」不是图片" }).waitFor();
  const big = Buffer.alloc(11 * 1024 * 1024);
  big.set([0xff, 0xd8, 0xff, 0xe0]);
  await page.locator("#f-images").setInputFiles({ name: "huge.jpg", mimeType: "image/jpeg", buffer: big });
  await page.getByRole("alert").filter({ hasText: "「huge.jpg」超过 10 MB" }).waitFor();
  assert.equal(await pictures.count(), 3);
  assert.deepEqual(storedObjects(), before);
  assert.ok(
    before.every((f) => statSync(f).size < 1024 * 1024),
    "no upload is stored unshrunk",
  );
  await merchant.shot("pictures-refused");
  assert.deepEqual(merchant.takeRefusals(), ["400 /api/admin/pictures", "413 /api/admin/pictures"]);
  assert.deepEqual(merchant.problems, []);
});

test("an order placed and paid by a guest is refunded from the orders page", async () => {
  // what a browser's fetch from the store's own page sends
  const guest = await request.newContext({ baseURL: store.url, extraHTTPHeaders: { origin: store.url } });
  const placed = await guest.post("/api/orders", {
    data: { items: [{ product_id: shared.productId, quantity: 1 }], contact: CONTACT },
    headers: { "idempotency-key": `e2e-admin-${Date.now()}` },
  });
  assert.equal(placed.status(), 201);
  shared.orderId = (await placed.json()).order.id;
  assert.equal((await guest.post(`/api/orders/${shared.orderId}/pay`)).status(), 200);
  await guest.dispose();

  const { page } = merchant;
  await page.goto("/admin/orders?status=paid");
  const order = page.locator(`section[data-order="${shared.orderId}"]`);
  assert.match(await order.innerText(), /自然流量/);
  assert.match(await order.innerText(), /¥66\.00/);
  await merchant.shot("orders-paid");
  await order.getByRole("button", { name: "退款" }).click();
  await order.getByRole("button", { name: "确认退款 ¥66.00" }).click();
  await order.getByRole("status").filter({ hasText: "已退款" }).waitFor();

  await page.goto("/admin/orders?status=refunded");
  await page.locator(`section[data-order="${shared.orderId}"]`).waitFor();
  // an order a distributor brought in shows who
  await page.goto("/admin/orders?status=completed");
  await page
    .locator("section[data-order]", { hasText: /推广员：\S+（H\d{7}）/ })
    .first()
    .waitFor();
  assert.deepEqual(merchant.problems, []);
});

test("downloads the orders CSV: UTF-8 with a BOM, the refunded order in it", async () => {
  const { page } = merchant;
  await page.goto("/admin");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出订单 CSV" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^orders-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n");
  assert.match(lines[0], /^订单号,下单时间\(UTC\),下单时间\(店铺时区\),状态,商品,/);
  const row = lines.find((l) => l.startsWith(shared.orderId));
  assert.ok(row, "the refunded order is in the export");
  assert.match(row, new RegExp(`,已退款,${TITLE} ×1,66\\.00,6600,0\\.00,0,66\\.00,6600,`));
  assert.ok(lines.length > 240, "the month of history is exported too");
  assert.deepEqual(merchant.problems, []);
});

test("marks a distributor's available commission as paid out", async () => {
  const { page } = merchant;
  await page.goto("/admin/distributors");
  const candidate = page
    .locator("tr[data-distributor]")
    .filter({ has: page.getByRole("button", { name: /^标记已打款/ }) })
    .first();
  const row = page.locator(`tr[data-distributor="${await candidate.getAttribute("data-distributor")}"]`);
  const amount = (await row.getByRole("button", { name: /^标记已打款/ }).innerText()).replace("标记已打款 ", "");
  await merchant.shot("distributors");
  await row.getByRole("button", { name: /^标记已打款/ }).click();
  await row.getByRole("button", { name: `确认已线下打款 ${amount}` }).click();
  await row
    .getByRole("status")
    .filter({ hasText: `已记录打款 ${amount}` })
    .waitFor();
  await page.reload();
  // paid out now, nothing left to pay: the last column holds the amount and the button is gone
  assert.ok((await row.innerText()).includes(amount));
  assert.equal(await row.getByRole("button").count(), 0);
  assert.deepEqual(merchant.problems, []);
});

test("settings: an unknown time zone is refused under its field, a valid change is saved", async () => {
  const { page } = merchant;
  await page.goto("/admin/settings");
  await page.locator("#f-time_zone").fill("Mars/Olympus_Mons");
  await page.locator("#f-attribution_window_days").fill("14");
  await page.getByRole("button", { name: "保存" }).click();
  await fieldError(page, "time_zone").filter({ hasText: "不认识这个时区" }).waitFor();
  await merchant.shot("settings-error");
  await page.locator("#f-time_zone").fill("Asia/Shanghai");
  await page.getByRole("button", { name: "保存" }).click();
  await page.getByRole("status").filter({ hasText: "已保存" }).waitFor();
  await page.reload();
  assert.equal(await page.locator("#f-attribution_window_days").inputValue(), "14");
  assert.deepEqual(merchant.takeRefusals(), ["400 /api/admin/settings"]);
  assert.deepEqual(merchant.problems, []);
});

test("the dashboard with a month of data, on a laptop and on a 390 px phone (docs/ screenshots)", async () => {
  const { page } = merchant;
  await page.goto("/admin");
  const kpi = (label) => page.locator(".a-kpi", { hasText: label }).locator("b").innerText();
  assert.ok(Number((await kpi("访问")).replace(/,/g, "")) > 1000, "a month of visits");
  assert.ok((await page.locator(".a-rank li").count()) >= 6, "top products and distributors listed");
  assert.ok(await page.locator("svg.wide").isVisible());
  await assertFits(page);
  await page.screenshot({ path: "docs/admin-dashboard-laptop.png", fullPage: true });

  const phone = await open("phone", PHONE);
  await phone.context.addCookies(await merchant.context.cookies());
  await phone.page.goto("/admin");
  assert.ok(await phone.page.locator("svg.narrow").isVisible());
  assert.ok(!(await phone.page.locator("svg.wide").isVisible()));
  await assertFits(phone.page);
  await phone.page.screenshot({ path: "docs/admin-dashboard-phone.png", fullPage: true });
  for (const [name, path] of [
    ["products", "/admin/products"],
    ["orders", "/admin/orders"],
    ["distributors", "/admin/distributors"],
    ["settings", "/admin/settings"],
    ["edit", `/admin/products/${shared.productId}`],
  ]) {
    await phone.page.goto(path);
    await assertFits(phone.page);
    await phone.shot(name);
  }
  assert.deepEqual([...merchant.problems, ...phone.problems, ...merchant.takeRefusals(), ...phone.takeRefusals()], []);
  await phone.close();
});
