// The merchant's settings as stored: the defaults, overridden by rows of the settings table.
import { inArray, sql } from "drizzle-orm";
import { DEFAULT_SETTINGS, settingsSchema, type StoreSettings } from "../core/contract/settings";
import type { Db } from "./client";
import { settings } from "./schema";

/** Settings change rarely and are read on hot paths (every visit): an isolate keeps them this long. */
export const SETTINGS_TTL_MS = 30_000;
let cached: { value: StoreSettings; readAt: number } | null = null;

/**
 * @param now the request's instant: a reading is kept while `now` is within 30 s after it (a clock
 *   that jumps back, as a test's can, reads again)
 * @returns the defaults merged with every stored override that still parses; from memory when read
 *   within the last 30 s by this isolate (a merchant's change reaches every isolate within that).
 */
export async function getSettings(db: Db, now: number): Promise<StoreSettings> {
  if (cached && now >= cached.readAt && now < cached.readAt + SETTINGS_TTL_MS) return cached.value;
  const value = await readSettings(db);
  cached = { value, readAt: now };
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
