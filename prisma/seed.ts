import crypto from "node:crypto";
import { addMonths, REASSESS_MONTHS } from "../lib/data/answers";
import { createPrismaClient, type Prisma } from "../lib/db";
import { hashPassword } from "../lib/passwords";
import {
  getQuestionnaire,
  parseAnswers,
  parseRequirements,
  type TQuestionnaire,
} from "../lib/questionnaires";
import { assessAnswers, distanceKm, type TAnswers, type TSite, type TTier } from "../lib/rules";
import {
  DEMO_CITIES,
  DEMO_ORG,
  DEMO_PORTFOLIO_VENDORS,
  DEMO_PROVIDERS,
  DEMO_USERS,
  DEMO_VENDORS,
  type TDemoCity,
} from "./demo-data";

type TClient = Prisma.TransactionClient;
export type TRng = () => number;

/** mulberry32: the same seed gives the same portfolio on every first start. */
export function createRng({ seed }: { seed: number }): TRng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: TRng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const between = (rng: TRng, lo: number, hi: number) => Math.round(lo + rng() * (hi - lo));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (d: Date, days: number) => new Date(d.getTime() - days * 86_400_000);

function pickProvider(rng: TRng) {
  const total = DEMO_PROVIDERS.reduce((n, p) => n + p.weight, 0);
  let r = rng() * total;
  for (const p of DEMO_PROVIDERS) {
    r -= p.weight;
    if (r < 0) return p;
  }
  return DEMO_PROVIDERS[0];
}

function makeSite(id: string, role: TSite["role"], providerKey: string, c: TDemoCity, j = 0) {
  const provider = DEMO_PROVIDERS.find((p) => p.key === providerKey)!;
  const region =
    c.regions[providerKey as "aws"] ??
    (providerKey === "equinix" ? `${c.city} IBX` : providerKey === "own" ? undefined : c.city);
  return {
    id,
    name: `${c.city} ${role}`,
    role,
    provider: provider.name,
    city: c.city,
    country: c.country,
    lat: c.lat + j,
    lon: c.lon + j,
    ...(region ? { region } : {}),
    ...(j ? { facility: `${c.city} campus B` } : {}),
  } satisfies TSite;
}

/** Plausible answers of a vendor whose practice is as good as `quality` (0 poor … 1 strong). */
export function buildDemoAnswers({
  rng,
  quality,
  asOf,
}: {
  rng: TRng;
  quality: number;
  asOf: Date;
}): TAnswers {
  const provider = pickProvider(rng);
  // A European bank: three vendors in four keep the buyer's data in Europe.
  const european = rng() < 0.75;
  const cloud = provider.key === "aws" || provider.key === "azure" || provider.key === "gcp";
  const home = DEMO_CITIES.filter(
    (c) =>
      (c.lon > -20 && c.lon < 30 && c.lat > 35) === european &&
      (!cloud || c.regions[provider.key as "aws"] !== undefined),
  );
  const cities = home.length > 1 ? home : DEMO_CITIES;
  const primary = makeSite("p1", "primary", provider.key, pick(rng, cities));
  const single = quality < 0.06;
  const close = quality < 0.35;
  const farCity = pick(
    rng,
    cities.filter((c) => c.city !== primary.city),
  );
  const secondary = close
    ? makeSite(
        "s1",
        "secondary",
        provider.key,
        DEMO_CITIES.find((c) => c.city === primary.city)!,
        0.05,
      )
    : makeSite("s1", "secondary", provider.key, farCity);
  const other = DEMO_PROVIDERS.filter((p) => p.key !== provider.key);
  const backupProvider = quality > 0.75 ? pick(rng, other).key : provider.key;
  const elsewhere = cities.filter((c) => c.city !== primary.city && c.city !== secondary.city);
  const backup = makeSite(
    "b1",
    "backup",
    backupProvider,
    pick(rng, elsewhere.length ? elsewhere : DEMO_CITIES),
  );
  const sites = single ? [primary] : [primary, secondary, backup];
  const age = (goodMonths: number, badMonths: number) =>
    isoDay(daysBefore(asOf, between(rng, 20, quality > 0.5 ? goodMonths * 30 : badMonths * 30)));
  const hasBackups = quality > 0.04;
  const hasPlan = quality > 0.08;
  const km = single ? 0 : Math.round(distanceKm({ from: primary, to: secondary }));
  const a: Record<string, unknown> = {
    sites,
    subprocessors: [{ name: "Vault Co", service: "backup storage", country: backup.country }],
    topology: single
      ? "single_site"
      : pick(rng, quality > 0.7 ? ["active_active", "multi_region"] : ["active_passive"]),
    shared_control_plane: quality > 0.45 ? "no" : "yes",
    backup_exists: hasBackups ? "yes" : "no",
    rpo_minutes: quality > 0.6 ? between(rng, 5, 15) : between(rng, 300, 1440),
    rto_minutes: quality > 0.6 ? between(rng, 30, 240) : between(rng, 240, 2880),
    customer_notification_hours: between(rng, 1, 24),
    plan_exists: hasPlan ? "yes" : "no",
    certifications:
      quality > 0.5 ? ["iso22301", "iso27001"] : quality > 0.3 ? ["iso27001"] : ["none"],
    customer_export: quality > 0.25 ? pick(rng, ["self_service", "on_request"]) : "none",
    status_page: rng() < quality + 0.2 ? "yes" : "no",
    customer_local_copy: rng() < 0.3 ? "yes" : "no",
  };
  if (!single) {
    a.declared_min_separation_km = quality < 0.25 ? km * 10 + 50 : km;
    a.shared_hazards = close ? ["power_grid"] : ["none"];
    a.failover_mode = quality > 0.5 ? "automatic" : "manual";
    a.secondary_capacity_pct = quality > 0.65 ? 100 : between(rng, 50, 80);
  }
  if (hasBackups) {
    Object.assign(a, {
      backup_frequency_hours: quality > 0.6 ? 1 : 4,
      backup_retention_days: between(rng, 30, 365),
      backup_site_ids: single ? ["p1"] : ["b1"],
      backup_shared_dependencies:
        quality > 0.2 ? ["none"] : [pick(rng, ["cloud_account", "credentials", "storage_system"])],
      backup_immutable: quality > 0.4 ? "yes" : "no",
      backup_offline_copy: quality > 0.6 ? "yes" : "no",
      backup_encrypted: "yes",
      replication_mode: quality > 0.6 ? "asynchronous" : "snapshot",
      point_in_time_recovery: quality > 0.4 ? "yes" : "no",
      restore_test_last_date: age(11, 20),
      restore_test_scope:
        quality > 0.55 ? ["database", "full_environment", "single_customer"] : ["file_level"],
    });
  }
  if (hasPlan) {
    const type = quality > 0.7 ? "full_failover" : quality > 0.6 ? "partial_failover" : "tabletop";
    Object.assign(a, {
      plan_last_reviewed_date: age(11, 18),
      dr_test_last_date: age(11, 22),
      dr_test_type: type,
      dr_test_met_objectives: quality > 0.4 ? "yes" : "no",
      plan_covers:
        quality > 0.5
          ? ["site_loss", "region_loss", "ransomware", "provider_failure"]
          : ["site_loss"],
    });
  }
  if (a.customer_export !== "none") a.export_formats = ["csv", "api"];
  return a as TAnswers;
}

/** The built-in questionnaire's version row, created once (same rule as ensureQuestionnaireVersion). */
export async function ensureSeedQuestionnaireVersion({ prisma }: { prisma: TClient }) {
  const q = getQuestionnaire({ id: "bcdr-core" });
  if (!q) throw new Error("questionnaires/bcdr-core is missing");
  const definition = JSON.parse(JSON.stringify(q)) as Prisma.InputJsonValue;
  const checksum = crypto.createHash("sha256").update(JSON.stringify(definition)).digest("hex");
  const existing = await prisma.questionnaireVersion.findFirst({
    where: { key: q.id, version: q.version, checksum },
  });
  const row =
    existing ??
    (await prisma.questionnaireVersion.create({
      data: { key: q.id, version: q.version, title: q.title, definition, checksum },
    }));
  return { id: row.id, questionnaire: q };
}

export type TPortfolioInput = {
  prisma: TClient;
  orgId: string;
  vendors: readonly { id: string; tier: TTier }[];
  ownerId: string;
  deciderId: string;
  rng: TRng;
  now?: Date;
  /** Keep only these answers (the bench stores what the dashboard reads); all by default. */
  answerIds?: ReadonlySet<string>;
  /** Reuse one judged answer set per tier, quality band (of this many) and month: bulk seeds. */
  reuse?: number;
  /** Assessments per vendor, before the open ones (default 1–3). */
  history?: () => number;
};

/** Year-long history per vendor, each submission judged by the real engine, inserted in bulk. */
export async function seedPortfolio(input: TPortfolioInput) {
  const { prisma, now = new Date() } = input;
  const qv = await ensureSeedQuestionnaireVersion({ prisma });
  const rows = buildPortfolioRows({ ...input, now, qv });
  const chunk = 5000;
  const insert = async <T>(items: T[], fn: (data: T[]) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += chunk) await fn(items.slice(i, i + chunk));
  };
  await insert(rows.assessments, (data) => prisma.assessment.createMany({ data }));
  await insert(rows.answers, (data) => prisma.answer.createMany({ data }));
  await insert(rows.flags, (data) => prisma.flag.createMany({ data }));
  await insert(rows.findings, (data) => prisma.finding.createMany({ data }));
  return { assessments: rows.assessments.length, flags: rows.flags.length };
}

const SUBMITTED_STATES = ["accepted", "accepted", "accepted", "submitted"] as const;

export function buildPortfolioRows(
  input: TPortfolioInput & { now: Date; qv: { id: string; questionnaire: TQuestionnaire } },
) {
  const { orgId, vendors, ownerId, deciderId, rng, now, qv, answerIds, reuse } = input;
  const judged = new Map<string, ReturnType<typeof judge>>();
  const judge = (quality: number, submitted: Date, tier: TTier) => {
    const requirements = parseRequirements({ input: { tier } });
    if (!requirements.ok) throw new Error("demo requirements are invalid");
    const raw = buildDemoAnswers({ rng, quality, asOf: submitted });
    const parsed = parseAnswers({ questionnaire: qv.questionnaire, input: raw });
    if (!parsed.ok) throw new Error(`demo answers invalid: ${JSON.stringify(parsed.errors[0])}`);
    const asOf = isoDay(submitted);
    const answers = parsed.value;
    const q = qv.questionnaire;
    const result = assessAnswers({
      questionnaire: q,
      requirements: requirements.value,
      answers,
      asOf,
    });
    return { answers, result, asOf };
  };
  const assessments: Prisma.AssessmentCreateManyInput[] = [];
  const answers: Prisma.AnswerCreateManyInput[] = [];
  const flags: Prisma.FlagCreateManyInput[] = [];
  const findings: Prisma.FindingCreateManyInput[] = [];
  let seq = 0;
  const id = (p: string) =>
    `${p}${(seq++).toString(36).padStart(7, "0")}${Math.floor(rng() * 1e9).toString(36)}`;
  for (const vendor of vendors) {
    const count = input.history ? input.history() : between(rng, 1, 3);
    let quality = rng() * 0.9;
    let previousId: string | null = null;
    for (let i = 0; i < count; i++) {
      // Spread over the past year: assessment i of n falls somewhere in its own slice of it.
      const slice = 350 / count;
      const submitted = daysBefore(now, Math.round((count - 1 - i) * slice + rng() * slice + 3));
      quality = Math.min(1, quality + rng() * 0.1);
      const key = reuse
        ? `${vendor.tier}|${Math.floor(quality * reuse)}|${Math.floor(submitted.getTime() / 2.6e9)}`
        : "";
      const hit = key ? judged.get(key) : undefined;
      const {
        answers: judgedAnswers,
        result,
        asOf,
      } = hit ?? judge(quality, submitted, vendor.tier);
      if (key && !hit) judged.set(key, { answers: judgedAnswers, result, asOf });
      const latest = i === count - 1;
      const status = latest ? pick(rng, SUBMITTED_STATES) : "accepted";
      const aId = id("a");
      const decided = status === "accepted" ? daysBefore(submitted, -between(rng, 2, 12)) : null;
      assessments.push({
        id: aId,
        orgId,
        vendorId: vendor.id,
        questionnaireVersionId: qv.id,
        requirements: { tier: vendor.tier },
        status,
        dueDate: daysBefore(submitted, -between(rng, 0, 10)),
        sentAt: daysBefore(submitted, 30),
        submittedAt: submitted,
        asOfDate: new Date(`${asOf}T00:00:00Z`),
        score: result.score,
        rating: result.rating,
        decidedAt: decided && decided < now ? decided : null,
        decidedById: decided && decided < now ? deciderId : null,
        nextReassessmentDate: addMonths(submitted, REASSESS_MONTHS[vendor.tier]),
        previousAssessmentId: previousId,
        createdById: ownerId,
        createdAt: daysBefore(submitted, 31),
      });
      previousId = aId;
      for (const [questionId, value] of Object.entries(judgedAnswers)) {
        if (answerIds && !answerIds.has(questionId)) continue;
        answers.push({
          assessmentId: aId,
          questionId,
          value: value as Prisma.InputJsonValue,
          updatedByKind: "vendor",
          updatedAt: submitted,
          createdAt: submitted,
        });
      }
      for (const f of result.flags) {
        const fId = id("f");
        flags.push({
          id: fId,
          assessmentId: aId,
          code: f.code,
          severity: f.severity,
          title: f.title,
          detail: f.detail,
          questions: f.questions,
          createdAt: submitted,
        });
        if (f.severity !== "critical" && f.severity !== "high") continue;
        findings.push({
          orgId,
          vendorId: vendor.id,
          assessmentId: aId,
          flagId: fId,
          code: f.code,
          title: f.title,
          description: f.detail,
          severity: f.severity,
          status: latest ? pick(rng, ["open", "open", "in_progress"] as const) : "closed",
          ownerId,
          dueDate: daysBefore(submitted, -between(rng, 30, 120)),
          closedAt: latest ? null : daysBefore(submitted, -60),
          createdAt: submitted,
        });
      }
    }
    if (rng() < 0.35) {
      // An assessment in flight: some overdue, some due within the next weeks.
      assessments.push({
        id: id("a"),
        orgId,
        vendorId: vendor.id,
        questionnaireVersionId: qv.id,
        requirements: { tier: vendor.tier },
        status: pick(rng, ["sent", "in_progress"] as const),
        dueDate: daysBefore(now, between(rng, -45, 25)),
        sentAt: daysBefore(now, 35),
        previousAssessmentId: previousId,
        createdById: ownerId,
        createdAt: daysBefore(now, 35),
      });
    }
  }
  return { assessments, answers, flags, findings };
}

/** Seeds the demo organisation when the database has no organisation yet. */
export async function seedIfEmpty({ url }: { url: string }): Promise<boolean> {
  const prisma = createPrismaClient({ url });
  try {
    if ((await prisma.organization.count()) > 0) return false;
    const hashes = await Promise.all(
      Object.values(DEMO_USERS).map(
        async (u) => [u.email, await hashPassword({ password: u.password })] as const,
      ),
    );
    const hashByEmail = new Map(hashes);
    // One transaction: a failed first start leaves no half-seeded organisation behind.
    await prisma.$transaction(
      async (tx) => {
        const org = await tx.organization.create({
          data: {
            ...DEMO_ORG,
            settings: { supportEmail: "vendor-risk@demo.example", reminderDaysBefore: 7 },
          },
        });
        const users: Record<string, string> = {};
        for (const [key, u] of Object.entries(DEMO_USERS)) {
          const created = await tx.user.create({
            data: {
              orgId: org.id,
              email: u.email,
              name: u.name,
              role: u.role,
              passwordHash: hashByEmail.get(u.email)!,
            },
          });
          users[key] = created.id;
        }
        const vendor = (name: string, tier: TTier, services: readonly string[]) => ({
          orgId: org.id,
          name,
          tier,
          services: [...services],
          ownerId: users.procurement,
        });
        await tx.vendor.createMany({
          data: DEMO_VENDORS.map((v) => vendor(v.name, v.tier, v.services)),
        });
        const portfolio = await tx.vendor.createManyAndReturn({
          data: DEMO_PORTFOLIO_VENDORS.map(([name, tier, ...services]) =>
            vendor(name, tier, services),
          ),
          select: { id: true, tier: true },
        });
        const started = Date.now();
        const result = await seedPortfolio({
          prisma: tx,
          orgId: org.id,
          vendors: portfolio,
          ownerId: users.procurement!,
          deciderId: users.manager!,
          rng: createRng({ seed: 20261127 }),
        });
        await tx.auditEvent.create({
          data: {
            orgId: org.id,
            actorKind: "system",
            action: "demo.seeded",
            data: {
              vendors: DEMO_VENDORS.length + portfolio.length,
              ...result,
              ms: Date.now() - started,
            },
          },
        });
      },
      { timeout: 60_000 },
    );
    return true;
  } finally {
    await prisma.$disconnect();
  }
}
