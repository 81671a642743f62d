import { describe, expect, it } from "vitest";
import { BUNDLED_DBMATE, resolveDbmate, type TDbmateLookup } from "./dbmate-path";

/** A machine with these executable files. */
function machine(platform: NodeJS.Platform, arch: string, env: Record<string, string>, files: string[]): TDbmateLookup {
  return { platform, arch, env, isExecutable: (file) => files.includes(file) };
}

describe("resolveDbmate", () => {
  it("runs the bundled binary on Linux x64", () => {
    expect(resolveDbmate(machine("linux", "x64", { PATH: "/usr/bin" }, [BUNDLED_DBMATE, "/usr/bin/dbmate"]))).toBe(BUNDLED_DBMATE);
  });

  it("runs DBMATE_BIN when set, on any platform, and refuses one that is not there rather than run another dbmate", () => {
    expect(resolveDbmate(machine("darwin", "arm64", { DBMATE_BIN: "/opt/dbmate", PATH: "/usr/bin" }, ["/opt/dbmate", "/usr/bin/dbmate"]))).toBe("/opt/dbmate");
    expect(resolveDbmate(machine("linux", "x64", { DBMATE_BIN: "/opt/dbmate" }, ["/opt/dbmate", BUNDLED_DBMATE]))).toBe("/opt/dbmate");
    expect(() => resolveDbmate(machine("linux", "x64", { DBMATE_BIN: "/opt/missing" }, [BUNDLED_DBMATE]))).toThrow(/DBMATE_BIN is set to \/opt\/missing/);
  });

  it("finds dbmate on the PATH on macOS, and dbmate.exe on Windows", () => {
    expect(resolveDbmate(machine("darwin", "arm64", { PATH: "/usr/bin:/opt/homebrew/bin" }, ["/opt/homebrew/bin/dbmate"]))).toBe("/opt/homebrew/bin/dbmate");
    const windows = machine("win32", "x64", { Path: "C:\\Windows;C:\\Users\\ana\\scoop\\shims", PATHEXT: ".COM;.EXE" }, [
      "C:\\Users\\ana\\scoop\\shims\\dbmate.exe",
    ]);
    expect(resolveDbmate(windows)).toBe("C:\\Users\\ana\\scoop\\shims\\dbmate.exe");
  });

  it("falls back to the PATH on Linux x64 when the optional bundled binary was not installed", () => {
    expect(resolveDbmate(machine("linux", "x64", { PATH: "/usr/local/bin" }, ["/usr/local/bin/dbmate"]))).toBe("/usr/local/bin/dbmate");
  });

  it("says how to install dbmate, and DBMATE_BIN, when there is none", () => {
    const none = () => resolveDbmate(machine("darwin", "arm64", { PATH: "/usr/bin" }, []));
    expect(none).toThrow("https://github.com/amacneil/dbmate#installation");
    expect(none).toThrow("DBMATE_BIN");
  });
});
