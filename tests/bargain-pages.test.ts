// The bargain pages: the one shared in chats (/b/:id), my bargains (/bargains), and the product page's start button.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
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
    expect(html).toContain('<meta property="og:image" content="http://store.test/img/honey.svg"/>');
    expect(html).toContain(`<meta property="og:url" content="${ORIGIN}/b/${bargain.id}"/>`);
    expect(html).toContain("还差 ¥98.99");
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

  it("puts a start-bargain button on a product page that allows bargains", async () => {
    const product = await createProduct(merchant, { price_cents: 9900, bargain: { floor_cents: 1, helpers: 3 } });
    const html = await (await new Client().fetch(`/p/${product.id}`)).text();
    expect(html).toContain('data-island="StartBargainButton"');
    expect(html).toContain("发起砍价，¥0.01 拿走");
  });
});
