import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Which addresses a vendor call may reach when private networks are not allowed
 * (QUARRY_ALLOW_PRIVATE_NETWORKS=false, the production default): only public unicast. Checked
 * on the hostname when a base URL is saved, and again on every address DNS gives at connect time.
 */

/** ipaddr.js range names, as a user reads them. */
const rangeNames: Record<string, string> = {
  private: "a private network address",
  loopback: "a loopback address",
  linkLocal: "a link-local address",
  uniqueLocal: "a unique-local address",
  carrierGradeNat: "a carrier-grade NAT address",
  multicast: "a multicast address",
  unspecified: "an unspecified address",
  broadcast: "the broadcast address",
};

/**
 * Why an IP address is not public ("a private network address"), or null when it is. IPv4-mapped
 * IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it carries. Everything ipaddr.js names a
 * special range (reserved, documentation, benchmarking, NAT64, 6to4, Teredo, …) counts as not
 * public, and so does IPv6 outside global unicast (2000::/3).
 */
export function nonPublicReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (range === "unicast" && (ip.kind() === "ipv4" || ip.match(ipaddr.parseCIDR("2000::/3")))) return null;
  return rangeNames[range] ?? `a reserved address (${range})`;
}

/** The IP address a URL hostname spells ("[::1]" → "::1"), or null for a DNS name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

/** `localhost` and its subdomains always name this machine (RFC 6761), whatever DNS says. */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.+$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}

/** The error a refused connection fails with; `cause` of fetch's TypeError("fetch failed"). */
export const PRIVATE_ADDRESS_REFUSED = "ERR_PRIVATE_ADDRESS_REFUSED";

export function privateAddressRefused(address: string, hostname?: string): Error {
  const where = hostname && hostname !== address ? `${address}, from ${hostname}` : address;
  return Object.assign(
    new Error(
      `Refused to connect to a private address (${where}): set QUARRY_ALLOW_PRIVATE_NETWORKS=true to allow it on a self-hosted install`,
    ),
    { code: PRIVATE_ADDRESS_REFUSED },
  );
}

/** The refusal inside an error or its causes (fetch wraps it), or undefined. */
export function findPrivateAddressRefusal(error: unknown): Error | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if ((e as { code?: unknown }).code === PRIVATE_ADDRESS_REFUSED) return e;
  }
  return undefined;
}
