import type { ReactNode } from "react";

type TColumn = { label: ReactNode; align?: "left" | "right"; srOnly?: boolean };

/**
 * The frame every list table shares: a caption for screen readers, header cells with scope, and
 * horizontal scrolling on small screens. Rows are the caller's.
 */
export function DataTable({ caption, columns, children, bodyTestId, isFramed = true }: { caption: string; columns: TColumn[]; children: ReactNode; bodyTestId?: string; isFramed?: boolean }) {
  return (
    // Focusable and named, so keyboard users can scroll a table wider than the screen (WCAG 2.1.1).
    <div className={`overflow-x-auto ${isFramed ? "rounded-lg border border-slate-200 bg-white" : ""}`} tabIndex={0} role="region" aria-label={caption}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className={`text-left text-slate-700 ${isFramed ? "bg-slate-50" : ""}`}>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={`${isFramed ? "px-4 py-3" : "py-2 pr-4"} font-semibold ${column.align === "right" ? "text-right" : ""}`}>
                {column.srOnly ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100" data-testid={bodyTestId}>
          {children}
        </tbody>
      </table>
    </div>
  );
}
