import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSandbox } from "@/lib/sandbox/create-sandbox";
import { nodeListener } from "@/lib/sandbox/node-http";

export type TSandboxServer = {
  /** Origin, e.g. http://127.0.0.1:40123. The API is under `${url}/sandbox`. */
  url: string;
  /** The client's apiUrl: `${url}/sandbox`. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  linkToken: string;
  close: () => Promise<void>;
};

export type TStartSandboxOptions = {
  clientId?: string;
  clientSecret?: string;
  linkToken?: string;
  linkRedirectUri?: string;
  tokenTtlSeconds?: number;
  now?: () => number;
};

const BASE_PATH = "/sandbox";

/** Serves the sandbox on node:http at 127.0.0.1 on a random port, with its state in a temp dir. */
export async function startSandboxServer(options: TStartSandboxOptions = {}): Promise<TSandboxServer> {
  const dir = mkdtempSync(join(tmpdir(), "flanks-sandbox-"));
  const clientId = options.clientId ?? "test-client";
  const clientSecret = options.clientSecret ?? "test-client-secret-0123456789";
  const linkToken = options.linkToken ?? "test-link-token";
  const sandbox = await createSandbox({
    stateFile: join(dir, "sandbox-state.json"),
    clientId,
    clientSecret,
    linkToken,
    linkRedirectUri: options.linkRedirectUri ?? "http://127.0.0.1:9/connect/callback",
    basePath: BASE_PATH,
    ...(options.tokenTtlSeconds === undefined ? {} : { tokenTtlSeconds: options.tokenTtlSeconds }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });

  let origin = "";
  const server = createServer(
    nodeListener(
      (request) => sandbox.handle(request),
      () => origin,
    ),
  );

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    apiUrl: `${origin}${BASE_PATH}`,
    clientId,
    clientSecret,
    linkToken,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
