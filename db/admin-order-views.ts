// Orders as the merchant sees them: with the attributed distributor and the delivery contact.
import { inArray } from "drizzle-orm";
import type { Db } from "./client";
import { toOrderView, type OrderWithItems } from "./orders";
import { users } from "./schema";

/** @returns the API's admin order shape for each order, distributor nicknames read in one query. */
export async function adminOrderViews(db: Db, list: OrderWithItems[]) {
  const ids = [...new Set(list.map((o) => o.distributorUserId).filter((id): id is number => id !== null))];
  const names = ids.length
    ? await db.select({ id: users.id, nickname: users.nickname }).from(users).where(inArray(users.id, ids))
    : [];
  return list.map((o) => ({
    ...toOrderView(o),
    distributor:
      o.distributorUserId === null
        ? null
        : {
            user_id: o.distributorUserId,
            nickname: names.find((n) => n.id === o.distributorUserId)?.nickname ?? "",
            code: o.referrerCode,
          },
    contact: { name: o.contactName, phone: o.contactPhone, address: o.contactAddress },
  }));
}
