// The guards the database enforces (CHECK constraints and triggers) by name.

/** Names of the guards the database enforces; code that maps their refusals compares these exactly. */
export const GUARDS = {
  stockNeverNegative: "products_stock_nonneg",
  flashStockNeverNegative: "products_flash_stock_nonneg",
  /** RAISEd by the wallet_ledger_never_negative trigger (migrations/0001_wallet_never_negative.sql). */
  walletNeverNegative: "insufficient_wallet",
  /** A group never holds more members than its size (and takes none while not open: db/group-seats.ts). */
  groupSeatsWithinSize: "groups_seats_within_size",
  /** RAISEd by the orders_group_rules trigger: a shopper is in one live group per product. */
  oneLiveGroupPerProduct: "already_in_group",
  /** RAISEd by the orders_group_rules trigger: group orders of a product within the per-shopper limit. */
  groupOrdersWithinLimit: "group_limit",
} as const;
