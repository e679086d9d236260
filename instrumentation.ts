// Next.js instrumentation hook: runs once when a server process starts. In-process jobs
// (lib/jobs/scheduler.ts) are registered here; the Node.js runtime only, never during
// `next build`.
export async function register() {
  if (
    process.env.NEXT_RUNTIME === "nodejs" &&
    process.env.NEXT_PHASE !== "phase-production-build"
  ) {
    const { watchSupervisor } = await import("./lib/ops/supervisor");
    watchSupervisor();
    const { registerBackupJob } = await import("./lib/ops/schedule");
    registerBackupJob();
    const { registerJob } = await import("./lib/jobs/scheduler");
    const { sendDueReminders } = await import("./lib/jobs/reminders");
    // Reminders before the due date and when overdue; each is sent at most once (see reminders.ts).
    registerJob({
      name: "reminders",
      everyMs: 5 * 60_000,
      runOnStart: true,
      run: async () => {
        const { sent } = await sendDueReminders();
        if (sent) console.log(`[reminders] ${sent} reminder(s) sent`);
      },
    });
    const { reopenExpiredRiskAcceptances } = await import("./lib/jobs/risk-acceptance");
    // An accepted risk is open again once its acceptance expires (see risk-acceptance.ts).
    registerJob({
      name: "risk-acceptance-expiry",
      everyMs: 10 * 60_000,
      runOnStart: true,
      run: async () => {
        const { reopened } = await reopenExpiredRiskAcceptances();
        if (reopened) console.log(`[risk] ${reopened} expired risk acceptance(s) reopened`);
      },
    });
  }
}
