-- The wallet can never go below zero: a spend larger than the balance aborts its whole batch
-- (the order that tried to spend it included), whatever the code above the database does.
CREATE TRIGGER `wallet_ledger_never_negative`
AFTER INSERT ON `wallet_ledger`
WHEN (SELECT coalesce(sum(`amount_cents`), 0) FROM `wallet_ledger` WHERE `user_id` = NEW.`user_id`) < 0
BEGIN
  SELECT RAISE(ABORT, 'insufficient_wallet');
END;
