// Shoppers for the benches: a JSON client of the store, and sign-ups that each come from an address
// of their own (198.18.0.0/15, the range set aside for benchmarks) sent as CF-Connecting-IP. The
// store limits sign-ups and helps per address, as it would a script's; a bench of 300 phones must
// not look like one network.

/**
 * @param {string} base the store's origin
 * @param {Record<string, string>} [defaults] headers of every request (a phone's user agent)
 */
export function benchClient(base, defaults = {}) {
  const addressOf = new Map();
  let addresses = 0;
  const newAddress = () => {
    addresses += 1;
    return `198.18.${addresses >> 8}.${addresses & 255}`;
  };
  /** The headers that make a request this shopper's own: their cookie and their address. */
  const as = (cookie) => ({ cookie, "cf-connecting-ip": addressOf.get(cookie) ?? "127.0.0.1" });

  /** @returns the answer's status, JSON body, and the session cookie (the one it set, or the one sent) */
  async function api(path, { cookie, body, method, address, headers = {} } = {}) {
    const res = await fetch(`${base}${path}`, {
      method: method ?? (body ? "POST" : "GET"),
      headers: {
        "content-type": "application/json",
        origin: base,
        ...defaults,
        "cf-connecting-ip": address ?? addressOf.get(cookie) ?? "127.0.0.1",
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const sid = res.headers.getSetCookie().find((c) => c.startsWith("sid="));
    return { status: res.status, body: await res.json().catch(() => null), cookie: sid?.split(";")[0] ?? cookie };
  }

  /** @returns `n` new shoppers' session cookies (phones `1<prefix><8 digits>`), ten sign-ups at a time */
  async function signUps(n, prefix, nickname = () => undefined) {
    const cookies = [];
    for (let i = 0; i < n; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, n - i) }, async (_, k) => {
          const address = newAddress();
          const res = await api("/api/auth/signup", {
            body: {
              phone: `1${prefix}${String(i + k).padStart(8, "0")}`,
              password: "bench-password",
              nickname: nickname(i + k),
            },
            address,
          });
          if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
          addressOf.set(res.cookie, address);
          return res.cookie;
        }),
      );
      cookies.push(...batch);
    }
    return cookies;
  }

  return { api, signUps, as };
}
