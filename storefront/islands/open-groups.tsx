// 去拼单 on a product page: the groups anyone can join now, soonest deadline first, with their seats
// left and time left. Read from GET /api/products/:id/groups after the page loads, so the page's
// own HTML holds nothing that changes with seats or time and can be cached whole.
import type { InferResponseType } from "hono/client";
import { useEffect, useState } from "preact/hooks";
import type { GroupView } from "../../core/contract/group";
import type { api } from "../api-client";
import { getJson } from "../api-read";
import { groupLive as t } from "../i18n/zh-CN/group";
import { Countdown } from "./countdown";

export type OpenGroupsProps = { productId: number };

type ProductGroups = InferResponseType<(typeof api)["products"][":id"]["groups"]["$get"], 200>;

/** A phone screen shows a few; the soonest deadlines are the ones worth joining. */
const SHOWN = 3;

export function OpenGroups({ productId }: OpenGroupsProps) {
  const [groups, setGroups] = useState<GroupView[]>([]);
  useEffect(() => {
    // a plain GET (storefront/api-read.ts): hono/client's runtime would weigh more than this island
    void getJson<ProductGroups>(`/api/products/${productId}/groups`).then((res) => {
      if (res.ok) setGroups(res.body.groups);
    });
  }, [productId]);
  if (groups.length === 0) return null;
  return (
    <section class="panel open-groups">
      <h2>{t.groupOpenList}</h2>
      <ul>
        {groups.slice(0, SHOWN).map((g) => (
          <li data-group={g.id}>
            <span class="nick">{g.members.find((m) => m.leader)?.nickname ?? ""}</span>
            <span class="left">
              <b>{t.groupSeatsLeft(g.seats_left)}</b>
              <Countdown until={g.expires_at} label={t.groupEndsIn} />
            </span>
            <a class="btn btn-small" href={`/g/${encodeURIComponent(g.id)}`}>
              {t.groupGo}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
