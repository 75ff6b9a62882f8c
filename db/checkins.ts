// Check-ins: a user's days, and the one atomic write that records a day and credits its cash once.
import { and, asc, between, eq, sql } from "drizzle-orm";
import { previousDay, rewardForStreakDay, streakOn, type CheckinRecord } from "../core/rules/checkin-reward";
import type { Db } from "./client";
import { checkins } from "./schema";
import { creditWalletStatement, walletBalanceQuery } from "./wallet";

export type CheckinResult = CheckinRecord & { wallet_cents: number };

/** @returns the user's check-ins from `fromDay` through `toDay` (inclusive), oldest first. */
export async function listCheckins(db: Db, userId: number, fromDay: string, toDay: string): Promise<CheckinRecord[]> {
  return db
    .select({ day: checkins.day, streak: checkins.streak, credited_cents: checkins.creditedCents })
    .from(checkins)
    .where(and(eq(checkins.userId, userId), between(checkins.day, fromDay, toDay)))
    .orderBy(asc(checkins.day));
}

/**
 * Checks a user in for `day`: the streak continues from yesterday's check-in or restarts at 1,
 * and the schedule's cash for that streak day lands in the wallet. However many requests race,
 * a day is checked in and paid once.
 * @returns the check-in and the balance after it, or null when the day was already checked in
 */
export async function checkIn(
  db: Db,
  input: { userId: number; day: string; scheduleCents: readonly number[]; now: number },
): Promise<CheckinResult | null> {
  const { userId, day, now } = input;
  const [yesterday] = await listCheckins(db, userId, previousDay(day), previousDay(day));
  const streak = streakOn(day, yesterday ?? null);
  const creditedCents = rewardForStreakDay(streak, input.scheduleCents);
  const dayIsFree = sql`NOT EXISTS (SELECT 1 FROM ${checkins} WHERE ${checkins.userId} = ${userId} AND ${checkins.day} = ${day})`;
  // once a day: a D1 batch is one transaction, so the credit and the day's row are both decided by
  // "no check-in for this day yet" at the same moment — written together, or neither
  const [, inserted, [balance]] = await db.batch([
    creditWalletStatement(db, { userId, amountCents: creditedCents, kind: "checkin", now, onlyIf: dayIsFree }),
    db
      .insert(checkins)
      .values({ userId, day, streak, creditedCents, createdAt: now })
      .onConflictDoNothing()
      .returning({ day: checkins.day }),
    walletBalanceQuery(db, userId),
  ]);
  if (inserted.length === 0) return null;
  return { day, streak, credited_cents: creditedCents, wallet_cents: balance?.cents ?? 0 };
}

/** A check-in as it was made: its day's record and when it was written (epoch ms). */
export async function findCheckin(
  db: Db,
  userId: number,
  day: string,
): Promise<(CheckinRecord & { createdAt: number }) | null> {
  const [row] = await db
    .select({
      day: checkins.day,
      streak: checkins.streak,
      credited_cents: checkins.creditedCents,
      createdAt: checkins.createdAt,
    })
    .from(checkins)
    .where(and(eq(checkins.userId, userId), eq(checkins.day, day)))
    .limit(1);
  return row ?? null;
}
