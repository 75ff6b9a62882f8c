DROP INDEX `orders_status_created_idx`;--> statement-breakpoint
CREATE INDEX `orders_status_created_idx` ON `orders` (`status`,`created_at`,`subtotal_cents`,`distributor_user_id`,`id`);--> statement-breakpoint
CREATE INDEX `visits_unique_at_idx` ON `visits` (`is_unique`,`at`);