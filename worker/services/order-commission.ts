// The commission an order's payment accrues, from the rates snapshotted on its items.
import { commissionShares, type CommissionShare } from "../../core/rules/commission";
import type { Db } from "../../db/client";
import { findDistributor } from "../../db/distributors";
import type { OrderWithItems } from "../../db/orders";

export async function orderCommissionShares(db: Db, order: OrderWithItems): Promise<CommissionShare[]> {
  if (order.distributorUserId === null) return [];
  const distributor = await findDistributor(db, order.distributorUserId);
  return commissionShares(
    order.items.map((i) => ({
      paid_cents: i.unitPriceCents * i.quantity,
      commission_bp: i.commissionBp,
      commission_l2_bp: i.commissionL2Bp,
    })),
    order.distributorUserId,
    distributor?.recruiterUserId ?? null,
  );
}
