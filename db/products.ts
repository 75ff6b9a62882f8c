// Catalogue reads and the merchant's writes.
import { and, asc, eq, getTableName } from "drizzle-orm";
import { customAlphabet } from "nanoid";
import type { CreateProductInput } from "../core/contract/product";
import { picturesOfBody } from "../core/rules/product-pictures";
import type { Db } from "./client";
import { constraintFailure, uniqueColumns } from "./constraint-failure";
import { products } from "./schema";

const SLUG_TAKEN = uniqueColumns(getTableName(products), products.slug.name);

export type ProductRow = typeof products.$inferSelect;

const slugSuffix = customAlphabet("abcdefghijkmnpqrstuvwxyz23456789", 8);

/** The API's product fields as table columns. */
function toColumns(input: CreateProductInput, defaults: { commission_bp: number; commission_l2_bp: number }) {
  const images = picturesOfBody(input);
  return {
    slug: input.slug ?? `p-${slugSuffix()}`,
    title: input.title,
    description: input.description,
    imageUrl: images[0] ?? "",
    images,
    priceCents: input.price_cents,
    stock: input.stock,
    commissionBp: input.commission_bp ?? defaults.commission_bp,
    commissionL2Bp: input.commission_l2_bp ?? defaults.commission_l2_bp,
    bargainFloorCents: input.bargain?.floor_cents ?? null,
    bargainHelpers: input.bargain?.helpers ?? null,
    flashPriceCents: input.flash_sale?.price_cents ?? null,
    flashStartsAt: input.flash_sale ? Date.parse(input.flash_sale.starts_at) : null,
    flashEndsAt: input.flash_sale ? Date.parse(input.flash_sale.ends_at) : null,
    flashStock: input.flash_sale?.stock ?? null,
    groupSize: input.group?.size ?? null,
    groupPriceCents: input.group?.price_cents ?? null,
    groupHours: input.group?.hours ?? null,
    groupPerUserLimit: input.group?.per_user_limit ?? null,
    groupVirtualFillAt: input.group?.virtual_fill_at ?? null,
    clearancePriceCents: input.clearance?.price_cents ?? null,
    active: input.active,
  };
}

export async function listActiveProducts(db: Db): Promise<ProductRow[]> {
  return db.select().from(products).where(eq(products.active, true)).orderBy(asc(products.id));
}

export async function listAllProducts(db: Db): Promise<ProductRow[]> {
  return db.select().from(products).orderBy(asc(products.id));
}

export async function findProduct(db: Db, id: number, opts: { activeOnly: boolean }): Promise<ProductRow | null> {
  const where = opts.activeOnly ? and(eq(products.id, id), eq(products.active, true)) : eq(products.id, id);
  const [row] = await db.select().from(products).where(where).limit(1);
  return row ?? null;
}

/** @returns the new product, or null when the slug is taken. */
export async function insertProduct(
  db: Db,
  input: CreateProductInput,
  defaults: { commission_bp: number; commission_l2_bp: number },
  now: number,
): Promise<ProductRow | null> {
  const [row] = await db
    .insert(products)
    .values({ ...toColumns(input, defaults), createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: products.slug })
    .returning();
  return row ?? null;
}

/**
 * Replaces the editable fields with the merged, validated product.
 * @param counters the stock counters this edit sets; the others keep what orders made of them since
 *   the product was read (an edit of the title must not put back units sold meanwhile)
 * @returns null when the slug is taken.
 */
export async function replaceProduct(
  db: Db,
  id: number,
  input: CreateProductInput,
  now: number,
  counters: { stock: boolean; flashStock: boolean },
): Promise<ProductRow | null> {
  const { stock, flashStock, ...columns } = toColumns(input, { commission_bp: 0, commission_l2_bp: 0 });
  try {
    const [row] = await db
      .update(products)
      .set({
        ...columns,
        ...(counters.stock ? { stock } : {}),
        ...(counters.flashStock ? { flashStock } : {}),
        updatedAt: now,
      })
      .where(eq(products.id, id))
      .returning();
    return row ?? null;
  } catch (e) {
    const failure = constraintFailure(e);
    if (failure?.kind === "unique" && failure.columns === SLUG_TAKEN) return null;
    throw e;
  }
}
