import { beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents, ZAuditFilters } from "@/lib/data/audit";
import { setDb } from "@/lib/db";
import { ensureSeedQuestionnaireVersion } from "@/prisma/seed";
import { createOrgWithUsers, setupFreshDatabase } from "./db";

// Guards against an audit log that names records by raw id only, that names another
// organisation's record (a cross-tenant leak through a forged target id), or that looks up
// names one query per row.
const { prisma } = await setupFreshDatabase();
const a = await createOrgWithUsers(prisma, "audit-a");
const b = await createOrgWithUsers(prisma, "audit-b");
const filters = ZAuditFilters.parse({});
const ids: Record<string, string> = {};

beforeAll(async () => {
  const qv = await ensureSeedQuestionnaireVersion({ prisma });
  const vendor = await prisma.vendor.create({
    data: { orgId: a.org.id, name: "Acme Hosting", tier: "high" },
  });
  const assessment = await prisma.assessment.create({
    data: {
      orgId: a.org.id,
      vendorId: vendor.id,
      questionnaireVersionId: qv.id,
      requirements: { tier: "high" },
      status: "sent",
    },
  });
  const finding = await prisma.finding.create({
    data: {
      orgId: a.org.id,
      vendorId: vendor.id,
      assessmentId: assessment.id,
      title: "No offline backup",
      description: "d",
      severity: "high",
    },
  });
  const evidence = await prisma.evidenceFile.create({
    data: {
      orgId: a.org.id,
      assessmentId: assessment.id,
      fileName: "dr-test-2026.pdf",
      storedName: `stored-${Date.now()}`,
      mimeType: "application/pdf",
      sizeBytes: 10,
      sha256: "0".repeat(64),
      uploadedByKind: "user",
    },
  });
  const invitation = await prisma.invitation.create({
    data: {
      orgId: a.org.id,
      assessmentId: assessment.id,
      email: "dr-lead@acme.example",
      tokenHash: `hash-${Date.now()}`,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const secret = await prisma.vendor.create({
    data: { orgId: b.org.id, name: "Secret Vendor of B", tier: "low" },
  });
  Object.assign(ids, {
    vendor: vendor.id,
    assessment: assessment.id,
    finding: finding.id,
    evidence: evidence.id,
    invitation: invitation.id,
    user: a.manager.id,
    organization: a.org.id,
    foreign: secret.id,
  });
  const event = (action: string, targetType: string, targetId: string) => ({
    orgId: a.org.id,
    actorKind: "user" as const,
    actorUserId: a.admin.id,
    action,
    targetType,
    targetId,
  });
  await prisma.auditEvent.createMany({
    data: [
      ...["vendor", "assessment", "finding", "evidence", "invitation", "user", "organization"].map(
        (type) => event(`${type}.touched`, type, ids[type]!),
      ),
      // A target id of another organisation's record, and one of a record that never existed.
      event("vendor.forged", "vendor", secret.id),
      event("vendor.gone", "vendor", "c-no-such-vendor"),
    ],
  });
});

describe("listAuditEvents names each target, scoped to the organisation", () => {
  it("names vendors, assessments, users, findings, evidence, links and the organisation", async () => {
    const { events } = await listAuditEvents({ orgId: a.org.id, filters });
    const name = (action: string) => events.find((e) => e.action === action)?.targetName;
    expect(name("vendor.touched")).toBe("Acme Hosting");
    expect(name("assessment.touched")).toMatch(/^Acme Hosting: \S/);
    expect(name("user.touched")).toBe(`manager audit-a (manager@audit-a.test)`);
    expect(name("finding.touched")).toBe("No offline backup (Acme Hosting)");
    expect(name("evidence.touched")).toMatch(/^dr-test-2026\.pdf \(Acme Hosting: /);
    expect(name("invitation.touched")).toMatch(/^dr-lead@acme\.example \(Acme Hosting: /);
    expect(name("organization.touched")).toBe("Org audit-a");
    // The ids stay on the row for the detail disclosure.
    expect(events.find((e) => e.action === "vendor.touched")?.targetId).toBe(ids.vendor);
  });

  it("never names another organisation's record, nor a missing one", async () => {
    const { events } = await listAuditEvents({ orgId: a.org.id, filters });
    const forged = events.find((e) => e.action === "vendor.forged");
    expect(forged?.targetId).toBe(ids.foreign);
    expect(forged?.targetName).toBeNull();
    expect(events.map((e) => e.targetName)).not.toContain("Secret Vendor of B");
    expect(events.find((e) => e.action === "vendor.gone")?.targetName).toBeNull();
  });

  it("looks names up in bulk: the same number of queries for 50 rows as for 9", async () => {
    const countQueries = async () => {
      let queries = 0;
      const counted = prisma.$extends({
        query: {
          async $allOperations({ args, query }) {
            queries += 1;
            return query(args);
          },
        },
      });
      setDb(counted as unknown as typeof prisma);
      try {
        const { events } = await listAuditEvents({ orgId: a.org.id, filters });
        return { queries, rows: events.length };
      } finally {
        setDb(prisma);
      }
    };
    const few = await countQueries();
    const vendors = await Promise.all(
      Array.from({ length: 41 }, (_, i) =>
        prisma.vendor.create({ data: { orgId: a.org.id, name: `Bulk ${i}`, tier: "low" } }),
      ),
    );
    await prisma.auditEvent.createMany({
      data: vendors.map((v) => ({
        orgId: a.org.id,
        actorKind: "user" as const,
        actorUserId: a.procurement.id,
        action: "vendor.bulk",
        targetType: "vendor",
        targetId: v.id,
      })),
    });
    const many = await countQueries();
    expect(few.rows).toBe(9);
    expect(many.rows).toBe(50);
    expect(many.queries).toBe(few.queries);
  });
});
