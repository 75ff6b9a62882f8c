// A friend's help on a bargain, counted against the store day's limit: what POST
// /api/bargains/:id/help and the bargain page's form both do.
import { calendarDay } from "../../core/rules/checkin-reward";
import { helpBargain, type HelpResult } from "../../db/bargains";
import type { Db } from "../../db/client";
import { getSettings } from "../../db/settings";

export async function helpBargainToday(
  db: Db,
  bargainId: string,
  helperUserId: number,
  now: number,
): Promise<HelpResult> {
  const settings = await getSettings(db, now);
  return helpBargain(db, {
    bargainId,
    helperUserId,
    day: calendarDay(now, settings.time_zone),
    helpsPerDay: settings.bargain_helps_per_day,
    now,
  });
}
