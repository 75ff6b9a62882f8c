// The bargain pages: the one shared in chats (/b/:id), my bargains (/bargains), and the product page's start button.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatCny } from "../storefront/format";
import {
  Client,
  ORIGIN,
  createProduct,
  helpBargain as help,
  signInMerchant,
  signUp,
  startedBargain as startedBargainBy,
  setClockForTests,
} from "./helpers";

/** What a browser's form post sends. */
const FORM = { "content-type": "application/x-www-form-urlencoded" };
/** 10:00 in Shanghai, the store's time zone. */
const T0 = Date.parse("2026-11-25T02:00:00Z");

let merchant: Client;
const startedBargain = (fields: Record<string, unknown> = {}) => startedBargainBy(merchant, fields);

beforeAll(async () => {
  merchant = await signInMerchant();
});
beforeEach(() => setClockForTests(T0));
afterEach(() => setClockForTests(null));

describe("the bargain page", () => {
  it("renders the shared page with picture, what is left to cut, the clock, the help button and a card that asks for a cut", async () => {
    const { bargain } = await startedBargain({ title: "秦岭土蜂蜜 500g", image_url: "/img/honey.svg" });
    const res = await new Client().fetch(`/b/${bargain.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<meta property="og:title" content="帮我砍一刀！秦岭土蜂蜜 500g，¥0.01 就能拿走"/>');
    // the product's chat card (never the SVG)
    expect(html).toMatch(
      /<meta property="og:image" content="http:\/\/store\.test\/pictures\/cards\/\d+\/[0-9a-f]{16}\.jpg"\/>/,
    );
    expect(html).toContain(`<meta property="og:url" content="${ORIGIN}/b/${bargain.id}"/>`);
    expect(html).toContain("还差 ¥98.99");
    // the top card shows the price it stands at, and the floor as where the cuts end, not as its price
    expect(html).toContain('<span class="price">当前 ¥99.00</span>');
    expect(html).toContain("好友帮砍到底价，¥0.01 就能拿走");
    expect(html).toContain('aria-label="砍价进度"');
    expect(html).toContain('role="timer"');
    expect(html).toContain('data-island="BargainHelpButton"');
    expect(html).toContain("帮砍一刀");
  });

  it("shows the starter a share button, then a link to buy at the floor once complete", async () => {
    const { starter, bargain } = await startedBargain({ bargain: { floor_cents: 1, helpers: 1 } });
    expect(await (await starter.client.fetch(`/b/${bargain.id}`)).text()).toContain("邀请好友帮砍");
    const friend = await signUp("阿强");
    expect((await help(friend.client, bargain.id)).status).toBe(200);
    const html = await (await starter.client.fetch(`/b/${bargain.id}`)).text();
    expect(html).toContain(`href="/checkout?bargain_id=${bargain.id}"`);
    expect(html).toContain("¥0.01 买走");
    const friendView = await (await friend.client.fetch(`/b/${bargain.id}`)).text();
    expect(friendView).toContain("你已帮砍 ¥98.99");
    expect(friendView).not.toContain("/checkout?bargain_id=");
  });

  it("escapes a helper's nickname with markup", async () => {
    const { bargain } = await startedBargain();
    const friend = await signUp(`<img src=x onerror=alert(1)>`);
    expect((await help(friend.client, bargain.id)).status).toBe(200);
    const html = await (await new Client().fetch(`/b/${bargain.id}`)).text();
    expect(html).not.toContain("<img src=x onerror");
    expect(html).toContain("&lt;img src=x onerror=alert(1)>");
  });

  it("answers an unknown bargain with the not-found page", async () => {
    expect((await new Client().fetch("/b/nosuchbargain")).status).toBe(404);
  });

  it("lists my bargains at /bargains, and sends a signed-out visitor to sign in first", async () => {
    const { starter } = await startedBargain({ title: "五常大米" });
    const html = await (await starter.client.fetch("/bargains")).text();
    expect(html).toContain("五常大米");
    expect(html).toContain("砍价中");
    const guest = await new Client().fetch("/bargains");
    expect(guest.status).toBe(302);
    expect(guest.headers.get("location")).toBe("/login?next=%2Fbargains");
  });

  it("puts a start-bargain form on a product page that allows bargains: no script needed", async () => {
    const product = await createProduct(merchant, { price_cents: 9900, bargain: { floor_cents: 1, helpers: 3 } });
    const html = await (await new Client().fetch(`/p/${product.id}`)).text();
    expect(html).toContain(`<form class="start-bargain" method="post" action="/p/${product.id}/bargain">`);
    expect(html).toContain("发起砍价，¥0.01 拿走");
    const { client } = await signUp("小李");
    const started = await client.fetch(`/p/${product.id}/bargain`, { method: "POST", body: "", headers: FORM });
    expect(started.status).toBe(303);
    const bargainPath = started.headers.get("location")!;
    expect(bargainPath).toMatch(/^\/b\/[A-Za-z0-9_-]+$/);
    // again: the same live bargain
    const again = await client.fetch(`/p/${product.id}/bargain`, { method: "POST", body: "", headers: FORM });
    expect(again.headers.get("location")).toBe(bargainPath);
    const guest = await new Client().fetch(`/p/${product.id}/bargain`, { method: "POST", body: "", headers: FORM });
    expect(guest.headers.get("location")).toBe(`/login?next=${encodeURIComponent(`/p/${product.id}`)}`);
    const plain = await createProduct(merchant, {});
    const refused = await client.fetch(`/p/${plain.id}/bargain`, { method: "POST", body: "", headers: FORM });
    expect(refused.headers.get("location")).toBe(`/p/${plain.id}?bargain=bargain_not_allowed`);
    expect(await (await client.fetch(refused.headers.get("location")!)).text()).toContain("这件商品暂不支持砍价");
  });

  it("a friend helps with the page's form alone (no script) and sees the cut on the page", async () => {
    const { bargain } = await startedBargain();
    const friend = await signUp("阿强");
    const posted = await friend.client.fetch(`/b/${bargain.id}/help`, { method: "POST", body: "", headers: FORM });
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toBe(`/b/${bargain.id}?helped=1`);
    const cut = (await friend.client.json(`/api/bargains/${bargain.id}`)).body.helpers[0]!.cut_cents;
    const html = await (await friend.client.fetch(`/b/${bargain.id}?helped=1`)).text();
    expect(html).toContain(`<p class="help-result" role="status"><b>你帮好友砍掉了 ${formatCny(cut)}</b></p>`);
    // twice is refused, and the page says why
    const again = await friend.client.fetch(`/b/${bargain.id}/help`, { method: "POST", body: "", headers: FORM });
    expect(again.headers.get("location")).toBe(`/b/${bargain.id}?refused=already_helped`);
    const guest = await new Client().fetch(`/b/${bargain.id}/help`, { method: "POST", body: "", headers: FORM });
    expect(guest.headers.get("location")).toBe(`/login?next=${encodeURIComponent(`/b/${bargain.id}`)}`);
  });
});
