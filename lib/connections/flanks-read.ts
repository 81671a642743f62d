import "server-only";
import { isFlanksError } from "@/lib/flanks/errors";

export type TFlanksRead<T> = { ok: true; value: T } | { ok: false; error: string };

/** For admin pages that show Flanks' own lists: a Flanks failure becomes a message on the page, not an error page. */
export async function readFromFlanks<T>(read: () => Promise<T>): Promise<TFlanksRead<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (isFlanksError(error)) return { ok: false, error: error.kind };
    throw error;
  }
}
