import { NextResponse } from "next/server";

/** The JSON error every route handler (and the proxy) answers with: `{ error: { code, message, fieldErrors? } }`, never cached. */
export function jsonError(status: number, code: string, message: string, fieldErrors?: Record<string, string[]>): NextResponse {
  return NextResponse.json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } }, { status, headers: { "Cache-Control": "no-store" } });
}
