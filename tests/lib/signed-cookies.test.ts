// Our signed cookies are hono/cookie's, byte for byte: sessions signed before the key cache still read.
import { Hono } from "hono";
import * as hono from "hono/cookie";
import { describe, expect, it } from "vitest";
import { getSignedCookie, setSignedCookie } from "../../worker/lib/signed-cookies";

const SECRET = "a-test-secret-of-some-length";
const OPTIONS = { httpOnly: true, sameSite: "Lax", path: "/", maxAge: 60 } as const;

const app = new Hono()
  .get("/ours", async (c) => (await setSignedCookie(c, "sid", "abc~123", SECRET, OPTIONS), c.body(null, 204)))
  .get("/hono", async (c) => (await hono.setSignedCookie(c, "sid", "abc~123", SECRET, OPTIONS), c.body(null, 204)))
  .get("/read/ours", async (c) => c.json({ value: (await getSignedCookie(c, SECRET, "sid")) ?? null }))
  .get("/read/hono", async (c) => c.json({ value: (await hono.getSignedCookie(c, SECRET, "sid")) ?? null }));

const setCookie = async (path: string) => (await app.request(path)).headers.get("set-cookie")!;
const read = async (path: string, cookie?: string) =>
  (await (await app.request(path, { headers: cookie ? { cookie } : {} })).json<{ value: string | false | null }>())
    .value;

describe("signed cookies", () => {
  it("write the same Set-Cookie header as hono/cookie", async () => {
    expect(await setCookie("/ours")).toBe(await setCookie("/hono"));
  });

  it("each reads what the other wrote", async () => {
    const pair = (await setCookie("/hono")).split(";")[0]!;
    expect(await read("/read/ours", pair)).toBe("abc~123");
    expect(await read("/read/hono", (await setCookie("/ours")).split(";")[0])).toBe("abc~123");
  });

  it("a changed value or a foreign signature is false; absent or unsigned is undefined, as in hono/cookie", async () => {
    const pair = (await setCookie("/ours")).split(";")[0]!;
    const tampered = pair.replace("abc", "abd");
    const otherSecret = await (async () => {
      const c = new Hono().get(
        "/",
        async (ctx) => (await setSignedCookie(ctx, "sid", "abc~123", "another-secret", OPTIONS), ctx.body(null)),
      );
      return (await c.request("/")).headers.get("set-cookie")!.split(";")[0]!;
    })();
    for (const [cookie, expected] of [
      [tampered, false],
      [otherSecret, false],
      ["sid=abc~123", null],
      ["sid=abc~123.short", null],
      [undefined, null],
    ] as const) {
      expect(await read("/read/ours", cookie)).toBe(expected);
      expect(await read("/read/hono", cookie)).toBe(expected);
    }
  });
});
