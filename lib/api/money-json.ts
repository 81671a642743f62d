import { minorToDecimal } from "@/lib/wealth/decimal";

type TJsonMoney = { value: string; currency: string };

function isMoney(value: object): value is { minor: bigint; currency: string } {
  return "minor" in value && "currency" in value && typeof value.minor === "bigint" && typeof value.currency === "string";
}

/**
 * A DTO as JSON for the browser: every Money, however deep, becomes `{ value: "12.30", currency }`
 * (its exact decimal), and any other bigint its decimal string. JSON has no bigint, and a Money added
 * to a row later must not turn an API answer into a 500.
 */
export function toMoneyJson(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toMoneyJson);
  if (isMoney(value)) return { value: minorToDecimal(value.minor, value.currency), currency: value.currency } satisfies TJsonMoney;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toMoneyJson(item)]));
}
