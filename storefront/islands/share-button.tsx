// One tap to share: the system share sheet where there is one, else copy the link.
import { useState } from "preact/hooks";
import { live as t } from "../i18n/zh-CN/live";

export type ShareButtonProps = { url: string; title: string; label?: string };

export function ShareButton({ url, title, label }: ShareButtonProps) {
  const [done, setDone] = useState(false);
  async function share() {
    const absolute = new URL(url, location.href).href;
    try {
      if (navigator.share) await navigator.share({ title, url: absolute });
      else await navigator.clipboard.writeText(absolute);
      setDone(true);
    } catch {
      // the shopper closed the share sheet: nothing to do
    }
  }
  return (
    <button type="button" class="btn btn-ghost" onClick={share}>
      {done ? t.shareCopied : (label ?? t.share)}
    </button>
  );
}
