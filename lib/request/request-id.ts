import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { clientAddressOf } from "@/lib/security/client-address";

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

/** The caller's address (the TCP peer, or what the configured trusted proxy saw): lib/security/client-address.ts. */
export async function getClientAddress(): Promise<string> {
  try {
    return clientAddressOf(await headers(), getEnv().TRUSTED_PROXY_HOPS);
  } catch {
    return "unknown";
  }
}
