import { z } from "zod";

/*
 * What a review keeps to compare against (issue 20.2, docs/decisions/053): the client's stored data
 * at the moment of the review, row by row (not only totals), so that positions opened, closed or
 * resized, liabilities taken or repaid, connections broken and MiFID answers changed can be found
 * later. Money as integer minor units written as text (JSON has no bigint); quantities as the exact
 * decimal text stored. The same shape is built from today's data, and the two are compared
 * (compare-review.ts).
 */

const minorText = z.string().regex(/^-?\d{1,30}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const ZPositionSchema = z.object({
  connectionId: z.string(),
  /** Flanks' `_id` of the investment: stable across syncs of the same credentials. */
  id: z.string(),
  isin: z.string(),
  name: z.string(),
  portfolio: z.string().nullable(),
  bank: z.string(),
  type: z.string(),
  quantity: z.string(),
  valueMinor: minorText,
  currency: z.string(),
});

const ZAccountSchema = z.object({
  connectionId: z.string(),
  id: z.string(),
  name: z.string(),
  bank: z.string(),
  balanceMinor: minorText,
  currency: z.string(),
});

const ZLiabilitySchema = z.object({
  connectionId: z.string(),
  id: z.string(),
  name: z.string(),
  bank: z.string(),
  outstandingMinor: minorText,
  currency: z.string(),
});

const ZConnectionSchema = z.object({
  id: z.string(),
  bank: z.string(),
  state: z.string(),
  erroredProducts: z.array(z.string()),
  /** The newest operation day of its account and investment transactions: the flows are read after it. */
  transactionsThrough: day.nullable(),
});

const ZMifidSchema = z.object({ connectionId: z.string(), questionId: z.string(), question: z.string(), answers: z.array(z.string()) });

export const ZReviewSnapshotSchema = z.object({
  version: z.literal(1),
  takenAt: z.iso.datetime(),
  /** Net wealth in the base currency at the rates of `ratesDay` (null: only the base currency was held); netMinor null once a bank was erased from it. */
  base: z.object({ currency: z.string(), netMinor: minorText.nullable(), ratesDay: day.nullable(), notConverted: z.array(z.string()) }),
  /** Per currency, as held. */
  totals: z.array(z.object({ currency: z.string(), assetsMinor: minorText, liabilitiesMinor: minorText })),
  positions: z.array(ZPositionSchema),
  accounts: z.array(ZAccountSchema),
  liabilities: z.array(ZLiabilitySchema),
  connections: z.array(ZConnectionSchema),
  mifid: z.array(ZMifidSchema),
});

export type TReviewSnapshot = z.infer<typeof ZReviewSnapshotSchema>;
export type TSnapshotPosition = z.infer<typeof ZPositionSchema>;
export type TSnapshotAccount = z.infer<typeof ZAccountSchema>;
export type TSnapshotLiability = z.infer<typeof ZLiabilitySchema>;
export type TSnapshotConnection = z.infer<typeof ZConnectionSchema>;
export type TSnapshotMifid = z.infer<typeof ZMifidSchema>;

/** A stored snapshot read back; null when it cannot be read (written by a future version, or damaged): the page then says so. */
export function parseReviewSnapshot(json: string): TReviewSnapshot | null {
  try {
    const parsed = ZReviewSnapshotSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Per-currency totals of the rows: assets = accounts + positions, liabilities = outstanding (as lib/wealth/snapshot.ts adds them). */
export function snapshotTotals(rows: Pick<TReviewSnapshot, "positions" | "accounts" | "liabilities">): TReviewSnapshot["totals"] {
  const byCurrency = new Map<string, { assets: bigint; liabilities: bigint }>();
  const of = (currency: string) => {
    let entry = byCurrency.get(currency);
    if (!entry) byCurrency.set(currency, (entry = { assets: 0n, liabilities: 0n }));
    return entry;
  };
  for (const row of rows.accounts) of(row.currency).assets += BigInt(row.balanceMinor);
  for (const row of rows.positions) of(row.currency).assets += BigInt(row.valueMinor);
  for (const row of rows.liabilities) of(row.currency).liabilities += BigInt(row.outstandingMinor);
  return [...byCurrency]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, entry]) => ({ currency, assetsMinor: String(entry.assets), liabilitiesMinor: String(entry.liabilities) }));
}

/**
 * The snapshot without anything of one connection: disconnecting a bank erases every figure stored for
 * it (decision 042), its copy in past reviews too. The base-currency total, which included it, is
 * dropped (the comparison does not use it; it converts the per-currency figures again).
 */
export function withoutConnection(snapshot: TReviewSnapshot, connectionId: string): TReviewSnapshot {
  const keep = <T extends { connectionId: string }>(rows: T[]) => rows.filter((row) => row.connectionId !== connectionId);
  const rows = { positions: keep(snapshot.positions), accounts: keep(snapshot.accounts), liabilities: keep(snapshot.liabilities) };
  return {
    ...snapshot,
    base: { ...snapshot.base, netMinor: null },
    totals: snapshotTotals(rows),
    ...rows,
    connections: snapshot.connections.filter((c) => c.id !== connectionId),
    mifid: keep(snapshot.mifid),
  };
}
