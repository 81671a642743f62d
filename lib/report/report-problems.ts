import { interpolate, type TMessages } from "@/lib/i18n/messages";
import type { TReportProblem } from "./report-request";

/** Each problem of a report's parameters in the user's words, by field (a 400's fieldErrors, the print view's alert). */
export function reportProblemTexts(problems: readonly TReportProblem[], t: TMessages): Record<string, string[]> {
  const r = t.report;
  const byField: Record<string, string[]> = {};
  for (const problem of problems) {
    const text =
      problem.code === "day"
        ? interpolate(r.problems.day, { field: problem.field === "from" ? r.from : r.to })
        : problem.code === "future"
          ? interpolate(r.problems.future, { today: problem.today })
          : problem.code === "tooLong"
            ? interpolate(r.problems.tooLong, { years: problem.years })
            : r.problems[problem.code];
    (byField[problem.field] ??= []).push(text);
  }
  return byField;
}
