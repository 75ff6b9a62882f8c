// Reads through D1's Sessions API: replicas for anyone, the primary's view for a shopper's own writes.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BOOKMARK_COOKIE } from "../worker/middleware/database";
import { Client, ORIGIN, signUp, storeFetch } from "./helpers";

/** The D1 binding, recording how each request opened its session. */
function recordingDb() {
  const opened: string[] = [];
  const db = new Proxy(env.DB, {
    get(target, key) {
      if (key === "withSession") {
        return (start: string) => {
          opened.push(start);
          return target.withSession(start);
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { opened, bindings: { ...env, DB: db } };
}

const cookieHeader = (client: Client) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");

describe("read replicas with read-your-writes", () => {
  it("a shopper's check-in hands back the bookmark of the write, and their next page reads from it", async () => {
    const { client } = await signUp("签到人");
    const checkin = await client.fetch("/api/checkin", { method: "POST" });
    expect(checkin.status).toBe(200);
    const bookmark = client.cookies.get(BOOKMARK_COOKIE);
    expect(bookmark).toMatch(/^[0-9a-f]+(-[0-9a-f]+)+$/);
    expect(checkin.headers.get("set-cookie")).toMatch(
      new RegExp(`${BOOKMARK_COOKIE}=[^;]+; Max-Age=3600; Path=/; HttpOnly; SameSite=Lax`),
    );

    const { opened, bindings } = recordingDb();
    const page = await storeFetch(
      new Request(`${ORIGIN}/checkin`, { headers: { cookie: cookieHeader(client) } }),
      bindings,
    );
    expect(page.status).toBe(200);
    expect(opened).toEqual([bookmark]);
    // the page sees the write: today is checked in, ¥4.50 in the wallet
    const html = await page.text();
    expect(html).toContain("今日已签到");
    expect(html).toContain("¥4.50");
  });

  it("a visitor without a bookmark reads from any replica; a request that writes starts at the primary", async () => {
    const { opened, bindings } = recordingDb();
    await storeFetch(new Request(`${ORIGIN}/api/products`), bindings);
    const { client } = await signUp();
    client.cookies.delete(BOOKMARK_COOKIE);
    await storeFetch(
      new Request(`${ORIGIN}/api/checkin`, {
        method: "POST",
        headers: { cookie: cookieHeader(client), origin: ORIGIN },
      }),
      bindings,
    );
    expect(opened).toEqual(["first-unconstrained", "first-primary"]);
  });

  it("pages every shopper reads alike never set the bookmark cookie (a shared cache may keep them)", async () => {
    for (const path of ["/", "/p/1", "/api/products"]) {
      const res = await new Client().fetch(path);
      expect([path, res.headers.getSetCookie().some((c) => c.startsWith(`${BOOKMARK_COOKIE}=`))]).toEqual([
        path,
        false,
      ]);
    }
  });

  it("a forged bookmark is not passed to D1", async () => {
    const { opened, bindings } = recordingDb();
    for (const forged of ["x", "first-primary", "0000-zzzz", "a".repeat(300)]) {
      const res = await storeFetch(
        new Request(`${ORIGIN}/api/products`, { headers: { cookie: `${BOOKMARK_COOKIE}=${forged}` } }),
        bindings,
      );
      expect(res.status).toBe(200);
    }
    expect(opened).toEqual(Array(4).fill("first-unconstrained"));
  });
});
