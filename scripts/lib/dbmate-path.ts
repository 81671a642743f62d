import { accessSync, constants } from "node:fs";
import path from "node:path";

/**
 * The dbmate binary bundled for Linux x64: the `dbmate` wrapper package lists a binary per platform, and the registry
 * these machines reach holds only linux-x64, so `npm ci` refused a lock with the others (an optional dependency).
 */
export const BUNDLED_DBMATE = "node_modules/@dbmate/linux-x64/bin/dbmate";

export const DBMATE_INSTALL_HELP =
  "dbmate is needed to apply the PostgreSQL migrations and none was found. Install it (https://github.com/amacneil/dbmate#installation, " +
  "e.g. `brew install dbmate` on macOS, `scoop install dbmate` on Windows) so that `dbmate` is on the PATH, or set DBMATE_BIN to its binary.";

export type TDbmateLookup = {
  platform: NodeJS.Platform;
  arch: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether a file exists and may be run. */
  isExecutable: (file: string) => boolean;
};

/**
 * Where dbmate is (docs/decisions/047): DBMATE_BIN when set (an explicit choice wins, and a wrong one fails rather
 * than falling back to another dbmate); else the bundled binary on Linux x64; else `dbmate` on the PATH (macOS,
 * Windows, other Linux). Throws with how to install it when there is none.
 */
export function resolveDbmate(lookup: TDbmateLookup = systemLookup()): string {
  const chosen = lookup.env.DBMATE_BIN;
  if (chosen) {
    if (lookup.isExecutable(chosen)) return chosen;
    throw new Error(`DBMATE_BIN is set to ${chosen}, which is not an executable file. ${DBMATE_INSTALL_HELP}`);
  }
  if (lookup.platform === "linux" && lookup.arch === "x64" && lookup.isExecutable(BUNDLED_DBMATE)) return BUNDLED_DBMATE;
  const onPath = findOnPath("dbmate", lookup);
  if (onPath) return onPath;
  throw new Error(DBMATE_INSTALL_HELP);
}

/** The first `name` in the PATH's folders; on Windows with each PATHEXT extension (dbmate.exe), as a shell would. */
function findOnPath(name: string, { platform, env, isExecutable }: TDbmateLookup): string | null {
  const isWindows = platform === "win32";
  const pathApi = isWindows ? path.win32 : path.posix;
  // Windows spells it Path; the environment is case-insensitive there.
  const folders = (env.PATH ?? env.Path ?? "").split(pathApi.delimiter).filter(Boolean);
  const extensions = isWindows ? (env.PATHEXT ?? ".EXE;.CMD;.BAT;.COM").split(";").filter(Boolean) : [""];
  for (const folder of folders) {
    for (const extension of extensions) {
      const candidate = pathApi.join(folder, name + extension.toLowerCase());
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function systemLookup(): TDbmateLookup {
  return {
    platform: process.platform,
    arch: process.arch,
    env: process.env,
    isExecutable: (file) => {
      try {
        // Windows has no execute bit: existing is enough there.
        accessSync(file, process.platform === "win32" ? constants.F_OK : constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  };
}
