// A group (拼团) as the API shows it to shoppers and to the merchant.
import { z } from "@hono/zod-openapi";
import { GROUP_STATUSES, ORDER_STATUSES } from "../enums";
import { isoTime } from "./common";

/** Group ids are nanoids: letters and digits. */
export const groupIdParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "A group id"),
});

export const groupMember = z
  .object({ nickname: z.string(), leader: z.boolean(), paid: z.boolean() })
  .openapi("GroupMember");

export const group = z
  .object({
    id: z.string(),
    product_id: z.number().int(),
    /** Fixed when the group opened: the merchant's later edits apply to new groups only. */
    size: z.number().int(),
    price_cents: z.number().int(),
    status: z.enum(GROUP_STATUSES),
    /** The leader first, then in the order they joined. */
    members: z.array(groupMember),
    seats_left: z.number().int(),
    expires_at: isoTime,
    /** The group page to share in a chat, absolute. */
    share_url: z.string(),
  })
  .openapi("Group");

export type GroupView = z.infer<typeof group>;

export const groupResponse = z.object({ group }).openapi("GroupResponse");
export const groupListResponse = z.object({ groups: z.array(group) }).openapi("GroupList");

/** The merchant's view of a member: who, and the order that holds their seat. */
const adminGroupMember = groupMember
  .extend({ user_id: z.number().int(), order_id: z.string(), order_status: z.enum(ORDER_STATUSES) })
  .openapi("AdminGroupMember");

export const adminGroup = group
  .extend({
    product_title: z.string(),
    members: z.array(adminGroupMember),
    created_at: isoTime,
    closed_at: isoTime.nullable(),
  })
  .openapi("AdminGroup");
export type AdminGroupView = z.infer<typeof adminGroup>;

export const adminGroupListQuery = z.object({ status: z.enum(GROUP_STATUSES).optional() });
export const adminGroupListResponse = z.object({ groups: z.array(adminGroup) }).openapi("AdminGroupList");
