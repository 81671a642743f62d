// Small web-standard Request/Response helpers shared by the sandbox handlers.
import { JweError, type TJweKeys } from "./jwe-keys";

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export const errorJson = (status: number, error: string, extra: Record<string, unknown> = {}): Response => json(status, { error, ...extra });

export type TBodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

/**
 * Reads a JSON body, or a compact JWE when Content-Type is application/jose (decrypted with the
 * sandbox key). An empty body reads as {} so the field checks report what is missing.
 */
export async function readBody(request: Request, keys: TJweKeys): Promise<TBodyResult> {
  const text = await request.text();
  const contentType = request.headers.get("content-type")?.toLowerCase() ?? "";
  let plain = text;
  if (contentType.startsWith("application/jose")) {
    try {
      plain = await keys.decrypt(text);
    } catch (error) {
      const message = error instanceof JweError ? error.message : "JWE could not be decrypted";
      return { ok: false, response: errorJson(400, message) };
    }
  }
  if (plain.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(plain) as unknown };
  } catch {
    return { ok: false, response: errorJson(400, "Body is not valid JSON") };
  }
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`=]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
