// The check-in page: a signed-out visitor sees the schedule and a way to sign in.
import { Hono } from "hono";
import { calendarDay, checkinStatus, previousDay, weekStart } from "../../core/rules/checkin-reward";
import { listCheckins } from "../../db/checkins";
import { listActiveProducts } from "../../db/products";
import { getSettings } from "../../db/settings";
import { getWalletBalance } from "../../db/wallet";
import { CheckinPage } from "../../storefront/pages/checkin";
import type { AppEnv } from "../app-env";
import { dbOf } from "../middleware/database";
import { privatePage } from "../middleware/private-page";
import { currentUser } from "../middleware/session";
import { toProductView } from "../views/product";

/** /checkin */
export const checkinPage = new Hono<AppEnv>().use(privatePage).get("/", async (c) => {
  const db = dbOf(c);
  const [user, settings] = await Promise.all([currentUser(c), getSettings(db, c.var.now)]);
  const page = { origin: c.var.origin, now: c.var.now, scheduleCents: settings.checkin_schedule_cents };
  if (!user) return c.render(<CheckinPage {...page} member={null} />);
  const today = calendarDay(c.var.now, settings.time_zone);
  const from = [weekStart(today), previousDay(today)].sort()[0]!;
  const [rows, walletCents, products] = await Promise.all([
    listCheckins(db, user.id, from, today),
    getWalletBalance(db, user.id),
    listActiveProducts(db),
  ]);
  const status = checkinStatus(today, rows, settings.checkin_schedule_cents);
  return c.render(<CheckinPage {...page} member={{ status, walletCents, products: products.map(toProductView) }} />);
});
