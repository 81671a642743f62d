import { Link } from "@/components/ui/link";
import { interpolate, type TMessages } from "@/lib/i18n/messages";

/** Page links that keep the other query parameters. */
export function Pagination({ t, page, pageCount, hrefFor }: { t: TMessages; page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const linkClass = "rounded border border-slate-300 bg-white px-3 py-1 text-sm text-slate-900 hover:bg-slate-100";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link className={linkClass} href={hrefFor(page - 1)} rel="prev">
          {t.common.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700">{interpolate(t.common.page, { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link className={linkClass} href={hrefFor(page + 1)} rel="next">
          {t.common.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
