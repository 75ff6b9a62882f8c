// 拼团管理 (/admin/groups?status=), mounted at /admin behind adminOnly.
import { Hono } from "hono";
import { GROUP_STATUSES, type GroupStatus } from "../../core/enums";
import { listGroups } from "../../db/groups";
import { getSettings } from "../../db/settings";
import { AdminGroupsPage } from "../../storefront/pages/admin/groups";
import type { AppEnv } from "../app-env";
import { dbOf } from "../middleware/database";
import { toAdminGroupView } from "../views/group";

const GROUPS_SHOWN = 100;

const isGroupStatus = (value: unknown): value is GroupStatus => GROUP_STATUSES.includes(value as GroupStatus);

/** /admin/groups */
export const adminGroupsPage = new Hono<AppEnv>().get("/", async (c) => {
  const db = dbOf(c);
  const wanted = c.req.query("status");
  const status = isGroupStatus(wanted) ? wanted : null;
  const [rows, settings] = await Promise.all([
    listGroups(db, { status: status ?? undefined, limit: GROUPS_SHOWN }),
    getSettings(db, c.var.now),
  ]);
  return c.render(
    <AdminGroupsPage
      groups={rows.map((g) => toAdminGroupView(g, c.var.now, c.var.origin))}
      status={status}
      timeZone={settings.time_zone}
      limit={GROUPS_SHOWN}
    />,
  );
});
