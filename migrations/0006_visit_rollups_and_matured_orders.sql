CREATE TABLE `visit_days` (
	`day` text NOT NULL,
	`link_code` text NOT NULL,
	`distributor_user_id` integer NOT NULL,
	`visits` integer NOT NULL,
	`unique_visits` integer NOT NULL,
	PRIMARY KEY(`day`, `link_code`)
);
--> statement-breakpoint
CREATE INDEX `visit_days_day_idx` ON `visit_days` (`day`,`visits`,`unique_visits`);--> statement-breakpoint
CREATE INDEX `visit_days_distributor_idx` ON `visit_days` (`distributor_user_id`,`day`,`visits`,`unique_visits`);--> statement-breakpoint
ALTER TABLE `orders` ADD `commission_matured_at` integer;--> statement-breakpoint
CREATE INDEX `orders_unmatured_idx` ON `orders` (`completed_at`) WHERE "orders"."status" = 'completed' AND "orders"."commission_matured_at" IS NULL;--> statement-breakpoint
-- Backfill (hand-written): the visits stored so far, counted into their store days as the visit writer
-- now counts new ones. Days here are UTC+8, the default zone (Asia/Shanghai, no daylight saving time);
-- docs/scale-plan.md says how a store in another zone re-counts them.
INSERT INTO `visit_days` (`day`, `link_code`, `distributor_user_id`, `visits`, `unique_visits`)
SELECT date((`at` + 28800000) / 1000, 'unixepoch') AS `d`, `link_code`, max(`distributor_user_id`), count(*), sum(`is_unique`)
FROM `visits` WHERE true GROUP BY `d`, `link_code`;
