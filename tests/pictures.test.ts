// Product pictures: the merchant's upload (checked by its bytes, resized, stored once), the pictures
// every page shows, the chat cards chat apps draw and the posters whose QR codes open the links.
import { env } from "cloudflare:test";
import { imageSize } from "image-size";
import jsQR from "jsqr";
import UPNG from "upng-js";
import { describe, expect, it } from "vitest";
import { Client, ORIGIN, createProduct, fixture, signInMerchant, signUp, storeFetch, uploadPicture } from "./helpers";

const storedPictures = async () => (await env.PICTURES.list({ prefix: "pictures/" })).objects.map((o) => o.key);

/** What a response's bytes are, whatever its headers say. */
async function picture(res: Response) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const { width, height, type } = imageSize(bytes);
  return { bytes, width, height, type };
}

const ogImage = (html: string) => /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];

/** A URL as a chat app fetches it: a static file from the assets, the rest from the worker. */
const fetchAsChatApp = (url: string) =>
  new URL(url).pathname.startsWith("/pictures/") ? storeFetch(new Request(url)) : env.ASSETS.fetch(url);

describe("a merchant uploads a picture", () => {
  it("a 3000×2000 JPEG is stored as a WebP of 1080×720, served for a year as immutable", async () => {
    const merchant = await signInMerchant();
    const { status, body } = await uploadPicture(merchant, fixture("photo.jpg"));
    expect(status).toBe(201);
    expect(body.picture).toMatchObject({ width: 1080, height: 720, content_type: "image/webp" });
    expect(body.picture.url).toMatch(new RegExp(`^${ORIGIN}/pictures/[0-9a-f]{24}\\.webp$`));
    const res = await new Client().fetch(new URL(body.picture.url).pathname);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(await picture(res)).toMatchObject({ type: "webp", width: 1080, height: 720 });
  });

  it("the same picture twice is one object, and a browser's copy is answered 304", async () => {
    const merchant = await signInMerchant();
    const first = await uploadPicture(merchant, fixture("photo.png"), "a.png", "image/png");
    const again = await uploadPicture(merchant, fixture("photo.png"), "b.png", "image/png");
    expect(again.body.picture.url).toBe(first.body.picture.url);
    const path = new URL(first.body.picture.url).pathname;
    const etag = (await new Client().fetch(path)).headers.get("etag")!;
    expect((await new Client().fetch(path, { headers: { "if-none-match": etag } })).status).toBe(304);
  });

  it("a small picture keeps its size: pictures are shrunk, never enlarged", async () => {
    const { body } = await uploadPicture(await signInMerchant(), fixture("small.png"), "s.png", "image/png");
    expect(body.picture).toMatchObject({ width: 200, height: 120 });
  });

  it.each([
    ["text named .jpg", "not-an-image.jpg", "image/jpeg"],
    ["a JPEG cut short (its header looks fine)", "truncated.jpg", "image/jpeg"],
    ["an SVG drawing", "drawing.svg", "image/svg+xml"],
    // production's resizer reads HEIC; miniflare's local one has no HEVC decoder
    ["an iPhone's HEIC, here", "photo.heic", "image/heic"],
  ])("%s is refused 400 invalid_picture, and nothing is stored", async (_, name, type) => {
    const merchant = await signInMerchant();
    const before = await storedPictures();
    const { status, body } = await uploadPicture(merchant, fixture(name), name, type);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_picture");
    expect(await storedPictures()).toEqual(before);
  });

  it("11 MB is refused 413 too_large, and nothing is stored", async () => {
    const merchant = await signInMerchant();
    const before = await storedPictures();
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(fixture("photo.jpg"));
    const { status, body } = await uploadPicture(merchant, big);
    expect(status).toBe(413);
    expect(body.error.code).toBe("too_large");
    expect(await storedPictures()).toEqual(before);
  });

  it("a shopper may not upload (403), nor may anyone signed out (401)", async () => {
    const before = await storedPictures();
    const { client: shopper } = await signUp();
    expect((await uploadPicture(shopper, fixture("photo.jpg"))).status).toBe(403);
    expect((await uploadPicture(new Client(), fixture("photo.jpg"))).status).toBe(401);
    expect(await storedPictures()).toEqual(before);
  });

  it("a form without a file is 400 invalid_input naming the field", async () => {
    const form = new FormData();
    form.append("picture", "nothing");
    const { status, body } = await (await signInMerchant()).json("/api/admin/pictures", { body: form });
    expect(status).toBe(400);
    expect(body.error.issues[0]!.path).toEqual(["file"]);
  });
});

describe("a product's pictures", () => {
  it("up to 9, the first the cover; image_url alone replaces the cover", async () => {
    const merchant = await signInMerchant();
    const images = ["/img/tea.jpg", "/img/rice.jpg", "/img/honey.jpg"];
    const product = await createProduct(merchant, { images });
    expect(product.images).toEqual(images);
    expect(product.image_url).toBe("/img/tea.jpg");
    const { body } = await merchant.json(`/api/admin/products/${product.id}`, {
      method: "PATCH",
      body: { image_url: "/img/apple.jpg" },
    });
    expect(body.product.images).toEqual(["/img/apple.jpg", "/img/rice.jpg", "/img/honey.jpg"]);
    const ten = await merchant.json("/api/admin/products", {
      body: { title: "十张图", price_cents: 100, stock: 1, images: Array(10).fill("/img/tea.jpg") },
    });
    expect(ten.status).toBe(400);
    expect(ten.body.error.issues[0]!.path).toEqual(["images"]);
  });

  it("a product without a picture shows the store's placeholder, on the API and every page", async () => {
    const product = await createProduct(await signInMerchant(), { title: "无图商品" });
    expect(product.images).toEqual([]);
    expect(product.image_url).toBe("/img/placeholder.jpg");
    for (const path of ["/", `/p/${product.id}`]) {
      const html = await (await new Client().fetch(path)).text();
      expect(html).toContain('src="/img/placeholder.jpg" alt="无图商品"');
      expect(html).not.toMatch(/<img src=""/);
    }
  });
});

describe("chat cards", () => {
  it("an uploaded product's og:image is its 750×750 JPEG card, drawn once and then read back", async () => {
    const merchant = await signInMerchant();
    const { body } = await uploadPicture(merchant, fixture("photo.jpg"));
    const product = await createProduct(merchant, { title: "云南普洱", images: [new URL(body.picture.url).pathname] });
    const html = await (await new Client().fetch(`/p/${product.id}`)).text();
    const url = ogImage(html)!;
    expect(url).toMatch(new RegExp(`^${ORIGIN}/pictures/cards/${product.id}/[0-9a-f]{16}\\.jpg$`));
    expect(html).toContain('<meta property="og:image:width" content="750"/>');
    expect(html).toContain('<meta property="og:image:height" content="750"/>');
    expect(html).toContain('<meta property="og:image:alt" content="云南普洱"/>');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    const res = await storeFetch(new Request(url));
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect(await picture(res)).toMatchObject({ type: "jpg", width: 750, height: 750 });
    expect((await env.PICTURES.list({ prefix: `cards/${product.id}/` })).objects).toHaveLength(1);
    expect((await picture(await storeFetch(new Request(url)))).type).toBe("jpg");
  });

  it("a new price is a new card at a new URL; the old URL leads to the new card", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { images: ["/img/coffee.jpg"] });
    const before = ogImage(await (await new Client().fetch(`/p/${product.id}`)).text())!;
    await merchant.json(`/api/admin/products/${product.id}`, { method: "PATCH", body: { price_cents: 4900 } });
    const after = ogImage(await (await new Client().fetch(`/p/${product.id}`)).text())!;
    expect(after).not.toBe(before);
    const old = await storeFetch(new Request(before, { redirect: "manual" }));
    expect(old.status).toBe(302);
    expect(old.headers.get("location")).toBe(new URL(after).pathname);
  });

  it("every shareable page has a raster og:image of 600×600 or more; none is SVG", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, {
      images: ["/img/honey.jpg"],
      bargain: { floor_cents: 1, helpers: 3 },
    });
    const { client: starter } = await signUp("小李");
    const started = await starter.json("/api/bargains", { body: { product_id: product.id } });
    for (const path of ["/", `/p/${product.id}`, `/b/${started.body.bargain.id}`, "/checkin", "/me", "/login"]) {
      const html = await (await new Client().fetch(path)).text();
      const url = ogImage(html);
      expect(url, path).toMatch(/^http:\/\/store\.test\/.+\.(jpg|png)$/);
      const res = await fetchAsChatApp(url!);
      expect(res.status, `${path}: ${url}`).toBe(200);
      const { type, width, height } = await picture(res);
      expect(["jpg", "png"], path).toContain(type);
      expect(Math.min(width!, height!), path).toBeGreaterThanOrEqual(600);
      expect(html, path).not.toMatch(/og:image" content="[^"]+\.svg"/);
    }
  });
});

describe("posters", () => {
  it("a distributor's poster is a 750×1334 PNG whose QR code decodes to their short link", async () => {
    const product = await createProduct(await signInMerchant(), { title: "西湖龙井", images: ["/img/tea.jpg"] });
    const { client } = await signUp("小美");
    const { body } = await client.json("/api/links", { body: { product_id: product.id } });
    const res = await new Client().fetch(`/s/${body.link.code}/poster.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = await res.arrayBuffer();
    // decoded by libraries of their own (upng-js, jsQR), not by the store's renderer
    const image = UPNG.decode(png);
    expect([image.width, image.height]).toEqual([750, 1334]);
    const qr = jsQR(new Uint8ClampedArray(UPNG.toRGBA8(image)[0]!), image.width, image.height);
    expect(qr?.data).toBe(body.link.url);
  });

  it("the old /s/:code/qr.svg leads to the PNG; an unknown code is 404", async () => {
    const { client } = await signUp();
    const { body } = await client.json("/api/links", { body: {} });
    const old = await new Client().fetch(`/s/${body.link.code}/qr.svg`);
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe(`/s/${body.link.code}/poster.png`);
    expect((await new Client().fetch("/s/Zz9Zz9Zz/poster.png")).status).toBe(404);
  });

  it("the product page's poster: a distributor is sent to their own; anyone else's opens the product", async () => {
    const product = await createProduct(await signInMerchant(), { images: ["/img/rice.jpg"] });
    const { client } = await signUp();
    const { body } = await client.json("/api/links", { body: { product_id: product.id } });
    const mine = await client.fetch(`/p/${product.id}/poster.png`);
    expect(mine.status).toBe(302);
    expect(mine.headers.get("location")).toBe(`/s/${body.link.code}/poster.png`);
    expect(mine.headers.get("cache-control")).toBe("private, no-store");
    const anyone = await new Client().fetch(`/p/${product.id}/poster.png`);
    const image = UPNG.decode(await anyone.arrayBuffer());
    const qr = jsQR(new Uint8ClampedArray(UPNG.toRGBA8(image)[0]!), image.width, image.height);
    expect(qr?.data).toBe(`${ORIGIN}/p/${product.id}`);
  });
});
