import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

/** Runs a command to completion, inheriting the terminal; rejects with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return completion(spawn(command, args, { stdio: "inherit", ...options }), command, args);
}

/** Resolves when the child exits with 0; rejects naming the command and its exit code or signal. */
function completion(child: ChildProcess, command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}`))));
  });
}

/**
 * Runs a command to completion with each line of its output prefixed, so that two commands running side by side
 * stay readable in one log; rejects with its exit code.
 */
export function runPrefixed(prefix: string, command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  for (const [stream, target] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    let rest = "";
    stream!.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) target.write(`${prefix} ${line}\n`);
    });
    stream!.on("end", () => rest && target.write(`${prefix} ${rest}\n`));
  }
  return completion(child, command, args);
}

/** Waits for every command started side by side, then rejects once, naming each one that failed. */
export async function allSucceed(commands: Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(commands)).filter((result): result is PromiseRejectedResult => result.status === "rejected");
  if (failed.length > 0) throw new Error(failed.map((result) => String(result.reason instanceof Error ? result.reason.message : result.reason)).join("; "));
}

export const BIN = {
  prisma: "node_modules/.bin/prisma",
  next: "node_modules/next/dist/bin/next",
  vitest: "node_modules/.bin/vitest",
  playwright: "node_modules/.bin/playwright",
  prettier: "node_modules/.bin/prettier",
  eslint: "node_modules/.bin/eslint",
  // dbmate is not here: its binary depends on the platform (resolveDbmate in dbmate-path.ts).
} as const;
