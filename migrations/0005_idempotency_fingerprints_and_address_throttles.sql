CREATE TABLE `idempotent_requests` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`created_at` integer NOT NULL,
	`claimed_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotent_requests_created_idx` ON `idempotent_requests` (`created_at`);--> statement-breakpoint
DROP INDEX `login_failures_phone_at_idx`;--> statement-breakpoint
ALTER TABLE `login_failures` ADD `address` text;--> statement-breakpoint
CREATE INDEX `login_failures_phone_address_at_idx` ON `login_failures` (`phone`,`address`,`at`);--> statement-breakpoint
CREATE INDEX `login_failures_address_at_idx` ON `login_failures` (`address`,`at`);--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD `request_hash` text;--> statement-breakpoint
CREATE INDEX `idempotency_keys_created_idx` ON `idempotency_keys` (`created_at`);