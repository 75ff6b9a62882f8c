// The part of a Stripe event the webhook reads. Only Stripe can sign one, but what is signed is
// still checked: an event of another shape is 400 invalid_input, never a crash.
import { z } from "zod";

export const stripeEvent = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

/** A Checkout Session as far as paying an order goes; other fields are left alone. */
export const checkoutSession = z.object({
  metadata: z.record(z.string(), z.string()).nullish(),
  payment_status: z.string().optional(),
  /** The PaymentIntent the session charged: what a refund names. */
  payment_intent: z.string().max(255).nullish(),
});
