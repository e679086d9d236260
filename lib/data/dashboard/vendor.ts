import { db } from "../../db";
import { DECAY_KINDS } from "./decay-kinds";
import type { TOrg } from "./sql";

// The vendor page's history panels (not cached: one vendor, a handful of rows).

/** Scores and ratings of the vendor's submitted assessments, oldest first. */
export async function getVendorScoreHistory({ orgId, vendorId }: TOrg & { vendorId: string }) {
  return db.assessment.findMany({
    where: { orgId, vendorId, submittedAt: { not: null }, status: { not: "cancelled" } },
    select: { id: true, submittedAt: true, score: true, rating: true, status: true },
    orderBy: { submittedAt: "asc" },
    take: 50,
  });
}

export async function listOpenFindings({ orgId, vendorId }: TOrg & { vendorId: string }) {
  return db.finding.findMany({
    where: { orgId, vendorId, status: { in: ["open", "in_progress"] } },
    select: {
      id: true,
      title: true,
      code: true,
      severity: true,
      status: true,
      dueDate: true,
      assessmentId: true,
      owner: { select: { name: true } },
    },
    orderBy: [{ severity: "asc" }, { dueDate: "asc" }],
    take: 50,
  });
}

/** Dates of the last DR test, restore test and plan review, and of the last evidence file. */
export async function getLastEvidenceDates({ orgId, vendorId }: TOrg & { vendorId: string }) {
  const latest = await db.assessment.findFirst({
    where: { orgId, vendorId, submittedAt: { not: null }, status: { not: "cancelled" } },
    orderBy: { submittedAt: "desc" },
    select: {
      id: true,
      submittedAt: true,
      requirements: true,
      resolvedRequirements: true,
      org: { select: { policy: true } },
      vendor: { select: { tier: true } },
      answers: {
        where: { questionId: { in: Object.keys(DECAY_KINDS) }, awaitingConfirmation: false },
        select: { questionId: true, value: true },
      },
    },
  });
  const evidence = await db.evidenceFile.findFirst({
    where: { orgId, assessment: { vendorId }, deletedAt: null },
    orderBy: { createdAt: "desc" },
    select: { fileName: true, evidenceDate: true, createdAt: true },
  });
  return { latest, evidence };
}
