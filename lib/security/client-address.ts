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
  const chain = [...(input.forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean), input.peer];
  const index = Math.max(0, chain.length - 1 - input.trustedHops);
  return normalizeAddress(chain[index]!);
}

export function clientAddressOf(headers: THeaderSource, trustedHops: number): string {
  return pickClientAddress({ peer: readPeerAddressStamp(headers.get(PEER_ADDRESS_HEADER)), forwardedFor: headers.get("x-forwarded-for"), trustedHops });
}
