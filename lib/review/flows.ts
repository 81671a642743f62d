/*
 * Which transactions are money in and out of the client's wealth (docs/decisions/053). The rest of a
 * change in net wealth is market movement (compare-review.ts).
 *
 * - An account transaction is a flow, with its sign, unless it is a return on the cash itself
 *   (Flanks' type "interest" or "dividend"): salaries, transfers, card payments, bills and
 *   withdrawals move money in or out.
 * - An investment transaction is a flow when it puts money into a position or takes it out:
 *   "1" purchase / subscription (in), "2" sale / redemption (out), "4" funds transfer (in or out by
 *   its `symb`), each for its net cash. Dividends ("5"), reversals ("28") and newer codes are not.
 *   A purchase paid from a connected account is then −X there and +X here: it nets to no flow, as a
 *   move inside the client's wealth should.
 * - Liabilities have no market value: a change in what is outstanding (a loan drawn or repaid,
 *   or a liability that appears or disappears) is a flow, read from the balances, not transactions.
 */

export type TFlowTransaction = {
  connectionId: string;
  kind: "account" | "investment";
  id: string;
  /** Operation day, YYYY-MM-DD. */
  day: string;
  description: string;
  /** Flanks' type: the account's ("transfer", "interest"…) or the investment's standard code ("1", "2", "4"…). */
  type: string | null;
  /** `symb` of an investment transaction ("+" or "-"). */
  symb: string | null;
  /** Account: the amount as signed by the bank. Investment: the net cash as sent. */
  amountMinor: bigint;
  currency: string;
  bank: string;
};

const ACCOUNT_RETURN_TYPES = new Set(["interest", "dividend"]);

const abs = (value: bigint) => (value < 0n ? -value : value);

/** The transaction's effect on net wealth from outside, in its currency (positive: money in), or null when it is not a flow. */
export function flowOf(transaction: TFlowTransaction): bigint | null {
  if (transaction.kind === "account") {
    return ACCOUNT_RETURN_TYPES.has((transaction.type ?? "").toLowerCase()) ? null : transaction.amountMinor;
  }
  switch (transaction.type) {
    case "1":
      return abs(transaction.amountMinor);
    case "2":
      return -abs(transaction.amountMinor);
    case "4":
      return transaction.symb === "-" ? -abs(transaction.amountMinor) : abs(transaction.amountMinor);
    default:
      return null;
  }
}
