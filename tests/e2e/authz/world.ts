// The matrix's world: two fresh organisations ("A" and "B", so the demo organisation other
// specs count on is left alone), each with a user per role who signs in through the real login
// page, and one record of every kind the routes and actions take an id of. Fresh records for
// calls that are allowed to change things come from `fresh()`, so the shared records stay in
// the state every refused call needs (a submitted assessment stays submitted, and so on).
import fs from "node:fs";
import type { APIRequestContext, Browser, BrowserContext } from "@playwright/test";
import { hashPassword } from "@/lib/passwords";
import { can, ROLES, type TRole } from "@/lib/permissions";
import { createToken } from "@/lib/tokens";
import { expect, signIn, type TDb } from "../fixtures";

export type TOrgKey = "A" | "B";
export type TUserRec = { id: string; email: string; password: string; name: string; role: TRole };
/** One record a call can name: its id (and its assessment's, for nested routes) and a string only it shows. */
export type TRecord = { id: string; assessmentId?: string; marker: string };
export type TRecordKind =
  | "vendor"
  | "assessment"
  | "submitted"
  | "invitation"
  | "finding"
  | "evidence"
  | "user"
  | "owner"
  | "staffInvitation"
  | "apiToken"
  | "webhook"
  | "webhookDelivery"
  | "job";
type TSharedKind = Exclude<TRecordKind, "job">;

export type TOrgWorld = {
  key: TOrgKey;
  id: string;
  name: string;
  supportEmail: string;
  users: Record<TRole, TUserRec>;
  records: Record<TSharedKind, TRecord>;
  /** The vendor link (token) of `records.assessment`'s primary invitation. */
  token: string;
  /** Report jobs by the user who started them (jobs are visible to their starter only). */
  jobs: Map<string, TRecord>;
};

const bcdrCore = JSON.parse(fs.readFileSync("questionnaires/bcdr-core.v1.json", "utf8"));
export const QUESTIONNAIRE = `bcdr-core@${bcdrCore.version}`;
export const FIRST_QUESTION = "sites";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

export const isoDay = (daysFromNow: number) =>
  new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

export class World {
  readonly tag = `authz${Date.now().toString(36)}`;
  orgs = {} as Record<TOrgKey, TOrgWorld>;
  private sessions = new Map<string, { context: BrowserContext }>();
  anon!: APIRequestContext;
  private anonContext!: BrowserContext;
  private qvId = "";
  private spareHash = "";
  private n = 0;

  constructor(
    readonly db: TDb,
    readonly origin: string,
  ) {}

  next = () => ++this.n;

  async build(browser: Browser) {
    this.spareHash = await hashPassword({ password: `never-used-${this.tag}` });
    const qv = await this.db.questionnaireVersion.create({
      data: {
        key: bcdrCore.id,
        version: bcdrCore.version,
        title: bcdrCore.title,
        definition: bcdrCore,
        checksum: `authz-${this.tag}`,
      },
    });
    this.qvId = qv.id;
    this.anonContext = await browser.newContext({ baseURL: this.origin });
    this.anon = this.anonContext.request;
    for (const key of ["A", "B"] as const) this.orgs[key] = await this.createOrg(key);
    // Evidence goes in through the vendor portal's own upload route, as a vendor would send it.
    for (const org of Object.values(this.orgs)) {
      const res = await this.anon.post(`/api/respond/${org.token}/evidence`, {
        headers: { Origin: this.origin },
        multipart: {
          file: { name: `${org.name} plan.pdf`, mimeType: "application/pdf", buffer: PDF },
          questionId: FIRST_QUESTION,
        },
      });
      expect(res.status(), await res.text()).toBe(200);
      const { data } = (await res.json()) as { data: { id: string } };
      org.records.evidence = {
        id: data.id,
        assessmentId: org.records.assessment.id,
        marker: `${org.name} plan.pdf`,
      };
    }
    for (const org of Object.values(this.orgs))
      for (const user of Object.values(org.users)) await this.signIn(browser, user);
    await this.startJobs();
  }

  private async createOrg(key: TOrgKey): Promise<TOrgWorld> {
    const name = `Authz Org ${key} ${this.tag}`;
    const supportEmail = `support-${key.toLowerCase()}-${this.tag}@org.example`;
    const org = await this.db.organization.create({
      data: {
        name,
        slug: `${this.tag}-${key.toLowerCase()}`,
        settings: { supportEmail, reminderDaysBefore: 7 },
      },
    });
    const users = {} as Record<TRole, TUserRec>;
    for (const role of ROLES) {
      const password = `matrix-${role}-${this.tag}-pass`;
      const email = `${role}-${key.toLowerCase()}-${this.tag}@org.example`;
      const u = await this.db.user.create({
        data: {
          orgId: org.id,
          email,
          name: `Matrix ${role} ${key} ${this.tag}`,
          role,
          passwordHash: await hashPassword({ password }),
        },
      });
      users[role] = { id: u.id, email, password, name: u.name, role };
    }
    const w: TOrgWorld = {
      key,
      id: org.id,
      name,
      supportEmail,
      users,
      records: {} as TOrgWorld["records"],
      token: "",
      jobs: new Map(),
    };
    const vendor = await this.freshVendor(w);
    const sent = await this.freshSentAssessment(w, vendor.id);
    w.token = sent.token;
    w.records = {
      vendor,
      owner: await this.freshUser(w),
      user: await this.freshUser(w),
      staffInvitation: await this.freshStaffInvitation(w),
      assessment: { id: sent.id, marker: vendor.marker },
      invitation: { id: sent.invitationId, marker: sent.email },
      submitted: await this.freshSubmitted(w, vendor.id),
      finding: await this.freshFinding(w, vendor.id, sent.id),
      apiToken: await this.freshApiToken(w),
      webhook: await this.freshWebhook(w),
      webhookDelivery: await this.freshWebhookDelivery(w),
      evidence: { id: "", marker: "" }, // uploaded in build()
    };
    return w;
  }

  private async signIn(browser: Browser, user: TUserRec) {
    const context = await browser.newContext({ baseURL: this.origin });
    const page = await context.newPage();
    await signIn(page, user);
    await page.close();
    this.sessions.set(user.id, { context });
  }

  /** The signed-in request context of a user, or the signed-out one. */
  api(user: TUserRec | null): APIRequestContext {
    if (!user) return this.anon;
    const s = this.sessions.get(user.id);
    if (!s) throw new Error(`${user.email} is not signed in`);
    return s.context.request;
  }

  /** Every user allowed to export starts one report job on their own organisation's assessment. */
  private async startJobs() {
    for (const org of Object.values(this.orgs)) {
      for (const user of Object.values(org.users)) {
        if (!can({ role: user.role, permission: "report:export" })) continue;
        const aid = org.records.assessment.id;
        const res = await this.api(user).post(`/api/assessments/${aid}/report-jobs`, {
          headers: { Origin: this.origin },
        });
        expect(res.status(), await res.text()).toBe(202);
        const { data } = (await res.json()) as { data: { id: string } };
        org.jobs.set(user.id, {
          id: data.id,
          assessmentId: aid,
          marker: org.records.vendor.marker,
        });
      }
    }
    for (const org of Object.values(this.orgs))
      for (const [userId, job] of org.jobs) {
        const user = Object.values(org.users).find((u) => u.id === userId)!;
        await expect
          .poll(
            async () => {
              const r = await this.api(user).get(
                `/api/assessments/${job.assessmentId}/report-jobs/${job.id}`,
              );
              return ((await r.json()) as { data?: { done?: boolean } }).data?.done;
            },
            { timeout: 60_000, message: `report job of ${user.email}` },
          )
          .toBe(true);
      }
  }

  /** The shared record of `kind` in `org`, as `actor` sees it (a report job is per user). */
  record(kind: TRecordKind, org: TOrgWorld, actor: TUserRec | null): TRecord {
    if (kind !== "job") return org.records[kind];
    const own = actor && org.jobs.get(actor.id);
    if (own) return own;
    // Anyone else names a job that exists: the first one started in that organisation.
    return [...org.jobs.values()][0]!;
  }

  /** A new record of `kind` in `org`, for a call that is allowed to change it. */
  async fresh(kind: TRecordKind, org: TOrgWorld, actor: TUserRec | null): Promise<TRecord> {
    switch (kind) {
      case "vendor":
        return this.freshVendor(org);
      case "assessment": {
        const a = await this.freshSentAssessment(org, org.records.vendor.id);
        return { id: a.id, marker: org.records.vendor.marker };
      }
      case "submitted":
        return this.freshSubmitted(org, org.records.vendor.id);
      case "invitation": {
        const a = await this.freshSentAssessment(org, org.records.vendor.id);
        return { id: a.invitationId, marker: a.email };
      }
      case "finding":
        return this.freshFinding(org, org.records.vendor.id, org.records.assessment.id);
      case "user":
        return this.freshUser(org);
      case "staffInvitation":
        return this.freshStaffInvitation(org);
      case "apiToken":
        return this.freshApiToken(org);
      case "webhook":
        return this.freshWebhook(org);
      case "webhookDelivery":
        return this.freshWebhookDelivery(org);
      default:
        // Reading a record, or naming an owner, changes nothing: the shared one serves.
        return this.record(kind, org, actor);
    }
  }

  private async freshVendor(org: Pick<TOrgWorld, "id" | "key">): Promise<TRecord> {
    const name = `Authz Vendor ${org.key}${this.next()} ${this.tag}`;
    const v = await this.db.vendor.create({
      data: { orgId: org.id, name, services: ["Matrix service"], tier: "moderate" },
    });
    return { id: v.id, marker: name };
  }

  private async freshSentAssessment(org: Pick<TOrgWorld, "id" | "key">, vendorId: string) {
    const a = await this.db.assessment.create({
      data: {
        orgId: org.id,
        vendorId,
        questionnaireVersionId: this.qvId,
        requirements: { tier: "moderate" },
        status: "sent",
        sentAt: new Date(),
      },
    });
    const { token, hash } = createToken();
    const email = `contact-${org.key.toLowerCase()}${this.next()}-${this.tag}@vendor.example`;
    const inv = await this.db.invitation.create({
      data: {
        orgId: org.id,
        assessmentId: a.id,
        email,
        tokenHash: hash,
        expiresAt: new Date(Date.now() + 30 * 86_400_000),
      },
    });
    return { id: a.id, invitationId: inv.id, token, email };
  }

  private async freshSubmitted(org: Pick<TOrgWorld, "id" | "key">, vendorId: string) {
    const a = await this.db.assessment.create({
      data: {
        orgId: org.id,
        vendorId,
        questionnaireVersionId: this.qvId,
        requirements: { tier: "moderate" },
        status: "submitted",
        sentAt: new Date(),
        submittedAt: new Date(),
      },
    });
    return { id: a.id, marker: `submitted ${a.id}` };
  }

  private async freshFinding(
    org: Pick<TOrgWorld, "id" | "key">,
    vendorId: string,
    assessmentId: string,
  ): Promise<TRecord> {
    const title = `Authz finding ${org.key}${this.next()} ${this.tag}`;
    const f = await this.db.finding.create({
      data: {
        orgId: org.id,
        vendorId,
        assessmentId,
        title,
        description: "Made by the authorization matrix.",
        severity: "medium",
      },
    });
    return { id: f.id, marker: title };
  }

  private async freshApiToken(org: Pick<TOrgWorld, "id" | "key">): Promise<TRecord> {
    const name = `Authz token ${org.key}${this.next()} ${this.tag}`;
    const t = await this.db.apiToken.create({
      data: { orgId: org.id, name, role: "manager", tokenHash: createToken().hash },
    });
    return { id: t.id, marker: name };
  }

  /** An endpoint that is off (the app's job never calls it), with a public address. */
  private async freshWebhook(org: Pick<TOrgWorld, "id" | "key">): Promise<TRecord> {
    const url = `https://8.8.8.8/authz-${org.key.toLowerCase()}${this.next()}-${this.tag}`;
    const e = await this.db.webhookEndpoint.create({
      data: {
        orgId: org.id,
        url,
        events: ["risk_acceptance.expiring"],
        secretEncrypted: "v1.not.a.real.secret",
        enabled: false,
      },
    });
    return { id: e.id, marker: url };
  }

  /** A failed delivery (of an event of the organisation) to a fresh endpoint of it. */
  private async freshWebhookDelivery(org: Pick<TOrgWorld, "id" | "key">): Promise<TRecord> {
    const endpoint = await this.freshWebhook(org);
    const event = await this.db.event.create({
      data: { orgId: org.id, type: "risk_acceptance.expiring", actorKind: "system" },
    });
    const d = await this.db.delivery.create({
      data: {
        eventId: event.id,
        channel: "webhook",
        recipient: endpoint.id,
        attempts: 8,
        failedAt: new Date(),
        lastError: "HTTP 500",
      },
    });
    return { id: d.id, marker: endpoint.marker };
  }

  private async freshUser(org: Pick<TOrgWorld, "id" | "key">): Promise<TRecord> {
    const email = `target-${org.key.toLowerCase()}${this.next()}-${this.tag}@org.example`;
    const u = await this.db.user.create({
      data: {
        orgId: org.id,
        email,
        name: `Target ${org.key} ${this.tag}`,
        role: "manager",
        passwordHash: this.spareHash,
      },
    });
    return { id: u.id, marker: email };
  }

  /** A colleague invited and not yet joined (lib/data/user-invitations.ts). */
  private async freshStaffInvitation(org: Pick<TOrgWorld, "id" | "key">): Promise<TRecord> {
    const email = `invited-${org.key.toLowerCase()}${this.next()}-${this.tag}@org.example`;
    const inv = await this.db.staffInvitation.create({
      data: {
        orgId: org.id,
        email,
        name: `Invited ${org.key} ${this.tag}`,
        role: "procurement",
        tokenHash: createToken().hash,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    return { id: inv.id, marker: email };
  }

  async dispose() {
    for (const s of this.sessions.values()) await s.context.close();
    await this.anonContext?.close();
  }
}
