import { z } from "zod";
import { recordAudit } from "../audit";
import { db } from "../db";
import type { TOrgSettings } from "../schemas/settings";

const ZStoredSettings = z.object({
  supportEmail: z.string().optional(),
  reminderDaysBefore: z.number().optional(),
});

export async function getOrgSettings({ orgId }: { orgId: string }): Promise<TOrgSettings> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
  const s = ZStoredSettings.catch({}).parse(org.settings);
  return {
    name: org.name,
    supportEmail: s.supportEmail ?? "",
    reminderDaysBefore: s.reminderDaysBefore ?? 7,
  };
}

export async function updateOrgSettings({
  orgId,
  actorId,
  input,
}: {
  orgId: string;
  actorId: string;
  input: TOrgSettings;
}) {
  const before = await getOrgSettings({ orgId });
  await db.$transaction(async (tx) => {
    await tx.organization.update({
      where: { id: orgId },
      data: {
        name: input.name,
        settings: {
          supportEmail: input.supportEmail,
          reminderDaysBefore: input.reminderDaysBefore,
        },
      },
    });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId: actorId },
      action: "org.settings_changed",
      targetType: "organization",
      targetId: orgId,
      data: { from: before, to: input },
    });
  });
}
