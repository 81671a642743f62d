import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";

/**
 * Route handlers, server actions and next-auth's authorize() see headers, never the socket. So the
 * server process itself writes the TCP peer's address into a header of each request, before Next
 * reads it (Node publishes `http.server.request.start` before emitting `request`). The value
 * starts with a secret of this process: a header a caller wrote, or a request that arrived before
 * the stamp was installed, does not carry it and is not believed.
 */
export const PEER_ADDRESS_HEADER = "x-patrimonio-peer";

type TStampGlobal = { patrimonioPeerStampSecret?: string };
const stampGlobal = globalThis as TStampGlobal;

export function installPeerAddressStamp(): void {
  if (stampGlobal.patrimonioPeerStampSecret) return;
  const secret = randomBytes(16).toString("hex");
  stampGlobal.patrimonioPeerStampSecret = secret;
  subscribe("http.server.request.start", (message) => {
    // Node's message for this channel: the IncomingMessage and its socket (typed here by what is read).
    const { request, socket } = message as { request: { headers: Record<string, string | string[] | undefined> }; socket: { remoteAddress?: string } };
    request.headers[PEER_ADDRESS_HEADER] = `${secret} ${socket.remoteAddress ?? "unknown"}`;
  });
}

/** The peer address this process stamped on the request, or null when the header is missing or not ours. */
export function readPeerAddressStamp(value: string | null | undefined): string | null {
  const secret = stampGlobal.patrimonioPeerStampSecret;
  if (!secret || !value?.startsWith(`${secret} `)) return null;
  return value.slice(secret.length + 1);
}
