// The check-in page: a signed-out visitor sees the schedule and a way to sign in. Its button is a
// plain form posting here, which checks in and comes back (303) to show the cash: it works before
// the page's script has loaded, and without one.
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
import { checkInToday } from "../services/check-in-today";
import { toProductView } from "../views/product";

/** /checkin, and its form's POST /checkin */
export const checkinPage = new Hono<AppEnv>()
  .use(privatePage)
  .post("/", async (c) => {
    const user = await currentUser(c);
    if (!user) return c.redirect(`/login?next=${encodeURIComponent("/checkin")}`, 303);
    const credited = await checkInToday(dbOf(c), user.id, c.var.now);
    // again the same day: the page says so itself (今日已签到)
    return c.redirect(credited ? "/checkin?done=1" : "/checkin", 303);
  })
  .get("/", async (c) => {
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
    const member = {
      status,
      walletCents,
      products: products.map(toProductView),
      justCheckedIn: c.req.query("done") === "1",
    };
    return c.render(<CheckinPage {...page} member={member} />);
  });
