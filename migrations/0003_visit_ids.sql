ALTER TABLE `visits` ADD `visit_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `visits_visit_id_uniq` ON `visits` (`visit_id`);