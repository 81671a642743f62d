import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";

/** The origin end users reach us at, for links we hand out: NEXTAUTH_URL when set, else this request's host. */
export async function getPublicOrigin(): Promise<string> {
  const configured = getEnv().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? `localhost:${getEnv().PORT}`;
  const proto = list.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
