import {
  createExecutionContext,
  createMessageBatch,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Visit } from "../db/record-visit";
import { ORIGIN, createProduct, signInMerchant, signUp, worker } from "./helpers";

const PHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47";

const visitsOf = async (code: string) =>
  (await env.DB.prepare("SELECT visitor_id, is_unique FROM visits WHERE link_code = ? ORDER BY id").bind(code).all())
    .results;

async function linkCode() {
  const merchant = await signInMerchant();
  const product = await createProduct(merchant);
  const { client } = await signUp();
  return (await client.json("/api/links", { body: { product_id: product.id } })).body.link.code as string;
}

describe("visits through the VISITS queue, where that binding exists", () => {
  it("the redirect sends the visit to the queue and writes nothing itself", async () => {
    const code = await linkCode();
    const sent: Visit[] = [];
    const queue = {
      sendBatch: async (messages: { body: Visit }[]) => void sent.push(...messages.map((m) => m.body)),
    } as unknown as Queue<Visit>;
    const ctx = createExecutionContext();
    const request = new Request(`${ORIGIN}/s/${code}`, { headers: { "user-agent": PHONE_UA }, redirect: "manual" });
    const res = await worker.fetch(request as Parameters<typeof worker.fetch>[0], { ...env, VISITS: queue }, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(302);
    expect(sent).toEqual([expect.objectContaining({ linkCode: code, device: "mobile" })]);
    expect(await visitsOf(code)).toEqual([]);
  });

  it("the consumer writes a batch in order, uniqueness decided within the batch too", async () => {
    const code = await linkCode();
    const [{ distributor_user_id }] = (
      await env.DB.prepare("SELECT distributor_user_id FROM links WHERE code = ?")
        .bind(code)
        .all<{ distributor_user_id: number }>()
    ).results;
    const at = Date.now();
    const visit = (visitorId: string, offset: number): Visit => ({
      id: `${code}-${offset}`,
      linkCode: code,
      distributorUserId: distributor_user_id!,
      visitorId,
      at: at + offset,
      referer: null,
      country: "CN",
      device: "mobile",
    });
    const batch = createMessageBatch<Visit>("storefront-visits", [
      { id: "1", timestamp: new Date(at), attempts: 1, body: visit("aaaaaaaaaaaaaaaaaaaaa", 0) },
      { id: "2", timestamp: new Date(at), attempts: 1, body: visit("aaaaaaaaaaaaaaaaaaaaa", 1000) },
      { id: "3", timestamp: new Date(at), attempts: 1, body: visit("bbbbbbbbbbbbbbbbbbbbb", 2000) },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.retryBatch.retry).toBe(false);
    const written = [
      { visitor_id: "aaaaaaaaaaaaaaaaaaaaa", is_unique: 1 },
      { visitor_id: "aaaaaaaaaaaaaaaaaaaaa", is_unique: 0 },
      { visitor_id: "bbbbbbbbbbbbbbbbbbbbb", is_unique: 1 },
    ];
    expect(await visitsOf(code)).toEqual(written);

    // delivery is at least once: the same batch again (its ack lost) adds nothing
    await worker.queue(batch, env);
    expect(await visitsOf(code)).toEqual(written);
  });
});
