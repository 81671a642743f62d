import type { ReactNode } from "react";

type TColumn = { label: ReactNode; align?: "left" | "right"; srOnly?: boolean; sort?: "ascending" | "descending" };

/**
 * The frame every list table shares: a caption for screen readers, header cells with scope, and
 * horizontal scrolling on small screens. Rows are the caller's; `isCompact` is for long ledgers
 * (their rows use px-3 py-2 cells).
 */
export function DataTable({
  caption,
  columns,
  children,
  testId,
  bodyTestId,
  isFramed = true,
  isCompact = false,
}: {
  caption: string;
  columns: TColumn[];
  children: ReactNode;
  testId?: string;
  bodyTestId?: string;
  isFramed?: boolean;
  isCompact?: boolean;
}) {
  const cell = isCompact ? "px-3 py-2" : isFramed ? "px-4 py-3" : "py-2 pr-4";
  return (
    // Focusable and named, so keyboard users can scroll a table wider than the screen (WCAG 2.1.1).
    // contain-content: a keystroke or hover elsewhere on the page no longer re-lays out and
    // repaints a 100-row table (each keystroke in the ledger filter: ~65 → ~35 ms at CPU ×4;
    // decision 033, 2026-11-26 amendment). The frame already clips its overflow.
    <div
      className={`overflow-x-auto contain-content ${isFramed ? "rounded-lg border border-slate-200 bg-white" : ""}`}
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        {/* relative: the head and the body become paint layers of their own, so the hover and focus
            styles of a sort link repaint the head only, not the 100 rows under it (decision 033,
            2026-11-26 amendment). */}
        <thead className={`relative text-left text-slate-700 ${isFramed ? "bg-slate-50" : ""}`}>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" aria-sort={column.sort} className={`${cell} font-semibold ${column.align === "right" ? "text-right" : ""}`}>
                {column.srOnly ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="relative divide-y divide-slate-100" data-testid={bodyTestId}>
          {/* No Suspense boundary around the rows: React's server renderer may stream a large
              boundary after the shell, and the table then grew under what follows it (CLS 0.37 on
              the accounts tab, decision 033 amendment). */}
          {children}
        </tbody>
      </table>
    </div>
  );
}
