import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Helpers of the secret-canary and outage specs: what to look for, and where the server keeps its files. */
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? "data/e2e";
export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";

export type TNeedle = { name: string; value: string };

type TCanaryFile = {
  secrets: { NEXTAUTH_SECRET: string; ENCRYPTION_KEY: string; SANDBOX_CLIENT_SECRET: string; AUDIT_KEY: string };
  encryptionKeyMarker: string;
  tokenPrefix: string;
};

/** Written by scripts/e2e-server.ts (scripts/lib/canary-secrets.ts) before the server started. */
export function readCanaries(): TCanaryFile {
  return JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "canaries.json"), "utf8")) as TCanaryFile;
}

/** Every form in which a canary could leak. */
export function canaryNeedles(canaries: TCanaryFile = readCanaries()): TNeedle[] {
  const key = Buffer.from(canaries.secrets.ENCRYPTION_KEY, "base64");
  return [
    { name: "NEXTAUTH_SECRET", value: canaries.secrets.NEXTAUTH_SECRET },
    { name: "Flanks client secret", value: canaries.secrets.SANDBOX_CLIENT_SECRET },
    { name: "AUDIT_KEY", value: canaries.secrets.AUDIT_KEY },
    { name: "ENCRYPTION_KEY (base64)", value: canaries.secrets.ENCRYPTION_KEY },
    { name: "ENCRYPTION_KEY (base64url)", value: key.toString("base64url") },
    { name: "ENCRYPTION_KEY (hex)", value: key.toString("hex") },
    { name: "ENCRYPTION_KEY (raw marker)", value: canaries.encryptionKeyMarker },
    { name: "sandbox token prefix (any credentials_token or access token)", value: canaries.tokenPrefix },
  ];
}

/** The sandbox's live credentials tokens and current access token, from its state file. */
export function sandboxTokenNeedles(): TNeedle[] {
  const file = path.join(E2E_DATA_DIR, "sandbox-state.json");
  if (!existsSync(file)) return [];
  const state = JSON.parse(readFileSync(file, "utf8")) as { accessToken: { value: string } | null; credentials: Record<string, unknown> };
  return [
    ...Object.keys(state.credentials).map((token) => ({ name: "credentials_token", value: token })),
    ...(state.accessToken ? [{ name: "access token", value: state.accessToken.value }] : []),
  ];
}

export function findNeedles(haystack: string, needles: TNeedle[]): string[] {
  return needles.filter((needle) => needle.value.length >= 8 && haystack.includes(needle.value)).map((needle) => needle.name);
}

export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/** Lines of the server's output (scripts/e2e-server.ts tees it there). */
export function readServerLog(): string {
  const file = path.join(E2E_DATA_DIR, "server.log");
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

/** What Node.js and Next.js print for a promise rejection nobody handled, or an uncaught exception. */
export const UNHANDLED_PATTERN = /unhandledRejection|Unhandled ?Rejection|UnhandledPromiseRejection|uncaughtException/i;
