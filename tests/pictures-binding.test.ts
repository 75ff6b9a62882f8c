// wrangler.toml binds the pictures bucket at the top level too: tests and `npm start` get a local one.
import { env } from "cloudflare:test";
import { expect, it } from "vitest";

it("the PICTURES bucket is simulated locally: a picture put is a picture read back", async () => {
  const key = `test/${crypto.randomUUID()}.png`;
  await env.PICTURES.put(key, new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { httpMetadata: { contentType: "image/png" } });
  const object = await env.PICTURES.get(key);
  expect(object?.httpMetadata?.contentType).toBe("image/png");
  expect(new Uint8Array(await object!.arrayBuffer())).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  await env.PICTURES.delete(key);
});
