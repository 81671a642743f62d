import type { TReportModel, TReportSection } from "@/lib/report/report-model";

/*
 * The print view of the client report: the same content model as the PDF (lib/report/report-pdf.tsx),
 * laid out as a page. Bars are plain boxes sized by their share, with their figures beside them; the
 * print CSS keeps each block whole on a sheet.
 */
export function ReportView({ model }: { model: TReportModel }) {
  return (
    <article lang={model.lang} className="mx-auto max-w-4xl bg-white p-8 text-sm text-slate-900 print:max-w-none print:p-0" data-testid="report-view">
      <header className="mb-6 border-b border-slate-200 pb-4">
        <p className="text-base font-bold text-brand-700">{model.firmName}</p>
        <h2 className="mt-1 text-2xl font-bold">{model.title}</h2>
        {model.headerLines.map((line) => (
          <p key={line} className="text-slate-700">
            {line}
          </p>
        ))}
      </header>
      {model.sections.map((section) => (
        <section key={section.id} className="mb-6 break-inside-avoid-page" aria-labelledby={`report-${section.id}-title`} data-testid={`report-${section.id}`}>
          <h3 id={`report-${section.id}-title`} className="mb-2 text-base font-semibold break-after-avoid">
            {section.title}
          </h3>
          {section.notes.map((note) => (
            <p key={note} className="mb-1 text-xs text-slate-700">
              {note}
            </p>
          ))}
          <SectionBody section={section} />
        </section>
      ))}
      <footer className="mt-8 border-t border-slate-200 pt-2 text-xs text-slate-600">{model.footer}</footer>
    </article>
  );
}

function SectionBody({ section }: { section: TReportSection }) {
  switch (section.kind) {
    case "figures":
      return (
        <dl className="grid grid-cols-3 gap-3">
          {section.figures.map((figure) => (
            <div key={figure.label}>
              <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{figure.label}</dt>
              <dd className="tabular mt-1 text-lg font-semibold">{figure.value}</dd>
            </div>
          ))}
        </dl>
      );
    case "table":
      if (section.rows.length === 0) return <p>{section.empty}</p>;
      return (
        <table className="w-full text-xs">
          <caption className="sr-only">{section.title}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              {section.columns.map((column) => (
                <th key={column.label} scope="col" className={`py-1 pr-2 font-semibold ${column.isNumeric ? "text-right" : "text-left"}`}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {section.rows.map((row, rowIndex) => (
              <tr key={rowIndex} className="border-b border-slate-200 break-inside-avoid">
                {row.map((text, index) => (
                  <td key={index} className={`py-1 pr-2 ${section.columns[index]?.isNumeric ? "tabular text-right" : ""}`}>
                    {text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "bars":
      if (section.bars.length === 0) return <p>{section.empty}</p>;
      return (
        <ul className="space-y-1">
          {section.bars.map((bar) => (
            <li key={bar.label} className="grid grid-cols-[12rem_1fr_8rem_4rem] items-center gap-2">
              <span>{bar.label}</span>
              {/* Decorative: the figures beside it say the same. print-color-adjust keeps the fill when printing. */}
              <span aria-hidden="true" className="block h-2.5 bg-slate-200 [print-color-adjust:exact]">
                <span
                  className="block h-full bg-brand-700 [print-color-adjust:exact]"
                  style={{ width: `${(Math.max(0, Math.min(1, bar.ratio)) * 100).toFixed(2)}%` }}
                />
              </span>
              <span className="tabular text-right">{bar.value}</span>
              <span className="tabular text-right">{bar.share}</span>
            </li>
          ))}
        </ul>
      );
    case "list":
      if (section.items.length === 0) return <p>{section.empty}</p>;
      return (
        <ul className="space-y-2">
          {section.items.map((item, index) => (
            <li key={index}>
              <p className="font-semibold">{item.title}</p>
              {item.lines.map((line, lineIndex) => (
                <p key={lineIndex}>{line}</p>
              ))}
            </li>
          ))}
        </ul>
      );
  }
}
