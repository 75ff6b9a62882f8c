CREATE TABLE `bargain_helps` (
	`bargain_id` text NOT NULL,
	`helper_user_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`cut_cents` integer NOT NULL,
	`day` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`bargain_id`, `helper_user_id`),
	FOREIGN KEY (`bargain_id`) REFERENCES `bargains`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`helper_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bargain_helps_seq_uniq` ON `bargain_helps` (`bargain_id`,`seq`);--> statement-breakpoint
CREATE INDEX `bargain_helps_helper_day_idx` ON `bargain_helps` (`helper_user_id`,`day`);--> statement-breakpoint
CREATE TABLE `bargains` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`price_cents` integer NOT NULL,
	`floor_cents` integer NOT NULL,
	`current_cents` integer NOT NULL,
	`helpers_needed` integer NOT NULL,
	`helper_count` integer DEFAULT 0 NOT NULL,
	`cuts_cents` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "bargains_floor" CHECK("bargains"."current_cents" >= "bargains"."floor_cents"),
	CONSTRAINT "bargains_helpers" CHECK("bargains"."helper_count" <= "bargains"."helpers_needed")
);
--> statement-breakpoint
CREATE INDEX `bargains_user_product_idx` ON `bargains` (`user_id`,`product_id`,`expires_at`);--> statement-breakpoint
CREATE TABLE `checkins` (
	`user_id` integer NOT NULL,
	`day` text NOT NULL,
	`streak` integer NOT NULL,
	`credited_cents` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `day`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `commission_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`distributor_user_id` integer NOT NULL,
	`order_id` text,
	`level` integer NOT NULL,
	`bucket` text NOT NULL,
	`event` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`distributor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commission_ledger_distributor_idx` ON `commission_ledger` (`distributor_user_id`,`bucket`);--> statement-breakpoint
CREATE UNIQUE INDEX `commission_ledger_event_uniq` ON `commission_ledger` (`order_id`,`level`,`event`,`bucket`) WHERE "commission_ledger"."order_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `distributors` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`recruiter_user_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recruiter_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `distributors_code_unique` ON `distributors` (`code`);--> statement-breakpoint
CREATE INDEX `distributors_recruiter_idx` ON `distributors` (`recruiter_user_id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`order_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE TABLE `links` (
	`code` text PRIMARY KEY NOT NULL,
	`distributor_user_id` integer NOT NULL,
	`product_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`distributor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `links_product_uniq` ON `links` (`distributor_user_id`,`product_id`) WHERE "links"."product_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `links_store_uniq` ON `links` (`distributor_user_id`) WHERE "links"."product_id" IS NULL;--> statement-breakpoint
CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`phone` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_phone_at_idx` ON `login_failures` (`phone`,`at`);--> statement-breakpoint
CREATE TABLE `order_items` (
	`order_id` text NOT NULL,
	`product_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`from_flash_stock` integer DEFAULT false NOT NULL,
	`commission_bp` integer DEFAULT 0 NOT NULL,
	`commission_l2_bp` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`order_id`, `product_id`),
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_items_product_idx` ON `order_items` (`product_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer,
	`visitor_id` text,
	`status` text NOT NULL,
	`subtotal_cents` integer NOT NULL,
	`wallet_cents` integer DEFAULT 0 NOT NULL,
	`total_cents` integer NOT NULL,
	`referrer_code` text,
	`distributor_user_id` integer,
	`bargain_id` text,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`contact_address` text NOT NULL,
	`payment_provider` text NOT NULL,
	`stripe_session_id` text,
	`hold_until` integer NOT NULL,
	`stock_released` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`paid_at` integer,
	`shipped_at` integer,
	`completed_at` integer,
	`cancelled_at` integer,
	`refunded_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`distributor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `orders_status_created_idx` ON `orders` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_user_idx` ON `orders` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_distributor_idx` ON `orders` (`distributor_user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_created_idx` ON `orders` (`created_at`);--> statement-breakpoint
CREATE INDEX `orders_hold_idx` ON `orders` (`status`,`hold_until`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_bargain_uniq` ON `orders` (`bargain_id`) WHERE "orders"."bargain_id" IS NOT NULL AND "orders"."status" NOT IN ('cancelled');--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`image_url` text DEFAULT '' NOT NULL,
	`price_cents` integer NOT NULL,
	`stock` integer NOT NULL,
	`commission_bp` integer DEFAULT 1000 NOT NULL,
	`commission_l2_bp` integer DEFAULT 300 NOT NULL,
	`bargain_floor_cents` integer,
	`bargain_helpers` integer,
	`flash_price_cents` integer,
	`flash_starts_at` integer,
	`flash_ends_at` integer,
	`flash_stock` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "products_stock_nonneg" CHECK("products"."stock" >= 0),
	CONSTRAINT "products_flash_stock_nonneg" CHECK("products"."flash_stock" IS NULL OR "products"."flash_stock" >= 0),
	CONSTRAINT "products_price_nonneg" CHECK("products"."price_cents" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_slug_unique` ON `products` (`slug`);--> statement-breakpoint
CREATE INDEX `products_active_idx` ON `products` (`active`,`id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stripe_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`processed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`phone` text NOT NULL,
	`password_hash` text NOT NULL,
	`nickname` text NOT NULL,
	`role` text DEFAULT 'shopper' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_unique` ON `users` (`phone`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`link_code` text NOT NULL,
	`distributor_user_id` integer NOT NULL,
	`visitor_id` text NOT NULL,
	`at` integer NOT NULL,
	`is_unique` integer NOT NULL,
	`referer` text,
	`country` text,
	`device` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `visits_link_visitor_at_idx` ON `visits` (`link_code`,`visitor_id`,`at`);--> statement-breakpoint
CREATE INDEX `visits_distributor_at_idx` ON `visits` (`distributor_user_id`,`at`,`is_unique`);--> statement-breakpoint
CREATE INDEX `visits_at_idx` ON `visits` (`at`);--> statement-breakpoint
CREATE TABLE `wallet_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`kind` text NOT NULL,
	`order_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `wallet_ledger_user_idx` ON `wallet_ledger` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `wallet_ledger_order_kind_uniq` ON `wallet_ledger` (`order_id`,`kind`) WHERE "wallet_ledger"."order_id" IS NOT NULL;