import { recordAudit } from "../audit";
import { db } from "../db";
import { recordEvent } from "../events/record";

/**
 * Reopens findings whose risk acceptance has run out: an acceptance lasts until the start of its
 * expiry day (UTC), after which the finding is open again and counts among the open findings
 * (dashboard, vendor page, portfolio PDF). Run by the scheduler (instrumentation.ts); the
 * guarded update makes two processes running it at once reopen, and audit, each finding once.
 */
export async function reopenExpiredRiskAcceptances({ now = new Date() }: { now?: Date } = {}) {
  const expired = await db.finding.findMany({
    where: { status: "risk_accepted", riskAcceptedUntil: { lte: now } },
    select: {
      id: true,
      orgId: true,
      title: true,
      assessmentId: true,
      vendorId: true,
      vendor: { select: { name: true } },
      riskAcceptedUntil: true,
      riskAcceptedById: true,
    },
  });
  let reopened = 0;
  for (const f of expired) {
    await db.$transaction(async (tx) => {
      const moved = await tx.finding.updateMany({
        where: { id: f.id, status: "risk_accepted", riskAcceptedUntil: f.riskAcceptedUntil },
        data: { status: "open" },
      });
      if (moved.count !== 1) return; // another process reopened it, or it was accepted anew
      await recordAudit({
        tx,
        orgId: f.orgId,
        actor: { kind: "system" },
        action: "finding.risk_acceptance_expired",
        targetType: "finding",
        targetId: f.id,
        data: {
          from: "risk_accepted",
          to: "open",
          until: f.riskAcceptedUntil?.toISOString().slice(0, 10) ?? null,
        },
      });
      const until = f.riskAcceptedUntil?.toISOString().slice(0, 10) ?? "";
      await recordEvent({
        tx,
        orgId: f.orgId,
        type: "risk_acceptance.expired",
        actor: { kind: "system" },
        findingId: f.id,
        assessmentId: f.assessmentId ?? undefined,
        vendorId: f.vendorId,
        payload: { title: f.title, vendorName: f.vendor.name, until },
        dedupeKey: `risk_acceptance.expired:${f.id}:${until}`,
      });
      reopened++;
    });
  }
  return { reopened };
}
