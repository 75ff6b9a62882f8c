// The check-in page: a signed-out visitor sees the schedule and a way to sign in.
import { Hono } from "hono";
import { h } from "preact";
import { listCheckins } from "../../db/checkins";
import { getDb } from "../../db/client";
import { listActiveProducts, toProductView } from "../../db/products";
import { getSettings } from "../../db/settings";
import { getWalletBalance } from "../../db/wallet";
import { CheckinPage } from "../../storefront/pages/checkin";
import type { AppEnv } from "../app-env";
import { now } from "../clock";
import { currentUser } from "../middleware/session";
import { renderPage } from "../render";
import { calendarDay, checkinStatus, previousDay, weekStart } from "../rules/checkin-reward";

export const checkinPageRoutes = new Hono<AppEnv>().get("/checkin", async (c) => {
  const db = getDb(c.env.DB);
  // the page shows one shopper's wallet: never from a shared cache
  c.header("cache-control", "private, no-store");
  const [user, settings] = await Promise.all([currentUser(c), getSettings(db)]);
  const at = now();
  const page = { origin: new URL(c.req.url).origin, now: at, scheduleCents: settings.checkin_schedule_cents };
  if (!user) return renderPage(c, h(CheckinPage, { ...page, member: null }));
  const today = calendarDay(at, settings.time_zone);
  const from = [weekStart(today), previousDay(today)].sort()[0]!;
  const [rows, walletCents, products] = await Promise.all([
    listCheckins(db, user.id, from, today),
    getWalletBalance(db, user.id),
    listActiveProducts(db),
  ]);
  const status = checkinStatus(today, rows, settings.checkin_schedule_cents);
  return renderPage(c, h(CheckinPage, { ...page, member: { status, walletCents, products: products.map(toProductView) } }));
});
