// A small subset of the Flanks "Query Engine" (Mongo-like) for the `query` body field:
// equality, $eq $ne $gt $gte $lt $lte $in $nin $regex on (dotted) fields, and $and / $or.
export class QueryError extends Error {}

type TQuery = Record<string, unknown>;

function get(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function compare(a: unknown, b: unknown): number | null {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

function matchCondition(value: unknown, condition: unknown): boolean {
  if (condition === null || typeof condition !== "object" || Array.isArray(condition)) return value === condition;
  const ops = Object.entries(condition as TQuery);
  if (ops.length === 0 || !ops.every(([op]) => op.startsWith("$"))) return JSON.stringify(value) === JSON.stringify(condition);
  return ops.every(([op, operand]) => {
    const c = compare(value, operand);
    switch (op) {
      case "$eq":
        return value === operand;
      case "$ne":
        return value !== operand;
      case "$gt":
        return c !== null && c > 0;
      case "$gte":
        return c !== null && c >= 0;
      case "$lt":
        return c !== null && c < 0;
      case "$lte":
        return c !== null && c <= 0;
      case "$in":
        if (!Array.isArray(operand)) throw new QueryError("$in needs a list");
        return operand.includes(value);
      case "$nin":
        if (!Array.isArray(operand)) throw new QueryError("$nin needs a list");
        return !operand.includes(value);
      case "$regex":
        if (typeof operand !== "string") throw new QueryError("$regex needs a string");
        return typeof value === "string" && new RegExp(operand, "i").test(value);
      default:
        throw new QueryError(`Unsupported query operator ${op}`);
    }
  });
}

export function matchesQuery(record: Record<string, unknown>, query: TQuery): boolean {
  return Object.entries(query).every(([key, condition]) => {
    if (key === "$and" || key === "$or") {
      if (!Array.isArray(condition)) throw new QueryError(`${key} needs a list`);
      const parts = condition as TQuery[];
      return key === "$and" ? parts.every((q) => matchesQuery(record, q)) : parts.some((q) => matchesQuery(record, q));
    }
    return matchCondition(get(record, key), condition);
  });
}

/** Validates the operators up front, so a bad query is a 400 even when no record would be tested. */
export function assertQuery(query: TQuery): void {
  matchesQuery({}, query);
}
