/**
 * The request came over https: said by the nearest trusted proxy, never by the caller. Free of
 * Node-only imports, so the proxy (proxy.ts) can use it.
 */
export function isForwardedHttps(input: { forwardedProto: string | null; trustedHops: number }): boolean {
  if (input.trustedHops === 0 || !input.forwardedProto) return false;
  const hops = input.forwardedProto.split(",").map((entry) => entry.trim().toLowerCase());
  return hops[hops.length - 1] === "https";
}
