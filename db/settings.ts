// The merchant's settings: PRODUCT.md's defaults, overridden by rows of the settings table.
import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "./client";
import { settings } from "./schema";

export const settingsSchema = z.object({
  time_zone: z.string().min(1),
  attribution_window_days: z.number().int().min(1).max(90),
  unique_visit_window_s: z.number().int().min(1).max(86_400),
  commission_bp: z.number().int().min(0).max(10_000),
  commission_l2_bp: z.number().int().min(0).max(10_000),
  commission_maturity_days: z.number().int().min(0).max(90),
  checkin_schedule_cents: z.array(z.number().int().min(0).max(100_000)).min(1).max(31),
  bargain_floor_cents: z.number().int().min(0),
  bargain_helpers: z.number().int().min(1).max(100),
  bargain_ttl_hours: z.number().int().min(1).max(168),
  bargain_helps_per_day: z.number().int().min(1).max(100),
  order_hold_minutes: z.number().int().min(1).max(1440),
});

export type StoreSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: StoreSettings = {
  time_zone: "Asia/Shanghai",
  attribution_window_days: 7,
  unique_visit_window_s: 3600,
  commission_bp: 1000,
  commission_l2_bp: 300,
  commission_maturity_days: 7,
  checkin_schedule_cents: [450, 100, 50, 20, 20, 20, 60],
  bargain_floor_cents: 1,
  bargain_helpers: 20,
  bargain_ttl_hours: 24,
  bargain_helps_per_day: 5,
  order_hold_minutes: 15,
};

/** Settings change rarely and are read on hot paths (every visit): an isolate keeps them this long. */
export const SETTINGS_TTL_MS = 30_000;
let cached: { value: StoreSettings; until: number } | null = null;

/**
 * @returns the defaults merged with every stored override that still parses; from memory when read
 *   within the last 30 s by this isolate (a merchant's change reaches every isolate within that).
 */
export async function getSettings(db: Db): Promise<StoreSettings> {
  const at = Date.now();
  if (cached && cached.until > at) return cached.value;
  const value = await readSettings(db);
  cached = { value, until: at + SETTINGS_TTL_MS };
  return value;
}

async function readSettings(db: Db): Promise<StoreSettings> {
  const rows = await db.select().from(settings);
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (row.key in DEFAULT_SETTINGS) merged[row.key] = JSON.parse(row.value);
  }
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(db: Db, changes: Partial<StoreSettings>): Promise<void> {
  const rows = Object.entries(changes).map(([key, value]) => ({ key, value: JSON.stringify(value) }));
  if (rows.length === 0) return;
  cached = null;
  await db
    .insert(settings)
    .values(rows)
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } });
  cached = null;
}

/** Drops the merchant's overrides of these settings (all of them when none named): the defaults apply again. */
export async function resetSettings(db: Db, keys: Array<keyof StoreSettings> = []): Promise<void> {
  await (keys.length ? db.delete(settings).where(inArray(settings.key, keys)) : db.delete(settings));
  cached = null;
}
