import { FlanksContractError } from "./errors";

export type TPageOptions = {
  /** Elements per page (default 500). */
  pageSize?: number;
  /** First page number; Flanks counts from 1. */
  firstPage?: number;
  /** Safety stop against a server that never returns a short page (default 10 000 pages). */
  maxPages?: number;
};

/**
 * Walks numbered pages until a short (or empty) page. The reference documents `page` and
 * `page_size` but no total, so a page smaller than `page_size` is the only end marker. A page
 * identical to the previous one means the server ignored `page`: we stop with a contract error
 * rather than loop forever.
 *
 * While the caller works on a full page, the next one is already being requested (the request
 * the walk would make next anyway): Flanks prepares page n + 1 while we parse and store page n.
 * A caller that stops early leaves at most that one request unread.
 */
export async function* walkPages<T extends { _id?: unknown }>(
  endpoint: string,
  fetchPage: (page: number, pageSize: number) => Promise<T[]>,
  options: TPageOptions = {},
): AsyncGenerator<T[], void, undefined> {
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
  for (let page = firstPage; page < firstPage + maxPages; page += 1) {
    const items = await next;
    if (items.length === 0) return;
    const firstId = items[0]?._id;
    if (page > firstPage && firstId !== undefined && firstId === previousFirstId) {
      throw new FlanksContractError(endpoint, [{ path: `page ${page}`, message: "repeats the previous page (is `page` ignored?)" }]);
    }
    previousFirstId = firstId;
    const isLast = items.length < pageSize;
    if (!isLast && page + 1 < firstPage + maxPages) next = request(page + 1);
    yield items;
    if (isLast) return;
  }
  throw new FlanksContractError(endpoint, [{ path: `page ${firstPage + maxPages}`, message: `more than ${maxPages} pages` }]);
}
