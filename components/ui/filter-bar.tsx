import type { ReactNode } from "react";

type TFilterBarProps = {
  /** Where the filters are sent (GET); by default the page itself. */
  action?: string;
  /** The search landmark's name, where a page needs to tell it apart. */
  label?: string;
  /** Query values the bar carries without a field (the sort order, a portfolio chosen elsewhere); undefined ones are not sent. */
  keep?: Record<string, string | undefined>;
  submitLabel: string;
  /** After the submit button: a link that clears the filters, an export. */
  after?: ReactNode;
  /** "row" wraps the fields on one line; "grid" lays many fields in columns, the buttons on a row of their own. */
  layout?: "row" | "grid";
  /** The fields: TextField, SelectField, a checkbox. */
  children: ReactNode;
};

const LAYOUT = {
  row: { form: "flex flex-wrap items-end gap-3", buttons: "flex items-end gap-2" },
  grid: { form: "grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-8", buttons: "col-span-2 flex items-end gap-2 md:col-span-4 lg:col-span-8" },
} as const;

/** Query values worth a hidden input: those that are set. */
export function keptEntries(keep: Record<string, string | undefined>): [string, string][] {
  return Object.entries(keep).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "");
}

/** The one shape of a page's GET filter form: a framed search landmark, its fields, then Apply. */
export function FilterBar({ action, label, keep = {}, submitLabel, after, layout = "row", children }: TFilterBarProps) {
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className={`mb-4 rounded-lg border border-slate-200 bg-white p-4 ${LAYOUT[layout].form}`}
    >
      {keptEntries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className={LAYOUT[layout].buttons}>
        <button type="submit" className="rounded-md bg-slate-800 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-900">
          {submitLabel}
        </button>
        {after}
      </div>
    </form>
  );
}
