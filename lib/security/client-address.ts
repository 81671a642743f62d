import { PEER_ADDRESS_HEADER, readPeerAddressStamp } from "./peer-address-stamp";

type THeaderSource = { get(name: string): string | null };

/** `::ffff:1.2.3.4` (an IPv4 peer on a dual-stack socket) is 1.2.3.4: one caller, one bucket. */
function normalizeAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice("::ffff:".length) : trimmed;
}

/**
 * Who is calling, for rate limits and the audit log. With no trusted proxy the TCP peer is the
 * caller and X-Forwarded-For is ignored (the caller writes it). Behind `trustedHops` proxies, each
 * appends the address it received from, so the caller is that many entries from the right of
 * X-Forwarded-For + peer; entries further left were written by the caller and are never read.
 */
export function pickClientAddress(input: { peer: string | null; forwardedFor: string | null; trustedHops: number }): string {
  if (!input.peer) return "unknown";
  const chain = [
    ...(input.forwardedFor ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    input.peer,
  ];
  const index = Math.max(0, chain.length - 1 - input.trustedHops);
  return normalizeAddress(chain[index]!);
}

export function clientAddressOf(headers: THeaderSource, trustedHops: number): string {
  return pickClientAddress({ peer: readPeerAddressStamp(headers.get(PEER_ADDRESS_HEADER)), forwardedFor: headers.get("x-forwarded-for"), trustedHops });
}

const IPV6_GROUP = /^[0-9a-f]{1,4}$/;

/**
 * What a per-address limit counts: an IPv4 address, or an IPv6 caller's /64 (one subscriber line or
 * host gets a whole /64, and rotating within it costs nothing). Anything unparsable counts as itself.
 */
export function addressBucketOf(address: string): string {
  if (!address.includes(":")) return address;
  const halves = address.split("%")[0]!.toLowerCase().split("::");
  if (halves.length > 2) return address;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const groups = halves.length === 2 ? [...head, ...Array<string>(8 - head.length - tail.length).fill("0"), ...tail] : head;
  if (groups.length !== 8 || !groups.every((group) => IPV6_GROUP.test(group))) return address;
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}
