import { spawn, type SpawnOptions } from "node:child_process";

/** Runs a command to completion, inheriting the terminal; rejects with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}`))));
  });
}

export const BIN = {
  prisma: "node_modules/.bin/prisma",
  next: "node_modules/next/dist/bin/next",
  vitest: "node_modules/.bin/vitest",
  playwright: "node_modules/.bin/playwright",
  dbmate: "node_modules/.bin/dbmate",
} as const;
