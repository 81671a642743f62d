// npm run sync — for cron: syncs every connection whose Flanks data may have changed (lib/sync/run-daily-sync.ts).
// Runs with `--conditions=react-server` (see package.json) because the sync modules are marked server-only.
export {};

const { runDailySync } = await import("../lib/sync/run-daily-sync");
const result = await runDailySync();
console.log(JSON.stringify(result));
process.exit(result.status === "done" && result.failed > 0 ? 1 : 0);
