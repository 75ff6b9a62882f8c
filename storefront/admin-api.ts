// How the admin islands talk to the JSON API: same-origin, JSON both ways, errors as API.md shapes.

export type ApiIssue = { path: string[]; message: string; code?: string };
export type ApiResult<T> = { ok: true; body: T } | { ok: false; status: number; code: string; issues: ApiIssue[] };

/** @returns the answer's body, or its error code and issues (`network` when there was no answer). */
export async function callApi<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => null)) as any;
    if (res.ok) return { ok: true, body: json as T };
    return { ok: false, status: res.status, code: json?.error?.code ?? "unknown", issues: json?.error?.issues ?? [] };
  } catch {
    return { ok: false, status: 0, code: "network", issues: [] };
  }
}

/** Issues keyed by their dotted path (`flash_sale.price_cents`), the first message of each. */
export function issuesByField(issues: ApiIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.join(".");
    out[key] ??= i.message;
  }
  return out;
}

/**
 * Yuan typed by a person ("12", "12.5", "12.50") as integer cents; anything else is NaN.
 * @example yuanToCents("99.9") // 9990
 */
export function yuanToCents(text: string): number {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : Number.NaN;
}

/** Cents shown in a form field: 9990 → "99.90". */
export const centsToYuanText = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

/** A percent typed by a person ("10", "2.5") as basis points; NaN for anything else. */
export function percentToBp(text: string): number {
  const m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*$/.exec(text);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : Number.NaN;
}

/** Basis points shown as a percent: 1000 → "10", 250 → "2.5". */
export const bpToPercentText = (bp: number) => String(bp / 100);
