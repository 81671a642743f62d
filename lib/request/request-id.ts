import "server-only";
import { headers } from "next/headers";

import { REQUEST_ID_HEADER } from "./request-id-header";

export { REQUEST_ID_HEADER };

/** The id the proxy stamped on this request; null outside a request (scripts, schedules). */
export async function getRequestId(): Promise<string | null> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    return null;
  }
}

export async function getClientAddress(): Promise<string> {
  try {
    const list = await headers();
    return list.get("x-forwarded-for")?.split(",")[0]?.trim() || list.get("x-real-ip") || "unknown";
  } catch {
    return "unknown";
  }
}
