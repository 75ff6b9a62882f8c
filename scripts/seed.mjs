// Seeds the local D1: the demo catalogue (first start only: products are keyed by slug) and the
// merchant account from ADMIN_PHONE / ADMIN_PASSWORD (written on every start, so the env wins).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hashPassword, sqlValue as q, upsertMerchantSql } from "./merchant-account.mjs";
import { persistArgs, wrangler } from "./wrangler.mjs";

const catalogue = JSON.parse(readFileSync("db/seed/catalogue.json", "utf8"));
const now = Date.now();
const hour = 3600_000;
const statements = catalogue.map((p) => {
  const flash = p.flash
    ? [
        p.flash.price_cents,
        now + p.flash.hours_from_now[0] * hour,
        now + p.flash.hours_from_now[1] * hour,
        p.flash.stock,
      ]
    : [null, null, null, null];
  const values = [
    p.slug,
    p.title,
    p.description,
    `/img/${p.image}.jpg`,
    JSON.stringify([`/img/${p.image}.jpg`]),
    p.price_cents,
    p.stock,
    1000,
    300,
    p.bargain?.floor_cents,
    p.bargain?.helpers,
    ...flash,
    p.group?.size,
    p.group?.price_cents,
    p.group?.hours,
    p.group?.per_user_limit,
    p.group?.virtual_fill_at,
    p.clearance?.price_cents,
    1,
    now,
    now,
  ];
  return `INSERT OR IGNORE INTO products (slug, title, description, image_url, images, price_cents, stock, commission_bp, commission_l2_bp, bargain_floor_cents, bargain_helpers, flash_price_cents, flash_starts_at, flash_ends_at, flash_stock, group_size, group_price_cents, group_hours, group_per_user_limit, group_virtual_fill_at, clearance_price_cents, active, created_at, updated_at) VALUES (${values.map(q).join(", ")});`;
});

const phone = process.env.ADMIN_PHONE ?? "13800000000";
const password = process.env.ADMIN_PASSWORD ?? "merchant-demo-pass";
statements.push(upsertMerchantSql({ phone, passwordHash: hashPassword(password), now }));

mkdirSync(".wrangler", { recursive: true });
const file = `.wrangler/seed-${process.pid}.sql`;
writeFileSync(file, statements.join("\n") + "\n");
wrangler(["d1", "execute", "DB", "--local", ...persistArgs(), "--file", file]);
rmSync(file);
console.log(`seeded ${catalogue.length} products (new ones only) and the merchant ${phone}`);
