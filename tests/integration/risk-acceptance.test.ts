import { describe, expect, it } from "vitest";
import { createOrgWithUsers, setupFreshDatabase } from "./db";

// Issue 11 item 6: a risk acceptance is capped by an organisation setting (12 months unless
// set), refused beyond it with a field error on `until` naming the limit; when it expires the
// finding is open again (the scheduled job) and counts among the dashboard's open findings.

const { prisma } = await setupFreshDatabase();
const { acceptRisk, getRiskAcceptanceLimit } = await import("@/lib/data/review");
const { getOrgSettings, updateOrgSettings } = await import("@/lib/data/org");
const { reopenExpiredRiskAcceptances } = await import("@/lib/jobs/risk-acceptance");
const { listPortfolioVendors, parseVendorFilters } = await import("@/lib/data/dashboard");
const { loadPortfolioReport } = await import("@/lib/reports/portfolio-data");
const { loadAssessmentReport } = await import("@/lib/reports/load-assessment-report");
const { actionError } = await import("@/lib/errors");
const { ZOrgSettings } = await import("@/lib/schemas/settings");
const { addMonthsUtc: addMonths } = await import("@/lib/dates");
const { ensureSeedQuestionnaireVersion } = await import("@/prisma/seed");

const org = await createOrgWithUsers(prisma, "risk");
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const monthsAhead = (n: number) => isoDay(addMonths(new Date(), n));

async function findingFixture(name: string) {
  const qv = await ensureSeedQuestionnaireVersion({ prisma });
  const vendor = await prisma.vendor.create({ data: { orgId: org.org.id, name, tier: "high" } });
  const a = await prisma.assessment.create({
    data: {
      orgId: org.org.id,
      vendorId: vendor.id,
      questionnaireVersionId: qv.id,
      requirements: { tier: "high" },
      status: "accepted",
      submittedAt: new Date(),
    },
  });
  const f = await prisma.finding.create({
    data: {
      orgId: org.org.id,
      vendorId: vendor.id,
      assessmentId: a.id,
      title: `${name} backups share the primary's storage`,
      description: "Move backups to a separate account.",
      severity: "high",
    },
  });
  return { vendor, assessment: a, finding: f };
}

const accept = (findingId: string, until: string) =>
  acceptRisk({
    orgId: org.org.id,
    actorId: org.manager.id,
    findingId,
    justification: "Compensating controls until the vendor migrates.",
    until,
  });

/** What the action would answer: the builder's own mapping of the thrown error. */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => actionError(e),
  );

describe("risk acceptance limit", () => {
  it("is 12 months unless the organisation sets another; beyond it, a field error on until naming the limit", async () => {
    const { finding } = await findingFixture("Cap Co");
    expect((await getOrgSettings({ orgId: org.org.id })).riskAcceptanceMaxMonths).toBe(12);
    // The walkthrough's expiry in 2031, and one day past the limit.
    for (const until of [
      "2031-06-30",
      isoDay(new Date(addMonths(new Date(), 12).getTime() + DAY)),
    ]) {
      const r = await refusal(accept(finding.id, until));
      expect(r?.status).toBe(409);
      expect(r?.fieldErrors?.until?.[0]).toContain("at most 12 months");
      expect(r?.fieldErrors?.until?.[0]).toContain(monthsAhead(12));
    }
    expect((await prisma.finding.findUniqueOrThrow({ where: { id: finding.id } })).status).toBe(
      "open",
    );
    // Today is refused on the same field: an acceptance must end after today.
    expect(
      (await refusal(accept(finding.id, isoDay(new Date()))))?.fieldErrors?.until,
    ).toBeDefined();
    // Exactly at the limit is allowed.
    expect(await refusal(accept(finding.id, monthsAhead(12)))).toBeNull();
    const stored = await prisma.finding.findUniqueOrThrow({ where: { id: finding.id } });
    expect(stored).toMatchObject({ status: "risk_accepted", riskAcceptedById: org.manager.id });
    expect(isoDay(stored.riskAcceptedUntil!)).toBe(monthsAhead(12));
  });

  it("follows the organisation's setting, which a settings save without it leaves alone", async () => {
    const { finding } = await findingFixture("Short Co");
    const settings = ZOrgSettings.parse({
      name: "Org risk",
      supportEmail: "help@risk.example",
      reminderDaysBefore: "7",
      riskAcceptanceMaxMonths: "3",
    });
    await updateOrgSettings({ orgId: org.org.id, actorId: org.admin.id, input: settings });
    expect(await getRiskAcceptanceLimit({ orgId: org.org.id })).toEqual({
      months: 3,
      latest: monthsAhead(3),
    });
    const r = await refusal(accept(finding.id, monthsAhead(6)));
    expect(r?.fieldErrors?.until?.[0]).toContain("at most 3 months");
    // A caller that does not send the limit (an older form, the API) keeps it.
    const { riskAcceptanceMaxMonths: _, ...withoutLimit } = settings;
    await updateOrgSettings({
      orgId: org.org.id,
      actorId: org.admin.id,
      input: ZOrgSettings.parse({ ...withoutLimit, name: "Org risk renamed" }),
    });
    expect((await getOrgSettings({ orgId: org.org.id })).riskAcceptanceMaxMonths).toBe(3);
    expect(ZOrgSettings.safeParse({ ...settings, riskAcceptanceMaxMonths: "0" }).success).toBe(
      false,
    );
    expect(await refusal(accept(finding.id, monthsAhead(2)))).toBeNull();
    await updateOrgSettings({
      orgId: org.org.id,
      actorId: org.admin.id,
      input: { ...settings, riskAcceptanceMaxMonths: 12 },
    });
  });
});

describe("an expired risk acceptance", () => {
  it("reopens the finding (scheduled job, once, audited) and counts among the dashboard's open findings again", async () => {
    const { vendor, assessment, finding } = await findingFixture("Expiry Co");
    const until = isoDay(new Date(Date.now() + 10 * DAY));
    expect(await refusal(accept(finding.id, until))).toBeNull();
    const openFindings = async () =>
      (
        await listPortfolioVendors({
          orgId: org.org.id,
          filters: parseVendorFilters({ params: {} }),
          limit: 100,
        })
      ).rows.find((r) => r.id === vendor.id)?.openFindings;
    expect(await openFindings()).toBe(0);
    const openBefore = (await loadPortfolioReport({ orgId: org.org.id })).totals.openFindings;

    // The day before the expiry day it still holds; from the expiry day on it does not.
    expect(await reopenExpiredRiskAcceptances({ now: new Date(Date.parse(until) - 1) })).toEqual({
      reopened: 0,
    });
    const expiryDay = new Date(Date.parse(until) + 60_000);
    const runs = await Promise.all([
      reopenExpiredRiskAcceptances({ now: expiryDay }),
      reopenExpiredRiskAcceptances({ now: expiryDay }),
    ]);
    expect(runs.reduce((n, r) => n + r.reopened, 0)).toBe(1);
    const after = await prisma.finding.findUniqueOrThrow({ where: { id: finding.id } });
    expect(after.status).toBe("open");
    // Who accepted it, and until when, stays on record.
    expect(after).toMatchObject({ riskAcceptedById: org.manager.id });
    expect(isoDay(after.riskAcceptedUntil!)).toBe(until);
    expect(
      await prisma.auditEvent.count({
        where: { action: "finding.risk_acceptance_expired", targetId: finding.id },
      }),
    ).toBe(1);
    expect(await openFindings()).toBe(1);
    expect((await loadPortfolioReport({ orgId: org.org.id })).totals.openFindings).toBe(
      openBefore + 1,
    );

    // The assessment PDF says who accepted it, until when, and that it ran out.
    const report = await loadAssessmentReport({ orgId: org.org.id, assessmentId: assessment.id });
    const note = report.findings.find((f) => f.title === finding.title)?.note ?? "";
    expect(note).toContain("Risk acceptance expired");
    expect(note).toContain(`by ${org.manager.name}`);
    expect(note).toContain(`until ${until}`);
  });

  it("the assessment PDF names who accepted a current acceptance and until when", async () => {
    const { assessment, finding } = await findingFixture("Pdf Co");
    const until = monthsAhead(6);
    expect(await refusal(accept(finding.id, until))).toBeNull();
    const report = await loadAssessmentReport({ orgId: org.org.id, assessmentId: assessment.id });
    const row = report.findings.find((f) => f.title === finding.title);
    expect(row?.status).toBe("risk accepted");
    expect(row?.note).toContain(
      `Risk accepted: by ${org.manager.name} on ${isoDay(new Date())}, until ${until}.`,
    );
    expect(row?.note).toContain("Compensating controls until the vendor migrates.");
  });
});
