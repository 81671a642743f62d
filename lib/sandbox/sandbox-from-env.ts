import { join } from "node:path";
import type { TAppEnv } from "@/lib/config/parse-env";
import { createSandbox, type TSandbox } from "./create-sandbox";

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
