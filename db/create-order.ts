// Places an order in one D1 batch (one transaction): the idempotency key, the order, its items,
// the group it opens or the seat it takes, the stock it takes, the wallet cash it spends and, for an
// order with nothing left to pay, its commission. Any refusal inside aborts the whole batch, so
// nothing is ever half-written.
import { getTableName } from "drizzle-orm";
import type { CommissionShare } from "../core/rules/commission";
import type { PricedLine } from "../core/rules/order-pricing";
import type { Db } from "./client";
import { accrueStatements } from "./commission-ledger";
import { constraintFailure, uniqueColumns } from "./constraint-failure";
import {
  groupPaidStatements,
  groupRefusalOf,
  openGroupStatement,
  takeSeatStatement,
  type GroupRefusal,
  type NewGroup,
} from "./group-seats";
import { GUARDS, idempotencyKeys, orderItems, orders } from "./schema";
import { takeStockStatement } from "./stock";
import { spendWalletStatement } from "./wallet";

export type NewOrder = {
  id: string;
  userId: number | null;
  visitorId: string;
  /** `requestHash`: of the canonical body, so the same key with another body is told apart. */
  idempotency: { scope: string; key: string; requestHash: string } | null;
  lines: PricedLine[];
  subtotalCents: number;
  walletCents: number;
  referrerCode: string | null;
  distributorUserId: number | null;
  /** Accrued at once when the wallet pays the whole order. */
  commissionShares: CommissionShare[];
  bargainId: string | null;
  /** A group order opens a group (its leader's seat with it) or joins one (a seat, refused once full or closed). */
  group: { open: NewGroup } | { join: { groupId: string; holdMs: number } } | null;
  contact: { name: string; phone: string; address: string };
  paymentProvider: "demo" | "stripe";
  holdUntil: number;
  now: number;
};

export type CreateOrderRefusal =
  "duplicate_key" | "out_of_stock" | "insufficient_wallet" | "bargain_purchased" | GroupRefusal;

const DUPLICATE_KEY = uniqueColumns(
  getTableName(idempotencyKeys),
  idempotencyKeys.scope.name,
  idempotencyKeys.key.name,
);
const BARGAIN_BOUGHT = uniqueColumns(getTableName(orders), orders.bargainId.name);

/** Which guard refused the batch, by its exact name. */
function refusalOf(error: unknown): CreateOrderRefusal | null {
  const failure = constraintFailure(error);
  if (failure?.kind === "unique" && failure.columns === DUPLICATE_KEY) return "duplicate_key";
  if (failure?.kind === "unique" && failure.columns === BARGAIN_BOUGHT) return "bargain_purchased";
  if (
    failure?.kind === "check" &&
    (failure.name === GUARDS.stockNeverNegative || failure.name === GUARDS.flashStockNeverNegative)
  ) {
    return "out_of_stock";
  }
  if (failure?.kind === "raise" && failure.message === GUARDS.walletNeverNegative) return "insufficient_wallet";
  return groupRefusalOf(failure);
}

export async function createOrder(
  db: Db,
  o: NewOrder,
): Promise<{ ok: true } | { ok: false; refusal: CreateOrderRefusal }> {
  const totalCents = o.subtotalCents - o.walletCents;
  const paidNow = totalCents === 0;
  const groupId = o.group ? ("open" in o.group ? o.group.open.id : o.group.join.groupId) : null;
  const statements = [
    ...(o.idempotency
      ? [db.insert(idempotencyKeys).values({ ...o.idempotency, orderId: o.id, createdAt: o.now })]
      : []),
    ...(o.group && "open" in o.group ? [openGroupStatement(db, o.group.open)] : []),
    // a group order breaking a shopper's group rules aborts here (the orders_group_rules trigger)
    db.insert(orders).values({
      id: o.id,
      userId: o.userId,
      visitorId: o.visitorId,
      status: paidNow ? "paid" : "pending",
      subtotalCents: o.subtotalCents,
      walletCents: o.walletCents,
      totalCents,
      referrerCode: o.referrerCode,
      distributorUserId: o.distributorUserId,
      bargainId: o.bargainId,
      groupId,
      contactName: o.contact.name,
      contactPhone: o.contact.phone,
      contactAddress: o.contact.address,
      paymentProvider: o.paymentProvider,
      holdUntil: o.holdUntil,
      createdAt: o.now,
      paidAt: paidNow ? o.now : null,
    }),
    ...(o.group && "join" in o.group ? [takeSeatStatement(db, groupId!, o.now, o.group.join.holdMs)] : []),
    // a row a statement: D1 binds at most 100 parameters per statement, and 20 rows bind 140
    ...o.lines.map((l) =>
      db.insert(orderItems).values({
        orderId: o.id,
        productId: l.product_id,
        quantity: l.quantity,
        unitPriceCents: l.unit_price_cents,
        fromFlashStock: l.from_flash_stock,
        commissionBp: l.commission_bp,
        commissionL2Bp: l.commission_l2_bp,
      }),
    ),
    // stock never below zero: the CHECK constraints on products abort the batch
    ...o.lines.map((l) => takeStockStatement(db, l.product_id, l.quantity, l.from_flash_stock)),
    // the wallet never below zero: the ledger's trigger aborts the batch
    ...(o.walletCents > 0 && o.userId !== null
      ? [spendWalletStatement(db, { userId: o.userId, orderId: o.id, amountCents: o.walletCents, now: o.now })]
      : []),
    ...(paidNow ? accrueStatements(db, o.id, o.commissionShares, o.now) : []),
    ...(paidNow && groupId ? groupPaidStatements(db, groupId, o.id, o.now) : []),
  ];
  try {
    await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
    return { ok: true };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return { ok: false, refusal };
    throw error;
  }
}
