import { execFileSync } from "node:child_process";

/**
 * Fails when an installed dependency has an install script that package.json's `allowScripts`
 * neither approves nor denies. npm 12 skips unreviewed scripts by default, so a new native
 * dependency would install without being built and break only on a machine with npm 12.
 * npm before 11.x has no `install-scripts` command: then there is nothing to check against.
 */
export function checkInstallScriptsReviewed(): void {
  let listing: string;
  try {
    listing = execFileSync("npm", ["install-scripts", "ls"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "");
    if (/Unknown command|not a valid command/i.test(stderr)) {
      console.log("npm has no `install-scripts` command here: install scripts not checked.");
      return;
    }
    throw error;
  }
  if (/^No packages with unreviewed install scripts/m.test(listing)) return;
  throw new Error(
    `${listing.trim()}\nReview each script, then record the verdict in package.json's allowScripts: npm install-scripts approve <pkg> (or deny <pkg>).`,
  );
}
