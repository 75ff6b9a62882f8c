// Signing up and in with JavaScript off (a chat app's browser that fails to run it, or a tap before the
// island loads): the forms post to the store's own handlers, and no URL the browser visits, in the
// address bar or in any request, holds the password. Chromium against a fresh store of its own.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { launchChromium } from "../scripts/chromium.mjs";
import { startFreshStore } from "../scripts/fresh-store.mjs";
import { MERCHANT, PHONE, ownAddress } from "./devices.mjs";

const SHOTS = "test-results/e2e";

/** @type {Awaited<ReturnType<typeof startFreshStore>>} */
let store;
/** @type {import("playwright-core").Browser} */
let browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  store = await startFreshStore({ prefix: "e2e-nojs", logFile: "test-results/e2e-nojs-wrangler.log" });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await store?.stop();
});

/** A phone with JavaScript off, and every URL it asks for or shows. */
async function phoneWithoutJs() {
  const context = await browser.newContext({ ...PHONE, ...ownAddress(), baseURL: store.url, javaScriptEnabled: false });
  const page = await context.newPage();
  const urls = [];
  page.on("request", (request) => urls.push(request.url()));
  page.on("framenavigated", (frame) => urls.push(frame.url()));
  return { context, page, urls };
}

/** No visited URL holds the password, plainly or encoded, nor a password field. */
function assertNoPasswordIn(urls, password) {
  const forms = [password, encodeURIComponent(password), new URLSearchParams({ p: password }).toString().slice(2)];
  const leaks = urls.filter((url) => forms.some((f) => url.includes(f)) || /[?&]password=/i.test(url));
  assert.deepEqual(leaks, [], "a URL the browser visited holds the password");
}

const newPhone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

test("with JavaScript off a shopper signs up, then signs in on another phone, and no URL holds the password", async () => {
  const phone = newPhone();
  const password = "no-js-secret-42";
  const first = await phoneWithoutJs();
  try {
    const { page } = first;
    await page.goto("/login?next=%2Fcheckin");
    assert.equal(await page.locator("form.login").getAttribute("method"), "post");
    await page.locator("a.switch").click();
    await page.waitForURL(/mode=signup/);
    await page.fill("#phone", phone);
    await page.fill("#password", password);
    await page.fill("#nickname", "无脚本");
    await Promise.all([page.waitForURL(/\/checkin$/), page.locator("form.login button[type=submit]").click()]);
    assert.equal(new URL(page.url()).pathname, "/checkin");
    assert.equal(await page.locator("form.login").count(), 0, "signed in: no sign-in form on /checkin");
    await page.screenshot({ path: `${SHOTS}/nojs-1-signed-up.png` });
    assertNoPasswordIn(first.urls, password);
  } finally {
    await first.context.close();
  }

  const second = await phoneWithoutJs();
  try {
    const { page } = second;
    await page.goto("/login?next=%2Fcheckin");
    await page.fill("#phone", phone);
    await page.fill("#password", "a-wrong-password");
    await page.locator("form.login button[type=submit]").click();
    await page.waitForLoadState();
    assert.equal(new URL(page.url()).pathname, "/login");
    assert.match(await page.locator("form.login .error").innerText(), /手机号或密码错误/);
    assert.equal(await page.inputValue("#phone"), phone);
    await page.screenshot({ path: `${SHOTS}/nojs-2-refused.png` });

    await page.fill("#password", password);
    await Promise.all([page.waitForURL(/\/checkin$/), page.locator("form.login button[type=submit]").click()]);
    assert.equal(await page.locator("form.login").count(), 0);
    assertNoPasswordIn(second.urls, password);
    assertNoPasswordIn(second.urls, "a-wrong-password");
  } finally {
    await second.context.close();
  }
});

test("with JavaScript off the merchant signs in to the admin, and no URL holds the password", async () => {
  const { context, page, urls } = await phoneWithoutJs();
  try {
    await page.goto("/admin/orders");
    await page.waitForURL(/\/admin\/login\?next=/);
    assert.equal(await page.locator("form").first().getAttribute("method"), "post");
    await page.fill("#phone", MERCHANT.phone);
    await page.fill("#password", MERCHANT.password);
    await Promise.all([page.waitForURL(/\/admin\/orders$/), page.locator("form button[type=submit]").click()]);
    assert.equal(new URL(page.url()).pathname, "/admin/orders");
    await page.screenshot({ path: `${SHOTS}/nojs-3-admin.png` });
    assertNoPasswordIn(urls, MERCHANT.password);
  } finally {
    await context.close();
  }
});
