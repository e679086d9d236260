import { recordAudit } from "../audit";
import { db, type Prisma } from "../db";
import { TIERS, type TTier } from "../rules/types";
import { type TOrgPolicy, ZOrgPolicy } from "../scoring/policy";
import { resolveRequirements, type TResolvedRequirements } from "../scoring/tiers";
import {
  diffResolved,
  readResolvedRequirements,
  resolveAssessmentRequirements,
} from "./requirements";
import { nameVersionAuthors } from "./users";

// The organisation's policy (issue 18): read, previewed and saved by admins through the policy
// editor. Every save is a new version, kept in OrgPolicyVersion; assessments name the version
// their requirements were worked out with.

/** Assessments still being answered: their requirements are worked out again at submit. */
const OPEN = ["sent", "in_progress", "changes_requested"] as const;

export async function getPolicy({ orgId }: { orgId: string }) {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { policy: true, policyVersion: true },
  });
  const parsed = ZOrgPolicy.safeParse(org.policy);
  const versions = await db.orgPolicyVersion.findMany({
    where: { orgId },
    orderBy: { version: "desc" },
    take: 20,
    select: { version: true, createdAt: true, createdById: true },
  });
  return {
    policy: parsed.success ? parsed.data : {},
    version: org.policyVersion,
    versions: await nameVersionAuthors({ orgId, rows: versions }),
  };
}

/** Each tier's requirements before an assessment sets its own: the tier defaults ← the policy. */
export async function getTierRequirements({ orgId }: { orgId: string }) {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { policy: true },
  });
  const parsed = ZOrgPolicy.safeParse(org.policy);
  const policy = parsed.success ? parsed.data : undefined;
  return Object.fromEntries(
    TIERS.map((tier) => [tier, resolveRequirements({ requirements: { tier }, policy })]),
  ) as Record<TTier, TResolvedRequirements>;
}

/** How many open assessments would be judged against different requirements at submit. */
export async function previewPolicy({ orgId, policy }: { orgId: string; policy: TOrgPolicy }) {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { policy: true },
  });
  const open = await db.assessment.findMany({
    where: { orgId, status: { in: [...OPEN] } },
    select: { requirements: true, resolvedRequirements: true },
  });
  let affected = 0;
  for (const a of open) {
    const now = readResolvedRequirements({
      stored: a.resolvedRequirements,
      requirements: a.requirements,
      policy: org.policy,
    });
    const next = resolveAssessmentRequirements({ requirements: a.requirements, policy });
    if (now && next && diffResolved(now, next).length) affected++;
  }
  return { open: open.length, affected };
}

/** Saves the policy as a new version (audited); open assessments take it at submit. */
export async function savePolicy({
  orgId,
  actorId,
  policy,
}: {
  orgId: string;
  actorId: string;
  policy: TOrgPolicy;
}) {
  const preview = await previewPolicy({ orgId, policy });
  return db.$transaction(async (tx) => {
    // The row lock orders concurrent saves: each gets the next version number.
    const [org] = await tx.$queryRaw<{ policy: unknown; policyVersion: number }[]>`
      SELECT policy, "policyVersion" FROM "Organization" WHERE id = ${orgId} FOR UPDATE`;
    const version = (org?.policyVersion ?? 1) + 1;
    await tx.orgPolicyVersion.create({
      data: { orgId, version, policy: policy as Prisma.InputJsonValue, createdById: actorId },
    });
    await tx.organization.update({
      where: { id: orgId },
      data: { policy: policy as Prisma.InputJsonValue, policyVersion: version },
    });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId: actorId },
      action: "org.policy_changed",
      targetType: "organization",
      targetId: orgId,
      data: { version, from: org?.policy ?? {}, to: policy } as Prisma.InputJsonValue,
    });
    return { version, affected: preview.affected };
  });
}
