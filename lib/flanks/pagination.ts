import { FlanksContractError } from "./errors";
import type { TRecordList } from "./read-records";

export type TPageOptions = {
  /** Elements per page asked for (default 500). Flanks may answer fewer: see walkPages. */
  pageSize?: number;
  /** First page number; Flanks counts from 1. */
  firstPage?: number;
  /** Safety stop against a server that never returns an empty page (default 10 000 pages). */
  maxPages?: number;
};

/**
 * Walks numbered pages until an EMPTY page. The reference documents `page` and `page_size` but
 * neither a total nor a maximum page size: a Flanks that caps `page_size` silently answers full pages
 * shorter than asked, and stopping at the first "short" page cut the history to one page without a
 * word (issue 15). Only an empty page proves the end; it costs one more request per walk. A page whose
 * first record repeats the previous page's means the server ignored `page`: a contract error rather
 * than a loop.
 *
 * While the caller works on a page, the next one is already being requested (the request the walk
 * would make next anyway): Flanks prepares page n + 1 while we parse and store page n. A caller that
 * stops early leaves at most that one request unread.
 */
export async function* walkPages<T>(
  endpoint: string,
  fetchPage: (page: number, pageSize: number) => Promise<TRecordList<T>>,
  options: TPageOptions = {},
): AsyncGenerator<TRecordList<T>, void, undefined> {
  const pageSize = options.pageSize ?? 500;
  const firstPage = options.firstPage ?? 1;
  const maxPages = options.maxPages ?? 10_000;
  const request = (page: number) => {
    const pending = fetchPage(page, pageSize);
    // Handled here so a prefetch nobody awaits (the caller stopped) is no unhandled rejection; awaiting it still throws.
    pending.catch(() => undefined);
    return pending;
  };
  let previousFirstId: unknown;
  let next = request(firstPage);
  for (let page = firstPage; ; page += 1) {
    const items = await next;
    if (items.received === 0) return;
    if (page >= firstPage + maxPages) {
      throw new FlanksContractError(endpoint, [{ path: `page ${page}`, message: `more than ${maxPages} pages` }]);
    }
    const firstId = items.firstId;
    if (page > firstPage && firstId !== undefined && firstId === previousFirstId) {
      throw new FlanksContractError(endpoint, [{ path: `page ${page}`, message: "repeats the previous page (is `page` ignored?)" }]);
    }
    previousFirstId = firstId;
    next = request(page + 1);
    yield items;
  }
}
