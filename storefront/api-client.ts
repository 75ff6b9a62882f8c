// How islands call the JSON API: hono/client over the worker's own route types, so a changed
// contract fails the build instead of the page. Answers come back as values, never as throws.
import { hc, type ClientResponse } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
// the one import of worker/ outside it: a type, erased from the bundle (the linter allows just this)
import type { Api } from "../worker/index";
import { answerOf, type ApiFailure, type ApiIssue } from "./api-read";

export const api = hc<Api>("/", { init: { credentials: "same-origin" } }).api;
/** The product page's live stock reads without hono/client: see ./api-read.ts. */

export type { ApiFailure, ApiIssue } from "./api-read";

type Answer = ClientResponse<unknown, number, "json">;
/** The body of a successful answer, from the route's declared responses. */
type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, "json"> ? (S extends SuccessStatusCode ? T : never) : never;

/**
 * @returns the answer's body when it succeeded; otherwise its status, error code and issues
 *   (status 0 and code `network` when no answer came)
 * @example const res = await send(api.checkin.$post()); if (res.ok) show(res.body.credited_cents);
 */
export async function send<P extends Promise<Answer>>(
  request: P,
): Promise<{ ok: true; status: number; body: SuccessBody<Awaited<P>> } | ApiFailure> {
  return answerOf<SuccessBody<Awaited<P>>>(request);
}

/** Issues keyed by their dotted path (`flash_sale.price_cents`), the first message of each. */
export function issuesByField(issues: ApiIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path.join(".")] ??= i.message;
  return out;
}
