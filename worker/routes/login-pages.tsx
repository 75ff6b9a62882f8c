// The sign-in page, and its form's own handler: a phone without JavaScript (or before the island
// loads) posts the form here, is signed in and sent on to `next` (303), or sees the refusal on the
// page. Nothing of the form ever lands in a URL. A visitor already signed in goes straight on.
import { Hono, type Context } from "hono";
import { loginBody, signupBody } from "../../core/contract/auth";
import { safeNextPath } from "../../core/rules/safe-next-path";
import type { LoginMode } from "../../storefront/islands/login-form";
import { LoginPage } from "../../storefront/pages/login";
import type { AppEnv } from "../app-env";
import { clientAddress } from "../lib/client-address";
import { dbOf } from "../middleware/database";
import { privatePage } from "../middleware/private-page";
import { withinRateLimit } from "../middleware/rate-limit";
import { currentUser, setSessionCookie } from "../middleware/session";
import { signIn } from "../services/sign-in";
import { signUp } from "../services/sign-up";
import { formFields } from "./form-fields";

/** The status the page answers with for each refusal its form can meet. */
const REFUSED_STATUS = {
  invalid_input: 400,
  bad_credentials: 401,
  phone_taken: 409,
  too_many_attempts: 429,
  too_many_requests: 429,
} as const;
type Refused = keyof typeof REFUSED_STATUS;

const modeOf = (value: unknown): LoginMode => (value === "signup" ? "signup" : "login");

async function signInOrUp(c: Context<AppEnv>, fields: Record<string, string>) {
  const now = c.var.now;
  if (modeOf(fields.mode) === "signup") {
    const parsed = signupBody.safeParse({ ...fields, nickname: fields.nickname?.trim() || undefined });
    if (!parsed.success) return { ok: false, refusal: "invalid_input" } as const;
    if (!(await withinRateLimit(c, "SIGNUP_RATE_LIMIT"))) return { ok: false, refusal: "too_many_requests" } as const;
    return signUp(dbOf(c), { ...parsed.data, now });
  }
  const parsed = loginBody.safeParse(fields);
  if (!parsed.success) return { ok: false, refusal: "invalid_input" } as const;
  return signIn(dbOf(c), { ...parsed.data, address: clientAddress(c.req.header("cf-connecting-ip")), now });
}

/** /login */
export const loginPage = new Hono<AppEnv>()
  .use(privatePage)
  .get("/", async (c) => {
    const next = safeNextPath(c.req.query("next"));
    if (await currentUser(c)) return c.redirect(next, 302);
    return c.render(<LoginPage origin={c.var.origin} form={{ next, mode: modeOf(c.req.query("mode")) }} />);
  })
  .post("/", async (c) => {
    const fields = await formFields(c);
    const next = safeNextPath(fields.next);
    const done = await signInOrUp(c, fields);
    if (done.ok) {
      await setSessionCookie(c, done.sessionId);
      return c.redirect(next, 303);
    }
    const refused: Refused = done.refusal;
    const form = { next, mode: modeOf(fields.mode), error: refused, phone: (fields.phone ?? "").slice(0, 11) };
    return c.render(<LoginPage origin={c.var.origin} form={form} />, REFUSED_STATUS[refused]);
  });
