import { z } from "zod";

/** A report covers at most this many years: the history behind it is daily, and nobody reads a longer period in one go. */
export const REPORT_MAX_YEARS = 10;
/** At most this many insights in one report (the form offers the provider's list; this bounds a hand-made URL). */
const MAX_INSIGHTS = 50;

export type TReportPeriod = { from: string; to: string };
export type TReportRequest = { period: TReportPeriod; insightIds: string[] };
export type TReportProblem =
  | { field: "from" | "to"; code: "day" }
  | { field: "from"; code: "order" }
  | { field: "to"; code: "future"; today: string }
  | { field: "from"; code: "tooLong"; years: number }
  | { field: "insight"; code: "insights" };

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "YYYY-MM-DD" that names a real day (no 2026-02-30). */
export function isCalendarDay(value: string): boolean {
  if (!CALENDAR_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The default period: from the first of January of the current year (the YTD of the performance table) to today. */
export function defaultReportPeriod(today: string): TReportPeriod {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

const ZQuerySchema = z.object({
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  insight: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9_.:-]{1,120}$/)).max(MAX_INSIGHTS)),
});

/** Reads a query string's parameters as URLSearchParams or Next's searchParams give them (a repeated key is a list). */
export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length === 1 ? values[0]! : values;
  }
  return record;
}

/**
 * The report's period and chosen insights from a query string. A missing day takes the default
 * (defaultReportPeriod); a malformed one, a start after the end, an end after today or a period
 * longer than REPORT_MAX_YEARS is a problem to show, never a guess.
 */
export function parseReportRequest(
  query: Record<string, string | string[] | undefined>,
  today: string,
): { request: TReportRequest; problems: [] } | { request: null; problems: TReportProblem[] } {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = ZQuerySchema.safeParse({ from: first(query.from) || undefined, to: first(query.to) || undefined, insight: query.insight });
  if (!parsed.success) {
    const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
    const problems: TReportProblem[] = [];
    if (fields.has("from")) problems.push({ field: "from", code: "day" });
    if (fields.has("to")) problems.push({ field: "to", code: "day" });
    if (fields.has("insight")) problems.push({ field: "insight", code: "insights" });
    return { request: null, problems };
  }
  const defaults = defaultReportPeriod(today);
  const from = parsed.data.from ?? defaults.from;
  const to = parsed.data.to ?? defaults.to;
  const problems: TReportProblem[] = [];
  if (!isCalendarDay(from)) problems.push({ field: "from", code: "day" });
  if (!isCalendarDay(to)) problems.push({ field: "to", code: "day" });
  if (problems.length === 0) {
    if (from > to) problems.push({ field: "from", code: "order" });
    if (to > today) problems.push({ field: "to", code: "future", today });
    const earliest = `${Number(to.slice(0, 4)) - REPORT_MAX_YEARS}${to.slice(4)}`;
    if (from < earliest) problems.push({ field: "from", code: "tooLong", years: REPORT_MAX_YEARS });
  }
  if (problems.length > 0) return { request: null, problems };
  return { request: { period: { from, to }, insightIds: [...new Set(parsed.data.insight)] }, problems: [] };
}
