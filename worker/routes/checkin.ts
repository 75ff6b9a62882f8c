// Check-in cash: check in once a day in the store's time zone, and see where the streak stands.
import { createRoute } from "@hono/zod-openapi";
import { checkinResponse, checkinStatusResponse } from "../../core/contract/checkin";
import { idempotencyHeader } from "../../core/contract/common";
import { calendarDay, checkinStatus, previousDay } from "../../core/rules/checkin-reward";
import { listCheckins } from "../../db/checkins";
import { getSettings } from "../../db/settings";
import { getWalletBalance } from "../../db/wallet";
import { ApiError } from "../errors";
import { dbOf } from "../middleware/database";
import { idempotent } from "../middleware/idempotency";
import { requireUser } from "../middleware/session";
import { SIGNED_IN, createRouter, errors, json, link } from "../openapi";
import { checkInMadeSince, checkInToday } from "../services/check-in-today";

/** /api/checkin */
export const checkinApi = createRouter()
  .openapi(
    createRoute({
      operationId: "checkIn",
      summary: "Check in today and collect the day's cash",
      security: SIGNED_IN,
      method: "post",
      path: "/",
      middleware: [idempotent] as const,
      request: { headers: idempotencyHeader },
      responses: {
        200: {
          ...json(checkinResponse, "Checked in; the day's cash is in the wallet"),
          links: { getCheckin: link("getCheckin") },
        },
        ...errors(400, 401, 403, 409, 422, 500),
      },
    }),
    async (c) => {
      const user = await requireUser(c);
      const db = dbOf(c);
      const result =
        (await checkInToday(db, user.id, c.var.now)) ??
        // a retry of a check-in a crash cut after it was written: the answer that request would have given
        (c.var.idempotencyResumedFrom !== undefined
          ? await checkInMadeSince(db, user.id, c.var.now, c.var.idempotencyResumedFrom)
          : null);
      if (!result) throw new ApiError(409, "already_checked_in", "Already checked in today; come back tomorrow");
      return c.json(result, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: "getCheckin",
      summary: "Today's check-in, the streak and the wallet",
      security: SIGNED_IN,
      method: "get",
      path: "/",
      responses: {
        200: json(checkinStatusResponse, "Today's check-in, the streak and the wallet"),
        ...errors(401, 500),
      },
    }),
    async (c) => {
      const user = await requireUser(c);
      const db = dbOf(c);
      const settings = await getSettings(db, c.var.now);
      const today = calendarDay(c.var.now, settings.time_zone);
      const [rows, walletCents] = await Promise.all([
        listCheckins(db, user.id, previousDay(today), today),
        getWalletBalance(db, user.id),
      ]);
      const status = checkinStatus(today, rows, settings.checkin_schedule_cents);
      return c.json(
        {
          checked_in_today: status.checked_in_today,
          streak: status.streak,
          schedule_cents: settings.checkin_schedule_cents,
          wallet_cents: walletCents,
          day: today,
          today_cents: status.today_cents,
        },
        200,
      );
    },
  );
