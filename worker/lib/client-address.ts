// The client's address, for per-address limits: what Cloudflare saw (CF-Connecting-IP, which a client
// cannot set through Cloudflare's edge), an IPv6 address by its /64, which one subscriber holds whole.

/** Where the header is missing (only outside Cloudflare: tests, scripts), every such client is one. */
const UNKNOWN = "unknown";

function ipv6Prefix(address: string): string {
  const [head = "", tail] = address.split("::");
  const front = head ? head.split(":") : [];
  const back = tail ? tail.split(":") : [];
  const groups = tail === undefined ? front : [...front, ...Array(8 - front.length - back.length).fill("0"), ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g || "0", 16).toString(16))
    .join(":")}::/64`;
}

/**
 * @example clientAddress("203.0.113.7") // "203.0.113.7"
 * @example clientAddress("2001:db8:1:2:aaaa::1") // "2001:db8:1:2::/64"
 */
export function clientAddress(header: string | undefined): string {
  const address = header?.trim().toLowerCase();
  if (!address || address.length > 64) return UNKNOWN;
  if (!address.includes(":")) return address;
  // an IPv4 address written as IPv6 (::ffff:203.0.113.7) is that IPv4 address
  if (address.includes(".")) return address.slice(address.lastIndexOf(":") + 1);
  return /^[0-9a-f:]+$/.test(address) ? ipv6Prefix(address) : UNKNOWN;
}
