// Group pages: the shared page of one group (/g/:id) and 我的拼团 (/groups). Both show what this
// visitor may do, so neither is cached; the group page's seats and members are live in its HTML.
import { Hono } from "hono";
import { joinRefusal, storeFilledSeats } from "../../core/rules/group-seats";
import { findGroupRecord, listUserGroups } from "../../db/groups";
import { findProduct } from "../../db/products";
import { getSettings } from "../../db/settings";
import { t } from "../../storefront/i18n";
import { GroupPage } from "../../storefront/pages/group";
import { GroupsPage } from "../../storefront/pages/groups";
import { NotFoundPage } from "../../storefront/pages/not-found";
import type { AppEnv } from "../app-env";
import { dbOf } from "../middleware/database";
import { privatePage } from "../middleware/private-page";
import { currentUser, requireUser } from "../middleware/session";
import { groupState, toGroupView } from "../views/group";
import { toProductView } from "../views/product";

const MINE_SHOWN = 50;

/** /g/:id */
export const groupPage = new Hono<AppEnv>().use(privatePage).get("/:id{[A-Za-z0-9_-]{1,32}}", async (c) => {
  const db = dbOf(c);
  const { now, origin } = c.var;
  const [found, user, settings] = await Promise.all([
    findGroupRecord(db, c.req.param("id")),
    currentUser(c),
    getSettings(db, now),
  ]);
  const product = found ? await findProduct(db, found.productId, { activeOnly: false }) : null;
  if (!found || !product) return c.render(<NotFoundPage message={t.groupNotFound} origin={origin} />, 404);
  const group = toGroupView(found, now, origin);
  const state = groupState(found);
  return c.render(
    <GroupPage
      origin={origin}
      now={now}
      group={group}
      product={toProductView(product)}
      storeSeats={storeFilledSeats(state, group.members.length, now)}
      joinable={product.active && joinRefusal(state, now, settings.order_hold_minutes * 60_000) === null}
      viewer={user ? { member: found.members.some((m) => m.userId === user.id) } : null}
    />,
  );
});

/** /groups */
export const myGroupsPage = new Hono<AppEnv>().use(privatePage).get("/", async (c) => {
  const user = await requireUser(c);
  const rows = await listUserGroups(dbOf(c), user.id, MINE_SHOWN);
  const items = rows.map((g) => ({ group: toGroupView(g, c.var.now, c.var.origin), product: g.product }));
  return c.render(<GroupsPage origin={c.var.origin} items={items} />);
});
