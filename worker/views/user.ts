// A user as anyone but themselves may see them: no phone, no password hash.
import type { PublicUser } from "../../core/contract/auth";
import type { SessionUser } from "../../db/sessions";

export const toPublicUser = (u: Pick<SessionUser, "id" | "nickname" | "role">): PublicUser => ({
  id: u.id,
  nickname: u.nickname,
  role: u.role,
});
