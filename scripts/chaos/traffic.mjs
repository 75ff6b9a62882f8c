// The chaos run's HTTP side: browser-like clients with cookie jars, and one ledger of every request.
// A request cut by a crash waits for the store to come back and is sent again, unchanged.
import { randomInt } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

const TIMEOUT_MS = 30_000;
const MAX_ATTEMPTS = 8;
/** A key whose first request a kill cut stays claimed for a minute: its retry hears 409 request_in_progress
 * and, as the IETF draft has a client do, sends the same request again a little later. */
const IN_PROGRESS_PAUSE_MS = 2_000;
const MAX_IN_PROGRESS = 45;
/** A shopper in WeChat's browser: the store must take it for a person, or a click records nothing. */
export const PHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI";

/** Counts what was sent and answered, knows what is in flight, and holds new requests while the store is down. */
export class Traffic {
  constructor(store) {
    this.store = store;
    this.inflight = new Map();
    this.nextId = 0;
    this.sent = 0;
    this.cut = 0;
    this.retried = 0;
    this.inProgress = 0;
    this.statuses = {};
    this.byKind = {};
    this.down = false;
    this.upAgain = Promise.resolve();
  }

  /** Called just before the kill: whatever is in flight now is what the crash hits. */
  goDown() {
    this.down = true;
    this.upAgain = new Promise((resolve) => (this.markUp = resolve));
    return this.inFlight();
  }

  goUp() {
    this.down = false;
    this.markUp();
  }

  inFlight() {
    const byKind = {};
    for (const kind of this.inflight.values()) byKind[kind] = (byKind[kind] ?? 0) + 1;
    return { total: this.inflight.size, byKind };
  }

  async whenUp() {
    while (this.down) await this.upAgain;
  }

  count(kind, outcome) {
    const k = (this.byKind[kind] ??= { sent: 0, statuses: {} });
    k.sent += 1;
    k.statuses[outcome] = (k.statuses[outcome] ?? 0) + 1;
    this.statuses[outcome] = (this.statuses[outcome] ?? 0) + 1;
  }
}

/** One person's browser: its cookies, and the store's Origin on every state change. */
export class Client {
  constructor(traffic, name) {
    this.traffic = traffic;
    this.name = name;
    this.cookies = new Map();
    // each person on a connection of their own: the store's per-address limits see many people, as in life
    this.address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  }

  /**
   * Sends until the store answers: a connection cut by a crash is sent again after the restart.
   * @returns {Promise<{ status: number, body: any, cut: number }>} cut: how many attempts a crash cut
   */
  async request(kind, path, { method = "GET", body, headers = {} } = {}) {
    let cut = 0;
    let inProgress = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await this.traffic.whenUp();
      if (attempt > 1) this.traffic.retried += 1;
      try {
        const answer = await this.once(kind, path, method, body, headers);
        if (answer.body?.error?.code === "request_in_progress" && inProgress++ < MAX_IN_PROGRESS) {
          this.traffic.inProgress += 1;
          attempt -= 1;
          await sleep(IN_PROGRESS_PAUSE_MS);
          continue;
        }
        return { ...answer, cut };
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        cut += 1;
      }
    }
    return { status: 0, body: null, cut };
  }

  async once(kind, path, method, body, headers) {
    const traffic = this.traffic;
    const id = traffic.nextId++;
    traffic.inflight.set(id, kind);
    traffic.sent += 1;
    try {
      const res = await fetch(`${traffic.store.url}${path}`, {
        method,
        headers: this.headersFor(method, body, headers),
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      // the body too: a crash can cut a response after its status line
      const text = await res.text();
      this.keepCookies(res);
      const parsed = parseJson(text);
      // a refusal by its code: 409 out_of_stock and 409 already_checked_in are different stories
      traffic.count(kind, parsed?.error?.code ? `${res.status} ${parsed.error.code}` : res.status);
      return { status: res.status, body: parsed };
    } catch (error) {
      traffic.count(kind, "cut");
      traffic.cut += 1;
      throw error;
    } finally {
      traffic.inflight.delete(id);
    }
  }

  headersFor(method, body, extra) {
    const headers = { "user-agent": PHONE_UA, "cf-connecting-ip": this.address, ...extra };
    if (body !== undefined) headers["content-type"] = "application/json";
    // the store's origin as it is now: a restart may have moved it to another port
    if (method !== "GET") headers.origin = this.traffic.store.url;
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return headers;
  }

  keepCookies(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const [name, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  post(kind, path, body, headers) {
    return this.request(kind, path, { method: "POST", body, headers });
  }
}

function parseJson(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

/** What a killed server looks like from the client: the socket reset, refused or closed mid-answer. */
function isConnectionError(error) {
  const codes = ["ECONNRESET", "ECONNREFUSED", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "ETIMEDOUT"];
  const code = error?.cause?.code ?? error?.code;
  const cutFetch = error?.name === "TypeError" && ["fetch failed", "terminated"].includes(error.message);
  return cutFetch || error?.name === "TimeoutError" || codes.includes(code);
}
