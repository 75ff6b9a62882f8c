// `npm run lighthouse`: Lighthouse's accessibility score of the shoppers' pages, signed out and
// signed in, against a fresh store of its own (too slow for CI: ~2 minutes on 2 cores). Prints a
// table and exits non-zero below 100. Chromium from CHROME_PATH (default /usr/bin/chromium).
// Ports: STORE_PORTS, as the browser suites (default 8795–8798).
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { startFreshStore } from "./fresh-store.mjs";

const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const PASSWORD = "correct-horse-9";

const store = await startFreshStore({ prefix: "lighthouse" });
const chrome = await chromeLauncher.launch({
  chromePath: CHROME,
  chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});

/** A shopper's session cookie, signed up through the API. */
async function signUp(nickname) {
  const res = await fetch(`${store.url}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: store.url },
    body: JSON.stringify({
      phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`,
      password: PASSWORD,
      nickname,
    }),
  });
  if (res.status !== 201) throw new Error(`signup: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

const post = (path, cookie, body = {}) =>
  fetch(`${store.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: store.url, cookie },
    body: JSON.stringify(body),
  });

const results = [];
try {
  const products = (await (await fetch(`${store.url}/api/products`)).json()).products;
  const bargainProduct = products.find((p) => p.bargain && !p.flash_sale);
  const starter = await signUp("发起人");
  const bargain = (await (await post("/api/bargains", starter, { product_id: bargainProduct.id })).json()).bargain;
  const member = await signUp("无障碍");
  await post("/api/distributor", member);
  const leader = await signUp("团长");
  const groupProduct = products.find((p) => p.group);
  const opened = await (
    await post("/api/orders", leader, {
      items: [{ product_id: groupProduct.id, quantity: 1 }],
      contact: { name: "团长", phone: "13912345678", address: "浙江省杭州市西湖区文三路 100 号" },
      open_group: true,
    })
  ).json();
  await post(`/api/orders/${opened.order.id}/pay`, leader);
  const pages = [
    [null, "/"],
    [null, `/p/${products[0].id}`],
    [null, `/p/${bargainProduct.id}`],
    [null, "/checkin"],
    [null, "/login"],
    [null, `/checkout?product_id=${products[0].id}`],
    [null, `/b/${bargain.id}`],
    [null, `/g/${opened.group.id}`],
    [null, "/clearance"],
    [member, "/checkin"],
    [member, "/bargains"],
    [member, "/groups"],
    [member, "/me"],
    [member, `/b/${bargain.id}`],
    [member, `/g/${opened.group.id}`],
    [leader, `/orders/${opened.order.id}`],
  ];
  for (const [cookie, path] of pages) {
    const { lhr } = await lighthouse(`${store.url}${path}`, {
      port: chrome.port,
      onlyCategories: ["accessibility"],
      formFactor: "mobile",
      screenEmulation: { mobile: true, width: 390, height: 844, deviceScaleFactor: 2, disabled: false },
      extraHeaders: cookie ? { cookie } : undefined,
      logLevel: "error",
    });
    // a signed-in page that sent Lighthouse to sign in would score the sign-in page instead
    const landed = new URL(lhr.finalDisplayedUrl);
    if (landed.pathname + landed.search !== path) throw new Error(`${path} ended at ${lhr.finalDisplayedUrl}`);
    const score = Math.round(lhr.categories.accessibility.score * 100);
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score === 0 && a.scoreDisplayMode === "binary")
      .map((a) => a.id);
    results.push({ path, who: cookie ? "signed in" : "signed out", score, failing });
    console.log(
      `${String(score).padStart(3)}  ${cookie ? "signed in " : "signed out"}  ${path}${failing.length ? `  (${failing.join(", ")})` : ""}`,
    );
  }
} finally {
  await chrome.kill();
  await store.stop();
}
console.log(`\n| page | visitor | accessibility |\n| --- | --- | ---: |`);
for (const r of results)
  console.log(`| ${r.path.replace(/\/([bg]|orders)\/[\w-]+/, "/$1/:id")} | ${r.who} | ${r.score} |`);
if (results.some((r) => r.score < 100)) process.exit(1);
