import { Link } from "@/components/ui/link";
import { interpolate, type TMessages } from "@/lib/i18n/messages";

const LINK_CLASS = "rounded border border-slate-300 bg-white px-3 py-1 text-sm text-slate-900 hover:bg-slate-100";

/**
 * Page links that keep the other query parameters. First and last appear once they are more than a
 * step away, so the far end of a long table is one click, not hundreds.
 */
export function Pagination({ t, page, pageCount, hrefFor }: { t: TMessages; page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-3">
      <span className="flex gap-2">
        {page > 2 ? (
          <Link className={LINK_CLASS} href={hrefFor(1)}>
            {t.common.first}
          </Link>
        ) : null}
        {page > 1 ? (
          <Link className={LINK_CLASS} href={hrefFor(page - 1)} rel="prev">
            {t.common.previous}
          </Link>
        ) : null}
      </span>
      <span className="text-sm text-slate-700">{interpolate(t.common.page, { page, pages: pageCount })}</span>
      <span className="flex gap-2">
        {page < pageCount ? (
          <Link className={LINK_CLASS} href={hrefFor(page + 1)} rel="next">
            {t.common.next}
          </Link>
        ) : null}
        {page < pageCount - 1 ? (
          <Link className={LINK_CLASS} href={hrefFor(pageCount)}>
            {t.common.last}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
