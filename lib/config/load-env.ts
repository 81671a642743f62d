import { loadGeneratedSecrets } from "./generated-secrets";
import { parseEnv, type TAppEnv } from "./parse-env";

let cached: TAppEnv | undefined;

/** The only reader of process.env. Used by the app (through lib/env.ts) and by scripts. */
export function loadEnv(): TAppEnv {
  if (!cached) {
    const dataDir = process.env.DATA_DIR?.trim() || "data";
    cached = parseEnv(process.env, loadGeneratedSecrets(dataDir));
  }
  return cached;
}
