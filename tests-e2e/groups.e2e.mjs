// Group buying (拼团) in real Chromium on phones (390×844, touch), against a fresh store of its own:
// a leader opens a group and pays, a friend opens the shared link in a browser of their own and
// joins, a third completes it and the page says so; the product page lists the open group; the
// clearance zone is one tap from home. No console error on any page; screenshots in test-results/e2e-groups/.
import assert from "node:assert/strict";
import { mkdirSync, rmSync } from "node:fs";
import { after, before, test } from "node:test";
import { launchChromium } from "../scripts/chromium.mjs";
import { startFreshStore } from "../scripts/fresh-store.mjs";
import { pageWeight } from "../scripts/page-weight.mjs";
import { PHONE, ownAddress, waitForIslandsOnLanding } from "./devices.mjs";

// a directory of its own: journeys.e2e.mjs empties test-results/e2e/ when it starts
const SHOTS = "test-results/e2e-groups";
const PASSWORD = "correct-horse-9";
const CONTACT = { name: "王小二", phone: "13912345678", address: "浙江省杭州市西湖区文三路 100 号" };

/** @type {Awaited<ReturnType<typeof startFreshStore>>} */
let store;
/** @type {import("playwright-core").Browser} */
let browser;

before(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  store = await startFreshStore({
    prefix: "e2e-groups",
    logFile: "test-results/e2e-groups-wrangler.log",
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await store?.stop();
});

let phoneCounter = 0;
const newPhone = () => `13${5 + (phoneCounter++ % 4)}${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

/** A person's phone: a browser context of its own (a fresh browser for a friend who taps a shared link). */
async function openPhone(who, problems) {
  const context = await browser.newContext({ ...PHONE, ...ownAddress(), baseURL: store.url });
  const page = await context.newPage();
  waitForIslandsOnLanding(page);
  page.on("console", (msg) => msg.type() === "error" && problems.push(`${who}: ${page.url()}: ${msg.text()}`));
  page.on("pageerror", (error) => problems.push(`${who}: ${page.url()}: ${error.message}`));
  let shot = 0;
  return {
    context,
    page,
    screenshot: (step) => page.screenshot({ path: `${SHOTS}/groups-${who}-${++shot}-${step}.png`, fullPage: true }),
  };
}

async function assertFitsPhone(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${page.url()} is ${overflow}px wider than the phone`);
}

/** On the sign-in page a tap sent them to: switch to 注册, sign up, and come back where they were going. */
async function signUpHere(page, nickname) {
  await page.waitForURL((url) => url.pathname === "/login");
  const next = new URL(page.url()).searchParams.get("next");
  await page.getByRole("link", { name: "还没有账号？立即注册" }).tap();
  await page.locator("#phone").fill(newPhone());
  await page.locator("#password").fill(PASSWORD);
  await page.locator("#nickname").fill(nickname);
  await page.getByRole("button", { name: "注册并登录" }).tap();
  await page.waitForURL((url) => url.pathname + url.search === next);
}

/** The checkout of a group order: contact, place it, pay in demo mode; lands on the group page. */
async function checkoutAndPay(phone, priceText) {
  const { page } = phone;
  await page.locator("#name").fill(CONTACT.name);
  await page.locator("#phone").fill(CONTACT.phone);
  await page.locator("#address").fill(CONTACT.address);
  await assertFitsPhone(page);
  await phone.screenshot("checkout");
  await page.getByRole("button", { name: "提交订单" }).tap();
  await page.getByRole("button", { name: `演示支付 ${priceText}` }).tap();
  await page.waitForURL(/\/g\/[A-Za-z0-9]+$/);
}

test("a leader opens a group and pays; a friend joins from the shared link; a third completes it", async () => {
  const problems = [];
  const phones = [];
  const open = async (who) => {
    const phone = await openPhone(who, problems);
    phones.push(phone);
    return phone;
  };
  try {
    const { products } = await (await fetch(`${store.url}/api/products`)).json();
    const product = products.find((p) => p.group?.size === 3);
    assert.ok(product, "the seed has a product with a 3-person group deal");
    const price = `¥${(product.group.price_cents / 100).toFixed(2)}`;

    const leader = await open("leader");
    await leader.page.goto(`/p/${product.id}`);
    await leader.page.getByRole("link", { name: /发起拼团/ }).tap();
    await signUpHere(leader.page, "团长小林");
    await checkoutAndPay(leader, price);
    const groupUrl = leader.page.url();
    await leader.page.getByText("还差 2 人拼成").waitFor();
    await leader.page.getByRole("button", { name: "邀请好友参团" }).waitFor();
    await assertFitsPhone(leader.page);
    await leader.screenshot("group-opened");

    // a shopper on the product page sees the open group to join (read by the island, not in the HTML)
    const browsing = await open("browsing");
    const html = await (await fetch(`${store.url}/p/${product.id}`)).text();
    assert.ok(!html.includes("团长小林"), "the product page's own HTML holds no open group");
    await browsing.page.goto(`/p/${product.id}`);
    const listed = browsing.page.locator(".open-groups li", { hasText: "团长小林" });
    await listed.getByText("还差 2 人").waitFor();
    await assertFitsPhone(browsing.page);
    await browsing.screenshot("product-lists-group");
    await listed.getByRole("link", { name: "去拼单" }).tap();
    await browsing.page.waitForURL(groupUrl);

    // the chat card of the group page: the product's picture, the group price, the seats left
    const cardOf = async (page) =>
      page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll("meta[property^='og:']")].map((m) => [m.getAttribute("property"), m.content]),
        ),
      );
    const groupCard = await cardOf(browsing.page);
    assert.match(groupCard["og:title"], new RegExp(`^【还差2人】${price.replace(".", "\\.")} 拼 `));
    assert.equal(groupCard["og:url"], groupUrl);
    await browsing.page.goto(`/p/${product.id}`);
    assert.equal(groupCard["og:image"], (await cardOf(browsing.page))["og:image"]);

    for (const [who, nickname, after] of [
      ["friend", "好友阿强", "还差 1 人拼成"],
      ["third", "好友小芳", "拼团成功！"],
    ]) {
      const friend = await open(who);
      await friend.page.goto(groupUrl);
      await assertFitsPhone(friend.page);
      await friend.screenshot("shared-link");
      await friend.page.getByRole("link", { name: `参与拼团 ${price}` }).tap();
      await signUpHere(friend.page, nickname);
      await checkoutAndPay(friend, price);
      assert.equal(friend.page.url(), groupUrl);
      await friend.page.getByText(after).waitFor();
      await friend.page.locator(".seats li", { hasText: nickname }).waitFor();
      await assertFitsPhone(friend.page);
      await friend.screenshot("joined");
    }

    await leader.page.reload();
    await leader.page.getByText("拼团成功！").waitFor();
    assert.equal(await leader.page.locator(".seats li.open-seat").count(), 0);
    await leader.screenshot("succeeded");
    const group = await (await fetch(`${store.url}/api/groups/${groupUrl.split("/").pop()}`)).json();
    assert.equal(group.group.status, "succeeded");
    assert.deepEqual(
      group.group.members.map((m) => [m.nickname, m.leader, m.paid]),
      [
        ["团长小林", true, true],
        ["好友阿强", false, true],
        ["好友小芳", false, true],
      ],
    );
    assert.deepEqual(problems, []);
  } catch (error) {
    await Promise.all(phones.map((p) => p.screenshot("failed").catch(() => {})));
    throw error;
  } finally {
    await Promise.all(phones.map((p) => p.context.close()));
  }
});

test("the clearance zone is one tap from home, deepest discount first; 我的拼团 one tap too", async () => {
  const problems = [];
  const shopper = await openPhone("clearance", problems);
  try {
    await shopper.page.goto("/");
    await shopper.page.locator("nav.quick").getByRole("link", { name: "品牌清仓" }).tap();
    await shopper.page.waitForURL((url) => url.pathname === "/clearance");
    const { products } = await (await fetch(`${store.url}/api/products?clearance=1`)).json();
    assert.ok(products.length >= 2, "the seed marks products for clearance");
    const titles = await shopper.page.locator(".grid .card .title").allInnerTexts();
    assert.deepEqual(
      titles,
      products.map((p) => p.title),
    );
    await shopper.page
      .getByText(/\d(\.\d)?折/)
      .first()
      .waitFor();
    await assertFitsPhone(shopper.page);
    await shopper.screenshot("zone");
    await shopper.page.goto("/");
    await shopper.page.locator("nav.quick").getByRole("link", { name: "我的拼团" }).tap();
    await shopper.page.waitForURL((url) => url.pathname === "/login");
    assert.deepEqual(problems, []);
  } finally {
    await shopper.context.close();
  }
});

test("the group page weighs no more than its product page, and 14 KB gzipped, as a friend from a chat first sees it", async () => {
  const { products } = await (await fetch(`${store.url}/api/products`)).json();
  const product = products.find((p) => p.group && !p.bargain);
  const groups = (await (await fetch(`${store.url}/api/products/${product.id}/groups`)).json()).groups;
  const context = await browser.newContext({ ...PHONE, ...ownAddress(), baseURL: store.url });
  try {
    const url = groups[0]?.share_url ?? (await openGroupThroughApi(product)).share_url;
    const group = await pageWeight(context, url);
    const productPage = await pageWeight(context, `${store.url}/p/${product.id}`);
    console.log(
      `group page ${(group.gz / 1024).toFixed(1)} KB, its product page ${(productPage.gz / 1024).toFixed(1)} KB gzipped`,
    );
    assert.ok(group.gz <= 14 * 1024, `the group page weighs ${group.gz} bytes gzipped: ${JSON.stringify(group.parts)}`);
    assert.ok(
      group.gz <= productPage.gz,
      `the group page (${group.gz} B) weighs more than its product page (${productPage.gz} B)`,
    );
  } finally {
    await context.close();
  }
});

/** A group opened and paid through the API, for a test that needs one. */
async function openGroupThroughApi(product) {
  const signup = await fetch(`${store.url}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: store.url },
    body: JSON.stringify({ phone: newPhone(), password: PASSWORD, nickname: "称重团长" }),
  });
  const cookie = signup.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const post = async (path, body) =>
    (
      await fetch(`${store.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: store.url, cookie },
        body: body ? JSON.stringify(body) : undefined,
      })
    ).json();
  const placed = await post("/api/orders", {
    items: [{ product_id: product.id, quantity: 1 }],
    contact: CONTACT,
    open_group: true,
  });
  await post(`/api/orders/${placed.order.id}/pay`);
  return placed.group;
}
