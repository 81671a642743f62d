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
 */
export async function* walkPages<T extends { _id?: unknown }>(
  endpoint: string,
  fetchPage: (page: number, pageSize: number) => Promise<T[]>,
  options: TPageOptions = {},
): AsyncGenerator<T[], void, undefined> {
  const pageSize = options.pageSize ?? 500;
  const firstPage = options.firstPage ?? 1;
  const maxPages = options.maxPages ?? 10_000;
  let previousFirstId: unknown;
  for (let page = firstPage; page < firstPage + maxPages; page += 1) {
    const items = await fetchPage(page, pageSize);
    if (items.length === 0) return;
    const firstId = items[0]?._id;
    if (page > firstPage && firstId !== undefined && firstId === previousFirstId) {
      throw new FlanksContractError(endpoint, [{ path: `page ${page}`, message: "repeats the previous page (is `page` ignored?)" }]);
    }
    previousFirstId = firstId;
    yield items;
    if (items.length < pageSize) return;
  }
  throw new FlanksContractError(endpoint, [{ path: `page ${firstPage + maxPages}`, message: `more than ${maxPages} pages` }]);
}
