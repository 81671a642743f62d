// What a stored transaction row keeps in `extraJson` and the ledger shows: an investment
// transaction's fees, taxes, expenses, exchange rate and realised gain; the counterparty of an
// account transfer. Read from the row's own JSON (every field Flanks sent is kept there), so rows
// synced before this was shown show it too, without a migration. Pure: no I/O.
import { money, plainDecimal, type TMoney } from "@/lib/money/money";
import { storedCurrency, toMinor } from "./decimal";

type TJson = Record<string, unknown>;

/** One named part of a breakdown (commission_detail, expenses_detail, retention_detail), in the reference's order. */
export type TBreakdownPart = { key: string; amount: TMoney };
export type TFigure = { total: TMoney | null; parts: TBreakdownPart[] };

export type TInvestmentTxDetails = {
  /** `commission`, with `commission_detail` (entity, broker, canon, ITF, fx). */
  commission: TFigure;
  /** `retention` (taxes withheld), with `retention_detail` (origin, destination). */
  retention: TFigure;
  /** `expenses`, with `expenses_detail` (custody, financial, iva, liquidation). */
  expenses: TFigure;
  /** `exchange`: 1 unit of the transaction's currency is this many of the portfolio's (`referenceCurrency`); exact decimal text. */
  exchange: { rate: string; from: string; to: string | null } | null;
  /** `origin_gain`: the gain realised, with the date the position was acquired. */
  originGain: { amount: TMoney; date: string | null } | null;
  /** `reversal_type`: the type of the transaction a type "28" reverses. */
  reversalType: string | null;
};

export type TCounterparty = { direction: "to" | "from"; name: string | null; iban: string | null };

const COMMISSION_PARTS = ["entity", "broker", "canon", "ITF", "fx"] as const;
const RETENTION_PARTS = ["origin", "destination"] as const;
const EXPENSES_PARTS = ["custody", "financial", "iva", "liquidation"] as const;

export function parseExtra(json: string | null | undefined): TJson {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as TJson) : {};
  } catch {
    return {};
  }
}

const isAmount = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
const object = (value: unknown): TJson => (value && typeof value === "object" && !Array.isArray(value) ? (value as TJson) : {});

function figure(total: unknown, detail: unknown, keys: readonly string[], currency: string): TFigure {
  const parts = object(detail);
  return {
    total: isAmount(total) ? money(toMinor(total, currency), currency) : null,
    // Zero parts say nothing an advisor needs; null ones were not given.
    parts: keys.flatMap((key) => (isAmount(parts[key]) && parts[key] !== 0 ? [{ key, amount: money(toMinor(parts[key], currency), currency) }] : [])),
  };
}

/**
 * The investment transaction's costs and gains. `commissionMinor` is the stored column (the same
 * `commission`); every amount is in the transaction's currency, as the reference says.
 */
export function investmentTxDetails(extra: TJson, currency: string, commissionMinor: bigint | null): TInvestmentTxDetails {
  const commission = figure(null, extra.commission_detail, COMMISSION_PARTS, currency);
  const gain = object(extra.origin_gain);
  const reference = text(extra.referenceCurrency);
  return {
    commission: { ...commission, total: commissionMinor === null ? null : money(commissionMinor, currency) },
    retention: figure(extra.retention, extra.retention_detail, RETENTION_PARTS, currency),
    expenses: figure(extra.expenses, extra.expenses_detail, EXPENSES_PARTS, currency),
    exchange: isAmount(extra.exchange) ? { rate: plainDecimal(extra.exchange), from: currency, to: reference ? storedCurrency(reference) : null } : null,
    originGain: isAmount(gain.value) ? { amount: money(toMinor(gain.value, currency), currency), date: text(gain.date) } : null,
    reversalType: text(extra.reversal_type),
  };
}

/**
 * The other side of a transfer: the beneficiary of money going out, the payer (`ordenant`) of money
 * coming in. Null when the bank gave neither a name nor an IBAN.
 */
export function transferCounterparty(extra: TJson, amountMinor: bigint): TCounterparty | null {
  const transfer = object(extra.transfer);
  const outgoing = { direction: "to" as const, name: text(transfer.beneficiary), iban: text(transfer.ibanBeneficiary) };
  const incoming = { direction: "from" as const, name: text(transfer.ordenant), iban: text(transfer.ibanOrdenant) };
  const side = amountMinor < 0n ? outgoing : incoming;
  // The other side is the account holder's own (their name, their IBAN): never shown as a counterparty.
  return side.name || side.iban ? side : null;
}
