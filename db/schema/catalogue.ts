// What the store sells, and the merchant's settings.
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { GUARDS } from "./guards";

/** Merchant-editable settings (attribution window, check-in schedule, time zone…), JSON values. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** The cover: `images[0]`, or "" when there is none (kept for the queries that show only it). */
    imageUrl: text("image_url").notNull().default(""),
    /** Up to 9 picture URLs or paths, the cover first (a JSON array). */
    images: text("images", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    priceCents: integer("price_cents").notNull(),
    stock: integer("stock").notNull(),
    commissionBp: integer("commission_bp").notNull().default(1000),
    commissionL2Bp: integer("commission_l2_bp").notNull().default(300),
    /** Both set: the product allows bargains. */
    bargainFloorCents: integer("bargain_floor_cents"),
    bargainHelpers: integer("bargain_helpers"),
    /** All four set: the product has a flash sale. */
    flashPriceCents: integer("flash_price_cents"),
    flashStartsAt: integer("flash_starts_at"),
    flashEndsAt: integer("flash_ends_at"),
    flashStock: integer("flash_stock"),
    /** All four of size, price, hours and limit set: the product has a group deal (拼团). */
    groupSize: integer("group_size"),
    groupPriceCents: integer("group_price_cents"),
    groupHours: integer("group_hours"),
    groupPerUserLimit: integer("group_per_user_limit"),
    groupVirtualFillAt: integer("group_virtual_fill_at"),
    /** Set: the product is in the clearance zone (品牌清仓), sold at this price. */
    clearancePriceCents: integer("clearance_price_cents"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("products_active_idx").on(t.active, t.id),
    // never below zero, whatever the code above the database does
    check(GUARDS.stockNeverNegative, sql`${t.stock} >= 0`),
    check(GUARDS.flashStockNeverNegative, sql`${t.flashStock} IS NULL OR ${t.flashStock} >= 0`),
    check("products_price_nonneg", sql`${t.priceCents} >= 0`),
  ],
);
