ALTER TABLE `products` ADD `images` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- Each product's one picture becomes its cover; the demo drawings (/img/*.svg) become their JPEGs,
-- which chat apps draw in link cards.
UPDATE `products` SET `image_url` = substr(`image_url`, 1, length(`image_url`) - 4) || '.jpg' WHERE `image_url` LIKE '/img/%.svg';--> statement-breakpoint
UPDATE `products` SET `images` = json_array(`image_url`) WHERE `image_url` <> '';
