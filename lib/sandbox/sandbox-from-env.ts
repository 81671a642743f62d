import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { TAppEnv } from "@/lib/config/parse-env";
import { createSandbox, type TSandbox } from "./create-sandbox";
import { nodeListener } from "./node-http";

/** The app's built-in sandbox (sandbox mode): its state under DATA_DIR, served under /sandbox. */
export function createSandboxFromEnv(env: TAppEnv): TSandbox {
  return createSandbox({
    stateFile: join(env.DATA_DIR, "sandbox-state.json"),
    clientId: env.flanksClientId,
    clientSecret: env.flanksClientSecret,
    linkToken: env.flanksLinkToken,
    linkRedirectUri: "/connect/callback",
    basePath: "/sandbox",
    ...(env.SANDBOX_TOKEN_PREFIX ? { tokenPrefix: env.SANDBOX_TOKEN_PREFIX } : {}),
  });
}

export type TListeningSandbox = {
  /** Where it listens, e.g. http://127.0.0.1:40123; its API is under `${origin}/sandbox`. */
  origin: string;
  close: () => void;
};

/**
 * The one sandbox of all the app's server processes, on 127.0.0.1:SANDBOX_PORT (0: any free port).
 * Run beside the Next server (scripts/serve.ts, scripts/start.ts --dev), never inside it: the
 * server's build holds no sandbox code (docs/decisions/044-sandbox-outside-the-build.md).
 */
export async function listenSandboxFromEnv(env: TAppEnv): Promise<TListeningSandbox> {
  const sandbox = createSandboxFromEnv(env);
  let origin = "";
  const server = createServer(
    nodeListener(
      (request) => sandbox.handle(request),
      () => origin,
    ),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.SANDBOX_PORT, "127.0.0.1", resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
