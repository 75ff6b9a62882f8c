// Request and response bodies of the account endpoints.
import { z } from "@hono/zod-openapi";
import { USER_ROLES } from "../enums";

/** A mainland mobile number: 11 digits starting 1[3-9]. */
export const phone = z.string().regex(/^1[3-9]\d{9}$/, "A mainland mobile number: 11 digits starting with 13–19");

export const signupBody = z
  .object({
    phone,
    password: z.string().min(8, "At least 8 characters").max(200),
    nickname: z.string().trim().min(1).max(30).optional(),
  })
  .openapi("SignupBody");

export const loginBody = z.object({ phone, password: z.string().min(1).max(200) }).openapi("LoginBody");

export const publicUser = z
  .object({ id: z.number().int(), nickname: z.string(), role: z.enum(USER_ROLES) })
  .openapi("User");
export type PublicUser = z.infer<typeof publicUser>;

export const meResponse = z
  .object({
    // a union, not .nullable(): on a $ref that becomes allOf [User, null], which no value satisfies
    user: z.union([publicUser, z.null()]).openapi({ description: "The signed-in user; null for a guest" }),
    wallet_cents: z.number().int(),
    distributor: z.object({ code: z.string() }).nullable(),
  })
  .openapi("Me");

export const userResponse = z.object({ user: publicUser }).openapi("UserResponse");
