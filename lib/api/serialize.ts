import type {
  findAssessmentRow,
  findFindingRow,
  findVendorRow,
  listVendorContacts,
} from "../data/api-reads";
import type { TAssessmentRead, TFindingRead } from "../schemas/canonical/assessment";
import type { TVendorRead } from "../schemas/canonical/vendor";

// Database rows → the canonical read shapes (lib/schemas/canonical/): dates as ISO strings,
// only the fields the API documents.

const iso = (d: Date | null) => d?.toISOString() ?? null;
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

export function toVendor(v: Awaited<ReturnType<typeof findVendorRow>>): TVendorRead {
  return {
    id: v.id,
    name: v.name,
    services: v.services,
    tier: v.tier,
    status: v.status,
    ownerId: v.ownerId,
    website: v.website,
    notes: v.notes,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

export function toContact(c: Awaited<ReturnType<typeof listVendorContacts>>[number]) {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    title: c.title,
    createdAt: c.createdAt.toISOString(),
  };
}

export function toAssessment(a: Awaited<ReturnType<typeof findAssessmentRow>>): TAssessmentRead {
  return {
    id: a.id,
    vendorId: a.vendorId,
    status: a.status,
    questionnaire: a.questionnaireVersion,
    requirements: a.requirements as TAssessmentRead["requirements"],
    dueDate: day(a.dueDate),
    sentAt: iso(a.sentAt),
    submittedAt: iso(a.submittedAt),
    decidedAt: iso(a.decidedAt),
    decisionComment: a.decisionComment,
    score: a.score,
    rating: a.rating,
    cancelReason: a.cancelReason,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    invitations: a.invitations.map((i) => ({
      id: i.id,
      kind: i.kind,
      email: i.email,
      expiresAt: i.expiresAt.toISOString(),
      revokedAt: iso(i.revokedAt),
      lastSentAt: iso(i.lastSentAt),
    })),
  };
}

export function toFinding(f: Awaited<ReturnType<typeof findFindingRow>>): TFindingRead {
  return {
    id: f.id,
    vendorId: f.vendorId,
    assessmentId: f.assessmentId,
    flagId: f.flagId,
    title: f.title,
    description: f.description,
    severity: f.severity,
    status: f.status,
    ownerId: f.ownerId,
    dueDate: day(f.dueDate),
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}
