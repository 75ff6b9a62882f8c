// One tap copies a share link; where a chat app's browser refuses the clipboard, it still copies.
import { useState } from "preact/hooks";
import { common } from "../i18n/zh-CN/common";
import { promote } from "../i18n/zh-CN/promote";

const t = { ...common, ...promote };

export type CopyLinkProps = { url: string; label?: string };

const COPIED_SHOWN_MS = 2000;

export function CopyLink({ url, label }: CopyLinkProps) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    const ok = await writeClipboard(url);
    if (!ok) {
      // nothing could copy: let the shopper long-press the link themselves
      window.prompt(t.copyManually, url);
      return;
    }
    setCopied(true);
    setTimeout(() => setCopied(false), COPIED_SHOWN_MS);
  }
  return (
    <button type="button" class={copied ? "btn btn-small btn-done" : "btn btn-small"} onClick={copy} aria-live="polite">
      {copied ? t.copied : (label ?? t.copyLink)}
    </button>
  );
}

/** The async clipboard where allowed; else the old selection copy, which in-app browsers still honour. */
async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
