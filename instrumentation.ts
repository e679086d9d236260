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
      acrossInstances: true,
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
      acrossInstances: true,
      run: async () => {
        const { reopened } = await reopenExpiredRiskAcceptances();
        if (reopened) console.log(`[risk] ${reopened} expired risk acceptance(s) reopened`);
      },
    });
    const { recordDueNotices } = await import("./lib/jobs/notices");
    // Findings due soon or overdue, risk acceptances expiring: one event each (see notices.ts).
    registerJob({
      name: "due-notices",
      everyMs: 15 * 60_000,
      runOnStart: true,
      acrossInstances: true,
      run: async () => {
        await recordDueNotices();
      },
    });
    const { resumeStalledReportJobs } = await import("./lib/reports/report-jobs");
    // Report renders whose instance died are rendered again here (see report-jobs.ts).
    registerJob({
      name: "report-jobs",
      everyMs: 15_000,
      run: async () => {
        const { resumed } = await resumeStalledReportJobs();
        if (resumed) console.log(`[reports] ${resumed} stalled report job(s) taken over`);
      },
    });
    const { sendPendingDeliveries } = await import("./lib/jobs/deliveries");
    // Mail deliveries of the outbox's events, each sent once across processes (see deliveries.ts).
    registerJob({
      name: "deliveries",
      everyMs: 10_000, // a vendor told of a change request should not wait long
      runOnStart: true,
      acrossInstances: true,
      run: async () => {
        const { sent, failed } = await sendPendingDeliveries();
        if (sent || failed) console.log(`[deliveries] ${sent} mail(s) sent, ${failed} failed`);
      },
    });
    const { sendPendingWebhooks } = await import("./lib/webhooks/deliver");
    // Webhook deliveries, apart from mail: a slow receiver (up to 10 s a call) must not hold
    // mail back. Each is claimed before it is sent, so it goes once across instances.
    registerJob({
      name: "webhooks",
      everyMs: 5_000,
      runOnStart: true,
      acrossInstances: true,
      run: async () => {
        const { sent, failed } = await sendPendingWebhooks();
        if (sent || failed) console.log(`[webhooks] ${sent} sent, ${failed} failed`);
      },
    });
  }
}
