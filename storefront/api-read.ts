// The one public read an island of the product page makes (its live stock), with `fetch` alone: the
// page a chat link opens stays within the first 14 KB without hono/client (storefront/api-client.ts,
// which re-exports this, is for everything else).
import type { z } from "zod";
import type { productResponse } from "../core/contract/product";

export type ProductResponse = z.infer<typeof productResponse>;

/** @returns the product as `GET /api/products/:id` answers it, or null (gone, or no answer) */
export async function readProduct(id: number): Promise<ProductResponse | null> {
  try {
    const res = await fetch(`/api/products/${id}`, { credentials: "same-origin" });
    return res.ok ? ((await res.json()) as ProductResponse) : null;
  } catch {
    return null;
  }
}
