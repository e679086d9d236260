// Next.js instrumentation hook: runs once when a server process starts. In-process jobs
// (lib/jobs/scheduler.ts) are registered here; the Node.js runtime only, never during
// `next build`.
export async function register() {
  if (
    process.env.NEXT_RUNTIME === "nodejs" &&
    process.env.NEXT_PHASE !== "phase-production-build"
  ) {
    const { registerBackupJob } = await import("./lib/ops/schedule");
    registerBackupJob();
  }
}
