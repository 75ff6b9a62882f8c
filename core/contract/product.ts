// The product as the API shows it, and the merchant's create / update bodies.
import { z } from "@hono/zod-openapi";
import { GROUP_HOURS, GROUP_PER_USER_LIMIT, GROUP_SIZE } from "../rules/group-seats";
import { MAX_STOCK, basisPoints, cents, isoTime } from "./common";
import { MAX_PICTURES, pictureUrl } from "./pictures";

const stock = z.number().int().min(0).max(MAX_STOCK);

const bargainRule = z.object({
  floor_cents: cents,
  helpers: z.number().int().min(1).max(100),
});

const flashSale = z.object({
  price_cents: cents,
  starts_at: isoTime,
  ends_at: isoTime,
  stock,
});

const groupSize = z.number().int().min(GROUP_SIZE.min).max(GROUP_SIZE.max);
const groupHours = z.number().int().min(GROUP_HOURS.min).max(GROUP_HOURS.max);
const perUserLimit = z.number().int().min(GROUP_PER_USER_LIMIT.min).max(GROUP_PER_USER_LIMIT.max);
const virtualFillAt = z
  .number()
  .int()
  .min(1)
  .max(GROUP_SIZE.max - 1);

/** A group deal (拼团) as the product shows it. */
const groupDeal = z.object({
  size: groupSize,
  price_cents: cents,
  hours: groupHours,
  per_user_limit: perUserLimit,
  /** A group with at least this many paid members succeeds at its deadline; null: only a full group does. */
  virtual_fill_at: virtualFillAt.nullable(),
});

/** The merchant's group deal: size 3, 24 hours, one group order per shopper and no virtual fill unless told. */
const groupDealInput = z.object({
  size: groupSize.default(GROUP_SIZE.default),
  price_cents: cents.min(1),
  hours: groupHours.default(GROUP_HOURS.default),
  per_user_limit: perUserLimit.default(GROUP_PER_USER_LIMIT.default),
  virtual_fill_at: virtualFillAt.nullable().default(null),
});

/** Marked for the clearance zone (品牌清仓), sold at this price. */
const clearance = z.object({ price_cents: cents.min(1) });

export const product = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    /** The cover, or the store's placeholder when the product has no picture. */
    image_url: z.string(),
    /** Up to 9 pictures, the cover first. */
    images: z.array(z.string()),
    price_cents: z.number().int(),
    stock: z.number().int(),
    commission_bp: z.number().int(),
    commission_l2_bp: z.number().int(),
    bargain: bargainRule.nullable(),
    flash_sale: flashSale.nullable(),
    group: groupDeal.nullable(),
    clearance: clearance.nullable(),
    active: z.boolean(),
  })
  .openapi("Product");

export type ProductView = z.infer<typeof product>;

const productFields = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "Lower-case letters, digits and dashes")
    .optional(),
  title: z.string().trim().min(1).max(80),
  description: z.string().max(2000).default(""),
  image_url: z
    .string()
    .max(500)
    .regex(/^(?:(?:https:\/\/|\/)[^\s"'<>]*)?$/, "An https:// URL or a path on this store")
    .default(""),
  /** The pictures, the cover first; when absent, `image_url` alone is the cover. */
  images: z.array(pictureUrl).max(MAX_PICTURES).optional(),
  price_cents: cents.min(1),
  stock,
  commission_bp: basisPoints.optional(),
  commission_l2_bp: basisPoints.optional(),
  bargain: bargainRule.nullable().default(null),
  flash_sale: flashSale.nullable().default(null),
  group: groupDealInput.nullable().default(null),
  clearance: clearance.nullable().default(null),
  active: z.boolean().default(true),
});

type ProductFields = z.infer<typeof productFields>;

/** The rules that tie fields together; checked on the merged product after a PATCH too. */
function checkCoherence(p: ProductFields, ctx: z.RefinementCtx) {
  if ((p.commission_bp ?? 0) + (p.commission_l2_bp ?? 0) > 10_000) {
    ctx.addIssue({
      code: "custom",
      path: ["commission_l2_bp"],
      message: "Both commission levels together exceed 100%",
    });
  }
  if (p.bargain) {
    if (p.bargain.floor_cents >= p.price_cents) {
      ctx.addIssue({ code: "custom", path: ["bargain", "floor_cents"], message: "The floor must be below the price" });
    } else if (p.price_cents - p.bargain.floor_cents < p.bargain.helpers) {
      ctx.addIssue({ code: "custom", path: ["bargain", "helpers"], message: "Every helper must cut at least 1 fen" });
    }
  }
  if (p.flash_sale) {
    if (p.flash_sale.price_cents >= p.price_cents) {
      ctx.addIssue({
        code: "custom",
        path: ["flash_sale", "price_cents"],
        message: "The sale price must be below the price",
      });
    }
    if (Date.parse(p.flash_sale.ends_at) <= Date.parse(p.flash_sale.starts_at)) {
      ctx.addIssue({ code: "custom", path: ["flash_sale", "ends_at"], message: "The sale must end after it starts" });
    }
  }
  if (p.group) {
    if (p.group.price_cents >= p.price_cents) {
      ctx.addIssue({
        code: "custom",
        path: ["group", "price_cents"],
        message: "The group price must be below the price",
      });
    }
    if (p.group.virtual_fill_at !== null && p.group.virtual_fill_at >= p.group.size) {
      ctx.addIssue({
        code: "custom",
        path: ["group", "virtual_fill_at"],
        message: "The virtual fill must be below the group size",
      });
    }
  }
  if (p.clearance && p.clearance.price_cents >= p.price_cents) {
    ctx.addIssue({
      code: "custom",
      path: ["clearance", "price_cents"],
      message: "The clearance price must be below the price",
    });
  }
}

export const createProductBody = productFields.superRefine(checkCoherence).openapi("CreateProductBody");
export type CreateProductInput = z.infer<typeof createProductBody>;

/** Any product fields; defaults are not applied, so absent means "unchanged". */
export const updateProductBody = z
  .object({
    slug: productFields.shape.slug,
    title: productFields.shape.title.optional(),
    description: z.string().max(2000).optional(),
    /** Replaces the cover alone ("" removes it); `images` replaces every picture. */
    image_url: productFields.shape.image_url.unwrap().optional(),
    images: productFields.shape.images,
    price_cents: productFields.shape.price_cents.optional(),
    stock: stock.optional(),
    commission_bp: basisPoints.optional(),
    commission_l2_bp: basisPoints.optional(),
    bargain: bargainRule.nullable().optional(),
    flash_sale: flashSale.nullable().optional(),
    group: groupDealInput.nullable().optional(),
    clearance: clearance.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi("UpdateProductBody");
export type UpdateProductInput = z.infer<typeof updateProductBody>;

export const productResponse = z.object({ product }).openapi("ProductResponse");
export const productListResponse = z.object({ products: z.array(product) }).openapi("ProductList");

/** `?clearance=1`: the clearance zone only, deepest discount first. */
export const productListQuery = z.object({
  clearance: z.enum(["0", "1"]).optional().openapi({ description: "1: the clearance zone, deepest discount first" }),
});
