// The sign-in and sign-up forms work without JavaScript: they post (never GET, which would put the
// password in the URL), and the pages' own handlers sign in, set the session and send the visitor on.
import { describe, expect, it } from "vitest";
import { Client, createMerchant, createProduct, MERCHANT_PASSWORD, newPhone, signInMerchant, signUp } from "./helpers";

const FORM = { "content-type": "application/x-www-form-urlencoded" };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Every <form> tag of a page. */
const formsOf = (html: string) => html.match(/<form\b[^>]*>/g) ?? [];

describe("the sign-in page without JavaScript", () => {
  it("its form posts to /login; the sign-up link is a link, not a script", async () => {
    for (const path of ["/login?next=%2Fcheckin", "/login?mode=signup&next=%2Fcheckin", "/admin/login"]) {
      const html = await (await new Client().fetch(path)).text();
      const forms = formsOf(html);
      expect(forms.length, path).toBeGreaterThan(0);
      for (const tag of forms) expect(tag, path).toMatch(/method="post"/);
    }
    const login = await (await new Client().fetch("/login?next=%2Fcheckin")).text();
    expect(login).toContain('action="/login"');
    expect(login).toContain('name="next" value="/checkin"');
    expect(login).toMatch(/<a class="switch" href="\/login\?mode=signup&amp;next=%2Fcheckin"/);
  });

  it("signs up through the form: 303 to next, with the session cookie", async () => {
    const client = new Client();
    const phone = newPhone();
    const res = await client.fetch("/login", {
      headers: FORM,
      body: form({ mode: "signup", next: "/checkin", phone, password: "form-pass-123", nickname: "表单" }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/checkin");
    expect(client.cookies.has("sid")).toBe(true);
    expect((await client.json("/api/me")).body.user?.nickname).toBe("表单");
  });

  it("signs in through the form; a wrong password shows the refusal on the page, with the phone and without the password", async () => {
    const { phone } = await signUp();
    const wrong = new Client();
    const refused = await wrong.fetch("/login", {
      headers: FORM,
      body: form({ mode: "login", next: "/orders", phone, password: "not-the-password" }),
    });
    expect(refused.status).toBe(401);
    const page = await refused.text();
    expect(page).toContain("手机号或密码错误");
    expect(page).toContain(`value="${phone}"`);
    expect(page).not.toContain("not-the-password");
    expect(wrong.cookies.has("sid")).toBe(false);

    const right = new Client();
    const ok = await right.fetch("/login", {
      headers: FORM,
      body: form({ mode: "login", next: "/orders", phone, password: "correct-horse" }),
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/orders");
    expect((await right.json("/api/me")).body.user).not.toBeNull();
  });

  it("another host in next goes home; a taken phone is 409 on the page; a form from another site is refused", async () => {
    const { phone } = await signUp();
    const client = new Client();
    const res = await client.fetch("/login", {
      headers: FORM,
      body: form({ mode: "login", next: "//evil.example/x", phone, password: "correct-horse" }),
    });
    expect(res.headers.get("location")).toBe("/");
    const taken = await new Client().fetch("/login", {
      headers: FORM,
      body: form({ mode: "signup", next: "/", phone, password: "another-pass" }),
    });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("该手机号已注册");
    const forged = await new Client().fetch("/login", {
      headers: FORM,
      origin: "https://evil.example",
      body: form({ mode: "login", next: "/", phone, password: "correct-horse" }),
    });
    expect(forged.status).toBe(403);
  });
});

describe("the merchant's sign-in without JavaScript", () => {
  it("a merchant is signed in and sent on; a shopper's account is told why not and gets no session", async () => {
    const phone = await createMerchant();
    const merchant = new Client();
    const res = await merchant.fetch("/admin/login", {
      headers: FORM,
      body: form({ next: "/admin/orders", phone, password: MERCHANT_PASSWORD }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/orders");
    expect((await merchant.fetch("/admin/orders")).status).toBe(200);

    const shopper = await signUp();
    const stranger = new Client();
    const refused = await stranger.fetch("/admin/login", {
      headers: FORM,
      body: form({ next: "/admin", phone: shopper.phone, password: "correct-horse" }),
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("这不是商家账号");
    expect(stranger.cookies.has("sid")).toBe(false);
  });
});

describe("every form posts", () => {
  it("no page a shopper or the merchant opens has a form that would GET its fields into the URL", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { bargain: { floor_cents: 1, helpers: 2 } });
    const { client: shopper } = await signUp();
    const pages: Array<[Client, string]> = [
      [new Client(), "/"],
      [new Client(), `/p/${product.id}`],
      [new Client(), `/checkout?product_id=${product.id}`],
      [shopper, `/checkout?product_id=${product.id}`],
      [shopper, "/checkin"],
      [shopper, "/me"],
      [new Client(), "/login"],
      [new Client(), "/admin/login"],
      [merchant, "/admin/products/new"],
      [merchant, `/admin/products/${product.id}`],
      [merchant, "/admin/settings"],
    ];
    let forms = 0;
    for (const [client, path] of pages) {
      const res = await client.fetch(path);
      expect(res.status, path).toBe(200);
      for (const tag of formsOf(await res.text())) {
        forms += 1;
        expect(tag, path).toMatch(/method="post"/);
      }
    }
    expect(forms).toBeGreaterThanOrEqual(5);
  });
});
