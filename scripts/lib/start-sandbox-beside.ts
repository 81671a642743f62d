import type { TAppEnv } from "../../lib/config/parse-env";
import type { TListeningSandbox } from "../../lib/sandbox/sandbox-from-env";

export type TSandboxBeside = TListeningSandbox & {
  /** What the Next server processes need: where /sandbox/* is forwarded, and where their own Flanks calls go. */
  serverEnv: { SANDBOX_UPSTREAM: string; FLANKS_API_URL?: string };
};

/**
 * Sandbox mode: starts the one sandbox in this process (the server's primary, or `npm run dev`'s
 * launcher), beside the Next server. Outside sandbox mode the sandbox's code is never even loaded:
 * the import is dynamic, and the Next build never sees it (docs/decisions/044-sandbox-outside-the-build.md).
 */
export async function startSandboxBeside(env: TAppEnv): Promise<TSandboxBeside | undefined> {
  // SANDBOX_UPSTREAM already set: another process serves it (e.g. a primary started by a parent).
  if (!env.isSandboxMode || env.SANDBOX_UPSTREAM) return undefined;
  const { listenSandboxFromEnv } = await import("../../lib/sandbox/sandbox-from-env");
  const sandbox = await listenSandboxFromEnv(env);
  return {
    ...sandbox,
    serverEnv: {
      SANDBOX_UPSTREAM: sandbox.origin,
      // The servers' own Flanks calls (sync, status) go straight to it, not through the /sandbox route.
      ...(env.FLANKS_API_URL ? {} : { FLANKS_API_URL: `${sandbox.origin}/sandbox` }),
    },
  };
}
