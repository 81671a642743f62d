/**
 * Where to go after sign-in: a path on this site, never anywhere else. The candidate is resolved
 * exactly as the browser will resolve it (the URL parser drops tabs and newlines and reads `\` as `/`,
 * so `/\evil.example` and `/\t/evil.example` are `//evil.example`), then must have this origin, and
 * its path must not start with `//` (`/.//evil.example` resolves to the path `//evil.example`, which
 * a later navigation would read as another host). Anything else falls back to `fallback`.
 */
export function sameOriginPath(candidate: string | null | undefined, origin: string, fallback = "/"): string {
  if (!candidate || !URL.canParse(origin) || !URL.canParse(candidate, origin)) return fallback;
  const base = new URL(origin);
  const target = new URL(candidate, base);
  if (target.origin !== base.origin || target.pathname.startsWith("//")) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}
