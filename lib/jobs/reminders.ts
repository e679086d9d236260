import { recordAudit } from "../audit";
import { db, Prisma } from "../db";
import { sendMail } from "../mail";
import { reminderMail } from "../mail/templates";

const DAY = 86_400_000;
const OPEN = ["sent", "in_progress", "changes_requested"] as const;

/**
 * Sends each reminder at most once: the (assessment, kind) row is inserted before the mail
 * goes out, and its unique key refuses a second one — also across app processes.
 */
export async function sendDueReminders({ now = new Date() }: { now?: Date } = {}) {
  const candidates = await db.assessment.findMany({
    where: { status: { in: [...OPEN] }, dueDate: { not: null } },
    include: {
      org: true,
      vendor: true,
      invitations: { where: { revokedAt: null } },
      reminders: true,
    },
  });
  let sent = 0;
  for (const a of candidates) {
    const lead = Number(
      (a.org.settings as { reminderDaysBefore?: number } | null)?.reminderDaysBefore ?? 7,
    );
    const due = a.dueDate!.getTime();
    const overdue = now.getTime() >= due + DAY; // the whole due day counts as on time
    const dueSoon = !overdue && now.getTime() >= due - lead * DAY;
    const kind = overdue ? "overdue" : dueSoon ? "due_soon" : null;
    if (!kind || a.reminders.some((r) => r.kind === kind)) continue;
    const recipients = a.invitations.filter((i) => i.expiresAt > now).map((i) => i.email);
    if (recipients.length === 0) continue;
    try {
      await db.reminder.create({ data: { assessmentId: a.id, kind } });
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") continue; // another process sent it
      throw e;
    }
    const support = String(
      (a.org.settings as { supportEmail?: string } | null)?.supportEmail ?? "",
    );
    const mail = reminderMail({
      orgName: a.org.name,
      vendorName: a.vendor.name,
      dueDate: a.dueDate,
      overdue: kind === "overdue",
      sentAt: a.sentAt,
      support,
    });
    try {
      for (const to of new Set(recipients)) await sendMail({ to, ...mail });
    } catch (e) {
      await db.reminder.delete({ where: { assessmentId_kind: { assessmentId: a.id, kind } } }); // retry next run
      throw e;
    }
    await recordAudit({
      orgId: a.orgId,
      actor: { kind: "system" },
      action: `reminder.${kind}`,
      targetType: "assessment",
      targetId: a.id,
      data: { to: [...new Set(recipients)] },
    });
    sent++;
  }
  return { sent };
}
