import { recordAudit } from "../audit";
import { issueExtraLink } from "../data/invitations";
import { db, isUniqueViolation } from "../db";
import { sendMail } from "../mail";
import { reminderMail } from "../mail/templates";

const DAY = 86_400_000;
const OPEN = ["sent", "in_progress", "changes_requested"] as const;

/**
 * Sends each reminder at most once per due date: the (assessment, kind, due date) row is
 * inserted before the mail goes out, and its unique key refuses a second one — also across app
 * processes. A changed due date is a new key: its reminders go out again, once each.
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
    const dueDate = a.dueDate!;
    const due = dueDate.getTime();
    const overdue = now.getTime() >= due + DAY; // the whole due day counts as on time
    const dueSoon = !overdue && now.getTime() >= due - lead * DAY;
    const kind = overdue ? "overdue" : dueSoon ? "due_soon" : null;
    if (!kind || a.reminders.some((r) => r.kind === kind && r.dueDate.getTime() === due)) continue;
    // One live link per address (the first invitation for it).
    const byEmail = new Map<string, string>();
    for (const i of a.invitations)
      if (i.expiresAt > now && !byEmail.has(i.email)) byEmail.set(i.email, i.id);
    if (byEmail.size === 0) continue;
    try {
      await db.reminder.create({ data: { assessmentId: a.id, kind, dueDate } });
    } catch (e) {
      if (isUniqueViolation(e)) continue; // another process sent it
      throw e;
    }
    const support = String(
      (a.org.settings as { supportEmail?: string } | null)?.supportEmail ?? "",
    );
    // Only hashes of links are stored, so each mail carries a new link to the same invitation
    // (the invitation's own link keeps working).
    let unsent: string | undefined; // the link of a mail that did not go out
    try {
      for (const [to, invitationId] of byEmail) {
        const { token, id } = await issueExtraLink({ invitationId, purpose: "reminder" });
        unsent = id;
        const mail = reminderMail({
          orgName: a.org.name,
          vendorName: a.vendor.name,
          dueDate: a.dueDate,
          overdue: kind === "overdue",
          token,
          support,
        });
        await sendMail({ to, ...mail });
        unsent = undefined;
      }
    } catch (e) {
      // Retried at the next run; links in mails that did go out keep working.
      if (unsent) await db.invitationToken.delete({ where: { id: unsent } }).catch(() => {});
      await db.reminder.delete({
        where: { assessmentId_kind_dueDate: { assessmentId: a.id, kind, dueDate } },
      });
      throw e;
    }
    await recordAudit({
      orgId: a.orgId,
      actor: { kind: "system" },
      action: `reminder.${kind}`,
      targetType: "assessment",
      targetId: a.id,
      data: { to: [...byEmail.keys()], dueDate: dueDate.toISOString().slice(0, 10) },
    });
    sent++;
  }
  return { sent };
}
