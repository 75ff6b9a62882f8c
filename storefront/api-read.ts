// Reading the JSON API without hono/client's runtime, for islands on pages that must stay light
// (a product page: a phone in a chat downloads every byte). Answers come back as values, never as
// throws, in the same shape as api-client.ts's send(), which uses the same mapping.
import type { z } from "zod";
import type { productResponse } from "../core/contract/product";

export type ApiIssue = { path: string[]; message: string; code?: string };
export type ApiFailure = { ok: false; status: number; code: string; issues: ApiIssue[] };

/** The body of a successful answer, or its status, error code and issues (status 0, code `network`: no answer). */
export async function answerOf<T>(
  request: Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>,
): Promise<{ ok: true; status: number; body: T } | ApiFailure> {
  try {
    const res = await request;
    const body: unknown = await res.json().catch(() => null);
    if (res.ok) return { ok: true, status: res.status, body: body as T };
    const error = (body as { error?: { code?: string; issues?: ApiIssue[] } } | null)?.error;
    return { ok: false, status: res.status, code: error?.code ?? "unknown", issues: error?.issues ?? [] };
  } catch {
    return { ok: false, status: 0, code: "network", issues: [] };
  }
}

/**
 * A GET with the browser's own fetch, typed by the caller from the routes' own types
 * (`InferResponseType<(typeof api)[…]["$get"], 200>`, a type-only import of api-client.ts).
 * @example const res = await getJson<ProductGroups>(`/api/products/${id}/groups`)
 */
export function getJson<T>(path: `/api/${string}`) {
  return answerOf<T>(fetch(path, { credentials: "same-origin" }));
}

export type ProductResponse = z.infer<typeof productResponse>;

/** @returns the product as `GET /api/products/:id` answers it, or null (gone, or no answer) */
export async function readProduct(id: number): Promise<ProductResponse | null> {
  const res = await getJson<ProductResponse>(`/api/products/${id}`);
  return res.ok ? res.body : null;
}
