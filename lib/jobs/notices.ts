import { getOrgSettings } from "../data/org";
import { db } from "../db";
import { recordEvent } from "../events/record";

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Records the date-driven events: a finding due within the organisation's window or overdue
 * (its owner), a risk acceptance expiring within its window (the managers). Each event's key
 * names the finding and the date, so a run — or two processes at once — records it once, and a
 * moved date is a new event. Expired acceptances come from risk-acceptance.ts.
 */
export async function recordDueNotices({ now = new Date() }: { now?: Date } = {}) {
  const today = new Date(`${isoDay(now)}T00:00:00Z`).getTime();
  const findings = await db.finding.findMany({
    where: {
      OR: [
        { status: { in: ["open", "in_progress"] }, dueDate: { not: null }, ownerId: { not: null } },
        { status: "risk_accepted", riskAcceptedUntil: { gt: now } },
      ],
    },
    select: {
      id: true,
      orgId: true,
      title: true,
      status: true,
      dueDate: true,
      riskAcceptedUntil: true,
      assessmentId: true,
      vendorId: true,
      vendor: { select: { name: true } },
    },
  });
  const windows = new Map<string, Awaited<ReturnType<typeof getOrgSettings>>>();
  let recorded = 0;
  for (const f of findings) {
    if (!windows.has(f.orgId)) windows.set(f.orgId, await getOrgSettings({ orgId: f.orgId }));
    const { findingDueSoonDays, riskExpiringDays } = windows.get(f.orgId)!;
    let type: "finding.due_soon" | "finding.overdue" | "risk_acceptance.expiring" | null = null;
    let day = "";
    if (f.status === "risk_accepted" && f.riskAcceptedUntil) {
      day = isoDay(f.riskAcceptedUntil);
      if (f.riskAcceptedUntil.getTime() - today <= riskExpiringDays * DAY)
        type = "risk_acceptance.expiring";
    } else if (f.dueDate) {
      day = isoDay(f.dueDate);
      const due = f.dueDate.getTime();
      // The whole due day counts as on time, as for assessments' reminders.
      if (today > due) type = "finding.overdue";
      else if (due - today <= findingDueSoonDays * DAY) type = "finding.due_soon";
    }
    if (!type) continue;
    const id = await db.$transaction((tx) =>
      recordEvent({
        tx,
        orgId: f.orgId,
        type,
        actor: { kind: "system" },
        findingId: f.id,
        assessmentId: f.assessmentId ?? undefined,
        vendorId: f.vendorId,
        payload:
          type === "risk_acceptance.expiring"
            ? { title: f.title, vendorName: f.vendor.name, until: day }
            : { title: f.title, vendorName: f.vendor.name, dueDate: day },
        dedupeKey: `${type}:${f.id}:${day}`,
      }),
    );
    if (id) recorded++;
  }
  return { recorded };
}
