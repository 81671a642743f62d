import type { APIRequestContext } from "@playwright/test";

/* The expected base-currency figures of the specs, computed from the sandbox's own XML with their own arithmetic (decision 050), not the app's. */

/** The nearest integer to num/den, ties to even. */
export function halfEven(num: bigint, den: bigint): bigint {
  const negative = num < 0n;
  const n = negative ? -num : num;
  let q = n / den;
  const twice = (n % den) * 2n;
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/** The newest USD rate of the sandbox's 90-day file, read with a regular expression (not the app's parser). */
export async function sandboxUsdRate(request: APIRequestContext) {
  const xml = await (await request.get("/sandbox/fx/eurofxref-hist-90d.xml")).text();
  const match = /<Cube time='(\d{4}-\d{2}-\d{2})'>\s*(?:<Cube currency='[A-Z]{3}' rate='[\d.]+'\/>\s*)*?<Cube currency='USD' rate='(\d+)\.(\d+)'\/>/.exec(xml);
  if (!match) throw new Error("no USD rate in the sandbox's file");
  return { day: match[1]!, num: BigInt(match[2]! + match[3]!), scale: 10n ** BigInt(match[3]!.length) };
}
