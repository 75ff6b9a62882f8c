// Taking and returning stock, as batchable statements. A sale unit is also a product unit.
import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "./client";
import { products } from "./schema";

/** Never below zero: the products CHECK constraints abort the batch this sits in. */
export function takeStockStatement(db: Db, productId: number, quantity: number, fromFlash: boolean) {
  return db
    .update(products)
    .set({
      stock: sql`${products.stock} - ${quantity}`,
      ...(fromFlash ? { flashStock: sql`${products.flashStock} - ${quantity}` } : {}),
    })
    .where(eq(products.id, productId));
}

/** Puts stock back only while `onlyIf` holds, so a release guarded by a flag happens once. */
export function releaseStockStatement(db: Db, productId: number, quantity: number, fromFlash: boolean, onlyIf: SQL) {
  return db
    .update(products)
    .set({
      stock: sql`${products.stock} + ${quantity}`,
      ...(fromFlash ? { flashStock: sql`${products.flashStock} + ${quantity}` } : {}),
    })
    .where(sql`${products.id} = ${productId} AND ${onlyIf}`);
}
