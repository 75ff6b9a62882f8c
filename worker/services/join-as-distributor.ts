// Makes a shopper a distributor, recruited by whoever's invite code they came with: what
// POST /api/distributor and the forms of 我的推广 and the invite page both do.
import { isShareCode } from "../../core/contract/share-code";
import { becomeDistributor } from "../../db/become-distributor";
import type { Db } from "../../db/client";
import { findDistributorByCode, type Distributor } from "../../db/distributors";

export type JoinResult =
  { ok: true; distributor: Distributor; created: boolean } | { ok: false; refusal: "unknown_invite_code" };

/**
 * @param inviteCode the recruiter's code from an invite link, or null
 * @returns the distributor (`created: false` when the shopper was one already: the code and the
 *   recruiter never change), or why not
 */
export async function joinAsDistributor(
  db: Db,
  userId: number,
  inviteCode: string | null,
  now: number,
): Promise<JoinResult> {
  const inviter = inviteCode && isShareCode(inviteCode) ? await findDistributorByCode(db, inviteCode) : null;
  if (inviteCode && !inviter) return { ok: false, refusal: "unknown_invite_code" };
  // your own code recruits no one (only a distributor has one, and they are never re-recruited)
  const recruiterUserId = inviter && inviter.userId !== userId ? inviter.userId : null;
  return { ok: true, ...(await becomeDistributor(db, { userId, recruiterUserId, now })) };
}
