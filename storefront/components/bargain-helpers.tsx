// The friends who helped a bargain, in cut order, with what each one cut.
import { formatCny } from "../format";
import { bargain as t } from "../i18n/zh-CN/bargain";

export type BargainHelper = { nickname: string; cutCents: number };

export function BargainHelpers({ helpers }: { helpers: BargainHelper[] }) {
  return (
    <section class="panel">
      <h2>{t.bargainHelpersTitle}</h2>
      {helpers.length === 0 ? (
        <p class="muted">{t.bargainNoHelpers}</p>
      ) : (
        <ol class="helpers">
          {helpers.map((h) => (
            <li>
              <span class="nick">{h.nickname}</span>
              <span class="price">{t.bargainHelperCut(formatCny(h.cutCents))}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
