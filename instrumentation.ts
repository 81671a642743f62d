/** Runs once when the server starts: background jobs live in the Node.js server process only. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First: every request after this carries the peer address the rate limits read.
    const { installPeerAddressStamp } = await import("./lib/security/peer-address-stamp");
    installPeerAddressStamp();
    const { releaseAbortReasonStacks } = await import("./lib/runtime/release-abort-reason-stacks");
    releaseAbortReasonStacks();
    const { startScheduler } = await import("./lib/jobs/scheduler");
    startScheduler();
    // SIGTERM (or scripts/serve.ts's drain message): stop the jobs and release their leases before exiting.
    const { installGracefulShutdown } = await import("./lib/jobs/graceful-shutdown");
    installGracefulShutdown();
  }
}
