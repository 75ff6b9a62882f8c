// How islands call the JSON API: hono/client over the worker's own route types, so a changed
// contract fails the build instead of the page. Answers come back as values, never as throws.
import { hc, type ClientResponse } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
// the one import of worker/ outside it: a type, erased from the bundle (the linter allows just this)
import type { Api } from "../worker/index";

export const api = hc<Api>("/", { init: { credentials: "same-origin" } }).api;
/** The product page's live stock reads without hono/client: see ./api-read.ts. */
export { readProduct } from "./api-read";

export type ApiIssue = { path: string[]; message: string; code?: string };
export type ApiFailure = { ok: false; status: number; code: string; issues: ApiIssue[] };

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
  try {
    const res = await request;
    const body: unknown = await res.json().catch(() => null);
    if (res.ok) return { ok: true, status: res.status, body: body as SuccessBody<Awaited<P>> };
    const error = (body as { error?: { code?: string; issues?: ApiIssue[] } } | null)?.error;
    return { ok: false, status: res.status, code: error?.code ?? "unknown", issues: error?.issues ?? [] };
  } catch {
    return { ok: false, status: 0, code: "network", issues: [] };
  }
}

/** Issues keyed by their dotted path (`flash_sale.price_cents`), the first message of each. */
export function issuesByField(issues: ApiIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path.join(".")] ??= i.message;
  return out;
}
