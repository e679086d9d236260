import { z } from "zod";
import { recordAudit } from "../audit";
import { db } from "../db";
import {
  FINDING_DUE_SOON_DAYS_DEFAULT,
  RISK_ACCEPTANCE_MAX_MONTHS_DEFAULT,
  RISK_EXPIRING_DAYS_DEFAULT,
  type TOrgSettings,
  type TStoredOrgSettings,
} from "../schemas/settings";

const ZStoredSettings = z.object({
  supportEmail: z.string().optional(),
  reminderDaysBefore: z.number().optional(),
  riskAcceptanceMaxMonths: z.number().int().positive().optional(),
  findingDueSoonDays: z.number().int().positive().optional(),
  riskExpiringDays: z.number().int().positive().optional(),
});

export async function getOrgSettings({ orgId }: { orgId: string }): Promise<TStoredOrgSettings> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
  const s = ZStoredSettings.catch({}).parse(org.settings);
  return {
    name: org.name,
    supportEmail: s.supportEmail ?? "",
    reminderDaysBefore: s.reminderDaysBefore ?? 7,
    riskAcceptanceMaxMonths: s.riskAcceptanceMaxMonths ?? RISK_ACCEPTANCE_MAX_MONTHS_DEFAULT,
    findingDueSoonDays: s.findingDueSoonDays ?? FINDING_DUE_SOON_DAYS_DEFAULT,
    riskExpiringDays: s.riskExpiringDays ?? RISK_EXPIRING_DAYS_DEFAULT,
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
  const after: TStoredOrgSettings = {
    ...input,
    riskAcceptanceMaxMonths: input.riskAcceptanceMaxMonths ?? before.riskAcceptanceMaxMonths,
    findingDueSoonDays: input.findingDueSoonDays ?? before.findingDueSoonDays,
    riskExpiringDays: input.riskExpiringDays ?? before.riskExpiringDays,
  };
  await db.$transaction(async (tx) => {
    await tx.organization.update({
      where: { id: orgId },
      data: {
        name: after.name,
        settings: {
          supportEmail: after.supportEmail,
          reminderDaysBefore: after.reminderDaysBefore,
          riskAcceptanceMaxMonths: after.riskAcceptanceMaxMonths,
          findingDueSoonDays: after.findingDueSoonDays,
          riskExpiringDays: after.riskExpiringDays,
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
      data: { from: before, to: after },
    });
  });
}
