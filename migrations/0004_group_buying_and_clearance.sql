CREATE TABLE `groups` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` integer NOT NULL,
	`leader_user_id` integer NOT NULL,
	`status` text NOT NULL,
	`size` integer NOT NULL,
	`price_cents` integer NOT NULL,
	`hours` integer NOT NULL,
	`per_user_limit` integer NOT NULL,
	`virtual_fill_at` integer,
	`reserved` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`opened_at` integer,
	`closed_at` integer,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "groups_seats_within_size" CHECK("groups"."reserved" <= "groups"."size")
);
--> statement-breakpoint
CREATE INDEX `groups_product_status_idx` ON `groups` (`product_id`,`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `groups_status_expires_idx` ON `groups` (`status`,`expires_at`);--> statement-breakpoint
ALTER TABLE `orders` ADD `group_id` text REFERENCES groups(id);--> statement-breakpoint
ALTER TABLE `orders` ADD `stripe_payment_intent_id` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `provider_refund` text;--> statement-breakpoint
CREATE INDEX `orders_group_idx` ON `orders` (`group_id`,`status`) WHERE "orders"."group_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `orders_provider_refund_idx` ON `orders` (`provider_refund`) WHERE "orders"."provider_refund" = 'due';--> statement-breakpoint
ALTER TABLE `products` ADD `group_size` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `group_price_cents` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `group_hours` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `group_per_user_limit` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `group_virtual_fill_at` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `clearance_price_cents` integer;--> statement-breakpoint
-- Hand-written (drizzle-kit does not write triggers). A shopper is in at most one live group per
-- product (pending or open, their order pending or paid), so they also join a group once; and
-- their group orders of a product that count (pending, paid, shipped, completed) stay within the
-- group's per-shopper limit. An order breaking either aborts its whole batch, the group it opened
-- and the seat it took included, whatever the code above the database does.
CREATE TRIGGER `orders_group_rules`
BEFORE INSERT ON `orders`
WHEN NEW.`group_id` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'already_in_group') WHERE EXISTS (
    SELECT 1 FROM `orders` o JOIN `groups` g ON g.`id` = o.`group_id`
    WHERE o.`user_id` = NEW.`user_id`
      AND g.`product_id` = (SELECT `product_id` FROM `groups` WHERE `id` = NEW.`group_id`)
      AND g.`status` IN ('pending', 'open')
      AND o.`status` IN ('pending', 'paid')
  );
  SELECT RAISE(ABORT, 'group_limit') WHERE (
    SELECT count(*) FROM `orders` o JOIN `groups` g ON g.`id` = o.`group_id`
    WHERE o.`user_id` = NEW.`user_id`
      AND g.`product_id` = (SELECT `product_id` FROM `groups` WHERE `id` = NEW.`group_id`)
      AND o.`status` IN ('pending', 'paid', 'shipped', 'completed')
  ) >= (SELECT `per_user_limit` FROM `groups` WHERE `id` = NEW.`group_id`);
END;
