// Distributors, their share links, and the visits through them (raw rows and per-day rollups).
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { DEVICE_CLASSES } from "../../core/enums";
import { users } from "./accounts";
import { products } from "./catalogue";

export const distributors = sqliteTable(
  "distributors",
  {
    userId: integer("user_id")
      .primaryKey()
      .references(() => users.id),
    code: text("code").notNull().unique(),
    recruiterUserId: integer("recruiter_user_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("distributors_recruiter_idx").on(t.recruiterUserId)],
);

export const links = sqliteTable(
  "links",
  {
    code: text("code").primaryKey(),
    distributorUserId: integer("distributor_user_id")
      .notNull()
      .references(() => users.id),
    /** NULL: the whole store. */
    productId: integer("product_id").references(() => products.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    // one link per distributor and target; NULLs are distinct in SQLite, hence two indexes
    uniqueIndex("links_product_uniq")
      .on(t.distributorUserId, t.productId)
      .where(sql`${t.productId} IS NOT NULL`),
    uniqueIndex("links_store_uniq")
      .on(t.distributorUserId)
      .where(sql`${t.productId} IS NULL`),
  ],
);

export const visits = sqliteTable(
  "visits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Made at the click (nanoid): a batch written twice (a retry, a queue redelivery) adds no row. */
    visitId: text("visit_id"),
    linkCode: text("link_code").notNull(),
    distributorUserId: integer("distributor_user_id").notNull(),
    visitorId: text("visitor_id").notNull(),
    at: integer("at").notNull(),
    isUnique: integer("is_unique", { mode: "boolean" }).notNull(),
    referer: text("referer"),
    country: text("country"),
    device: text("device", { enum: DEVICE_CLASSES }).notNull(),
  },
  (t) => [
    uniqueIndex("visits_visit_id_uniq").on(t.visitId),
    index("visits_link_visitor_at_idx").on(t.linkCode, t.visitorId, t.at),
    index("visits_distributor_at_idx").on(t.distributorUserId, t.at, t.isUnique),
    index("visits_at_idx").on(t.at),
    // the dashboard counts a day's unique visits as one range of this index, reading no rows
    index("visits_unique_at_idx").on(t.isUnique, t.at),
  ],
);

/**
 * Visits counted per store day and link, by the same batch that writes the visits
 * (db/record-visit.ts): the dashboard and distributor stats read these, not the raw rows.
 */
export const visitDays = sqliteTable(
  "visit_days",
  {
    /** The visit's calendar day in the store's time zone when it was written, `YYYY-MM-DD`. */
    day: text("day").notNull(),
    linkCode: text("link_code").notNull(),
    distributorUserId: integer("distributor_user_id").notNull(),
    visits: integer("visits").notNull(),
    uniqueVisits: integer("unique_visits").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.linkCode] }),
    // both cover their reads: a day's totals; a distributor's totals, all time or over some days
    index("visit_days_day_idx").on(t.day, t.visits, t.uniqueVisits),
    index("visit_days_distributor_idx").on(t.distributorUserId, t.day, t.visits, t.uniqueVisits),
  ],
);
