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
    const { keepPendingReports } = await import("./lib/reports/kept-reports");
    // Submitted and decided assessments' PDFs, rendered below any click and kept, so that a
    // download is served at once (see kept-reports.ts). Once across instances.
    registerJob({
      name: "kept-reports",
      everyMs: 30_000,
      acrossInstances: true,
      timeoutMs: 10 * 60_000,
      run: async ({ signal }) => {
        const { rendered, failed } = await keepPendingReports({ signal });
        if (rendered || failed)
          console.log(`[reports] ${rendered} report(s) kept, ${failed} could not be made`);
      },
    });
    const { getStorage } = await import("./lib/storage");
    // Files a process died while writing (a failed write cleans up itself): a day old is dead.
    registerJob({
      name: "storage-sweep",
      everyMs: 60 * 60_000,
      runOnStart: true,
      acrossInstances: true,
      run: async () => {
        const before = new Date(Date.now() - 24 * 60 * 60_000);
        const removed = await getStorage().sweepAbandoned({ before });
        if (removed)
          console.log(`[storage] ${removed} half-written file(s) left by a dead process removed`);
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
