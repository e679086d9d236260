// One entry per page, route handler method and Server Action of the app. Each names its
// permission from lib/permissions.ts and how to build the call for a record of a given
// organisation; what each role should get is derived from PERMISSIONS (see expectedOutcome),
// never written down per role. The completeness test fails for any page, route or action that
// is missing here, so a new one cannot ship without its matrix entry.
import { STAFF_EVENT_TYPES } from "@/lib/events/types";
import { can, type TPermission } from "@/lib/permissions";
import { appCode, giveTotpSecret } from "../totp";
import { discoverEndpoints } from "./inventory";
import {
  FIRST_QUESTION,
  isoDay,
  QUESTIONNAIRE,
  type TOrgWorld,
  type TRecord,
  type TRecordKind,
  type TUserRec,
  type World,
} from "./world";

export type TCallCtx = {
  world: World;
  /** The caller's organisation (A for a signed-out caller). */
  own: TOrgWorld;
  /** The organisation whose record the call names. */
  target: TOrgWorld;
  actor: TUserRec | null;
};

type TBase = {
  file: string;
  permission: TPermission;
  /** The kind of record the call names; null for calls scoped by the session alone. */
  record: TRecordKind | null;
};

export type TPageEntry = TBase & {
  kind: "page";
  url: (r: TRecord | null, c: TCallCtx) => string;
  /** A list: this string of the caller's organisation shows, the other organisation's never does. */
  listed?: (org: TOrgWorld) => string;
  /** This string of the other organisation must not show (the caller's own may or may not). */
  hidden?: (org: TOrgWorld) => string;
};

export type TRouteEntry = TBase & {
  kind: "route";
  method: "GET" | "POST";
  url: (r: TRecord | null, c: TCallCtx) => string;
  okStatus?: number;
  okType?: RegExp;
  listed?: (org: TOrgWorld) => string;
};

export type TActionEntry = TBase & {
  kind: "action";
  name: string;
  args: (r: TRecord | null, c: TCallCtx) => unknown[] | Promise<unknown[]>;
  /** Arguments the schema refuses (a role that may act gets field errors, one that may not a 403). */
  invalidArgs: (r: TRecord | null, c: TCallCtx) => unknown[];
};

export type TEntry = TPageEntry | TRouteEntry | TActionEntry;

export function entryKey(e: TEntry | TPublicEntry): string {
  if (e.kind === "action") return `${e.file}#${e.name}`;
  if (e.kind === "page") return e.file;
  return e.method ? `${e.method} ${e.file}` : e.file;
}

/** Gives the caller a TOTP secret (on, or waiting for its code) and returns its current code. */
async function ownTotpCode(c: TCallCtx, { enabled }: { enabled: boolean }) {
  if (!c.actor) return "000000";
  return appCode(await giveTotpSecret({ db: c.world.db, userId: c.actor.id, enabled }));
}

/**
 * A question of the caller's organisation's extension for a rule to read: saved as a new version
 * when missing, and only for a caller who may edit it (a refused call must change nothing).
 */
async function ownQuestionForRule(c: TCallCtx): Promise<string> {
  const id = "x_matrix_rule_question";
  if (!c.actor || !can({ role: c.actor.role, permission: "settings:manage" })) return id;
  const db = c.world.db;
  const last = await db.extensionVersion.findFirst({
    where: { orgId: c.own.id },
    orderBy: { version: "desc" },
  });
  const definition = (last?.definition ?? { sections: [], rules: [] }) as {
    sections: { id: string; questions: { id: string }[] }[];
    rules: never[];
  };
  if (definition.sections.some((s) => s.questions.some((q) => q.id === id))) return id;
  const section = {
    id: `x_matrix_rules_${c.world.next()}`,
    title: "Matrix rules",
    questions: [{ id, type: "yesno", label: "A question a rule reads", required: false }],
  };
  await db.extensionVersion.create({
    data: {
      orgId: c.own.id,
      version: (last?.version ?? 0) + 1,
      definition: { ...definition, sections: [...definition.sections, section] },
    },
  });
  return id;
}

const emptyTiers = () =>
  Object.fromEntries(["critical", "high", "moderate", "low"].map((t) => [t, {}]));

const aid = (r: TRecord | null) => r?.assessmentId ?? r?.id ?? "";
const XLSX = /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/;

const PAGES: TPageEntry[] = [
  {
    kind: "page",
    file: "app/(staff)/admin/policy/page.tsx",
    permission: "settings:manage",
    record: null,
    url: () => "/admin/policy",
  },
  {
    kind: "page",
    file: "app/(auth)/two-factor/page.tsx",
    permission: "profile:manage",
    record: null,
    url: () => "/two-factor",
  },
  {
    kind: "page",
    file: "app/(staff)/admin/webhooks/page.tsx",
    permission: "settings:manage",
    record: null,
    url: () => "/admin/webhooks",
    listed: (o) => o.records.webhook.marker,
  },
  {
    kind: "page",
    file: "app/(staff)/admin/questions/page.tsx",
    permission: "settings:manage",
    record: null,
    url: () => "/admin/questions",
  },
  {
    kind: "page",
    file: "app/(staff)/profile/page.tsx",
    permission: "profile:manage",
    record: null,
    url: () => "/profile",
  },
  {
    kind: "page",
    file: "app/(staff)/inbox/page.tsx",
    permission: "profile:manage",
    record: null,
    // The caller's own notifications: nothing of the other organisation's may show.
    url: () => "/inbox",
    hidden: (o) => o.records.vendor.marker,
  },
  {
    kind: "page",
    file: "app/(staff)/dashboard/page.tsx",
    permission: "dashboard:read",
    record: null,
    url: () => "/dashboard",
    hidden: (o) => o.records.vendor.marker,
  },
  {
    kind: "page",
    file: "app/(staff)/vendors/page.tsx",
    permission: "vendor:read",
    record: null,
    url: () => "/vendors",
    listed: (o) => o.records.vendor.marker,
  },
  {
    kind: "page",
    file: "app/(staff)/vendors/[vendorId]/page.tsx",
    permission: "vendor:read",
    record: "vendor",
    url: (r) => `/vendors/${r!.id}`,
  },
  {
    kind: "page",
    file: "app/(staff)/assessments/page.tsx",
    permission: "assessment:read",
    record: null,
    url: () => "/assessments",
    listed: (o) => o.records.vendor.marker,
  },
  {
    kind: "page",
    file: "app/(staff)/assessments/[assessmentId]/page.tsx",
    permission: "assessment:read",
    record: "assessment",
    url: (r) => `/assessments/${r!.id}`,
  },
  {
    kind: "page",
    file: "app/(staff)/assessments/[assessmentId]/print/page.tsx",
    permission: "report:export",
    record: "assessment",
    url: (r) => `/assessments/${r!.id}/print`,
  },
  {
    kind: "page",
    file: "app/(staff)/admin/users/page.tsx",
    permission: "user:manage",
    record: null,
    url: () => "/admin/users",
    listed: (o) => o.records.user.marker,
  },
  {
    kind: "page",
    file: "app/(staff)/admin/settings/page.tsx",
    permission: "settings:manage",
    record: null,
    url: () => "/admin/settings",
    listed: (o) => o.supportEmail,
  },
  {
    kind: "page",
    file: "app/(staff)/admin/audit/page.tsx",
    permission: "audit:read",
    record: null,
    url: () => "/admin/audit",
    // The vendor's evidence upload, by the vendor contact's address.
    listed: (o) => o.records.invitation.marker,
  },
  {
    kind: "page",
    file: "app/(staff)/admin/api-tokens/page.tsx",
    permission: "settings:manage",
    record: null,
    url: () => "/admin/api-tokens",
    listed: (o) => o.records.apiToken.marker,
  },
  {
    kind: "page",
    file: "app/(staff)/admin/ops/page.tsx",
    permission: "ops:read",
    record: null,
    url: () => "/admin/ops",
  },
];

const ROUTES: TRouteEntry[] = [
  {
    kind: "route",
    method: "GET",
    file: "app/api/assessments/[assessmentId]/evidence/[evidenceId]/route.ts",
    permission: "evidence:read",
    record: "evidence",
    url: (r) => `/api/assessments/${r!.assessmentId}/evidence/${r!.id}`,
    okType: /^application\/pdf/,
  },
  {
    kind: "route",
    method: "POST",
    file: "app/api/assessments/[assessmentId]/report-jobs/route.ts",
    permission: "report:export",
    record: "assessment",
    url: (r) => `/api/assessments/${aid(r)}/report-jobs`,
    okStatus: 202,
  },
  {
    kind: "route",
    method: "GET",
    file: "app/api/assessments/[assessmentId]/report-jobs/[jobId]/route.ts",
    permission: "report:export",
    record: "job",
    url: (r) => `/api/assessments/${r!.assessmentId}/report-jobs/${r!.id}`,
  },
  {
    kind: "route",
    method: "GET",
    file: "app/api/assessments/[assessmentId]/report-jobs/[jobId]/file/route.ts",
    permission: "report:export",
    record: "job",
    url: (r) => `/api/assessments/${r!.assessmentId}/report-jobs/${r!.id}/file`,
    okType: /^application\/pdf/,
  },
  {
    kind: "route",
    method: "GET",
    file: "app/api/assessments/[assessmentId]/report.pdf/route.ts",
    permission: "report:export",
    record: "assessment",
    url: (r) => `/api/assessments/${aid(r)}/report.pdf`,
    okType: /^application\/pdf/,
  },
  {
    kind: "route",
    method: "GET",
    file: "app/api/assessments/[assessmentId]/answers.xlsx/route.ts",
    permission: "assessment:read",
    record: "assessment",
    url: (r) => `/api/assessments/${aid(r)}/answers.xlsx`,
    okType: XLSX,
  },
  {
    kind: "route",
    method: "POST",
    file: "app/api/assessments/[assessmentId]/answers.xlsx/route.ts",
    permission: "assessment:write",
    record: "assessment",
    url: (r) => `/api/assessments/${aid(r)}/answers.xlsx`,
    // The matrix posts no file: a caller allowed to import gets as far as "choose a workbook".
    okStatus: 422,
  },
  {
    kind: "route",
    method: "GET",
    file: "app/api/assessments/[assessmentId]/export.xlsx/route.ts",
    permission: "assessment:read",
    record: "assessment",
    url: (r) => `/api/assessments/${aid(r)}/export.xlsx`,
    okType: XLSX,
  },
  {
    kind: "route",
    method: "GET",
    file: "app/api/assessments/[assessmentId]/export.csv/route.ts",
    permission: "assessment:read",
    record: "assessment",
    url: (r) => `/api/assessments/${aid(r)}/export.csv?part=findings`,
    okType: /^text\/csv/,
  },
  {
    kind: "route",
    method: "GET",
    file: "app/api/reports/portfolio.pdf/route.ts",
    permission: "report:export",
    record: null,
    url: () => "/api/reports/portfolio.pdf",
    okType: /^application\/pdf/,
  },
  {
    kind: "route",
    method: "GET",
    file: "app/api/vendors/route.ts",
    permission: "vendor:read",
    record: null,
    url: () => "/api/vendors",
    okType: /^application\/json/,
    listed: (o) => o.records.vendor.marker,
  },
  {
    kind: "route",
    method: "GET",
    file: "app/api/vendors/export.csv/route.ts",
    permission: "vendor:read",
    record: null,
    url: () => "/api/vendors/export.csv",
    okType: /^text\/csv/,
    listed: (o) => o.records.vendor.marker,
  },
  {
    kind: "route",
    method: "POST",
    file: "app/api/vendors/import/route.ts",
    permission: "vendor:write",
    record: null,
    url: () => "/api/vendors/import",
    // The matrix posts no file: a caller allowed to import gets as far as "choose a file".
    okStatus: 422,
  },
  {
    kind: "route",
    method: "GET",
    file: "app/api/vendors/import/template.csv/route.ts",
    permission: "vendor:write",
    record: null,
    url: () => "/api/vendors/import/template.csv",
    okType: /^text\/csv/,
  },
];

const vendorInput = (name: string, ownerId?: string) => ({
  name,
  services: ["Matrix service"],
  tier: "low",
  ownerId,
  website: undefined,
});

const ACTIONS: TActionEntry[] = [
  {
    kind: "action",
    file: "lib/actions/vendors.ts",
    name: "createVendorAction",
    permission: "vendor:write",
    record: "owner", // the internal owner it names: another organisation's user is not found
    args: (r, c) => [vendorInput(`Matrix new vendor ${c.world.next()} ${c.world.tag}`, r!.id)],
    invalidArgs: () => [{ name: "", tier: "nope" }],
  },
  {
    kind: "action",
    file: "lib/actions/vendors.ts",
    name: "updateVendorAction",
    permission: "vendor:write",
    record: "vendor",
    args: (r) => [{ vendorId: r!.id, ...vendorInput(`${r!.marker} (edited)`) }],
    invalidArgs: (r) => [{ vendorId: r!.id, name: "" }],
  },
  {
    kind: "action",
    file: "lib/actions/vendors.ts",
    name: "setVendorArchivedAction",
    permission: "vendor:write",
    record: "vendor",
    args: (r) => [{ vendorId: r!.id, archived: true }],
    invalidArgs: (r) => [{ vendorId: r!.id, archived: "yes" }],
  },
  {
    kind: "action",
    file: "lib/actions/vendors.ts",
    name: "addVendorContactAction",
    permission: "vendor:write",
    record: "vendor",
    args: (r, c) => [
      {
        vendorId: r!.id,
        name: "Matrix Contact",
        email: `contact-${c.world.next()}@vendor.example`,
        title: undefined,
      },
    ],
    invalidArgs: (r) => [{ vendorId: r!.id, name: "", email: "not-an-email" }],
  },
  {
    kind: "action",
    file: "lib/actions/assessments.ts",
    name: "createAssessmentAction",
    permission: "assessment:send",
    record: "vendor",
    args: (r, c) => [
      {
        vendorId: r!.id,
        questionnaire: QUESTIONNAIRE,
        requirements: { tier: "moderate", allowed_countries: "" },
        dueDate: isoDay(90),
        contactName: "Matrix Contact",
        contactEmail: `send-${c.world.next()}@vendor.example`,
        message: undefined,
        previousAssessmentId: undefined,
      },
    ],
    invalidArgs: (r) => [{ vendorId: r!.id, dueDate: "soon", contactEmail: "x" }],
  },
  {
    kind: "action",
    file: "lib/actions/assessments.ts",
    name: "bulkSendAssessmentsAction",
    permission: "assessment:send",
    record: "vendor",
    args: (r) => [
      { vendorIds: [r!.id], questionnaire: QUESTIONNAIRE, dueDate: isoDay(90), message: undefined },
    ],
    invalidArgs: (r) => [{ vendorIds: [r!.id], questionnaire: QUESTIONNAIRE, dueDate: "soon" }],
  },
  {
    kind: "action",
    file: "lib/actions/assessments.ts",
    name: "resendInvitationAction",
    permission: "assessment:send",
    record: "invitation",
    args: (r) => [{ invitationId: r!.id }],
    invalidArgs: () => [{ invitationId: "" }],
  },
  {
    kind: "action",
    file: "lib/actions/assessments.ts",
    name: "revokeInvitationAction",
    permission: "assessment:send",
    record: "invitation",
    args: (r) => [{ invitationId: r!.id }],
    invalidArgs: () => [{}],
  },
  {
    kind: "action",
    file: "lib/actions/assessments.ts",
    name: "requestChangesAction",
    permission: "assessment:review",
    record: "submitted",
    args: (r) => [
      { assessmentId: r!.id, items: [{ questionId: FIRST_QUESTION, comment: "Name both sites." }] },
    ],
    invalidArgs: (r) => [{ assessmentId: r!.id, items: [] }],
  },
  {
    kind: "action",
    file: "lib/actions/threads.ts",
    name: "postThreadCommentAction",
    permission: "assessment:review",
    record: "submitted",
    args: (r) => [
      { assessmentId: r!.id, questionId: FIRST_QUESTION, body: "Which city is the backup in?" },
    ],
    invalidArgs: (r) => [{ assessmentId: r!.id, questionId: FIRST_QUESTION, body: "" }],
  },
  {
    kind: "action",
    file: "lib/actions/assessments.ts",
    name: "decideAssessmentAction",
    permission: "assessment:decide",
    record: "submitted",
    args: (r) => [{ assessmentId: r!.id, decision: "accept", comment: undefined }],
    invalidArgs: (r) => [{ assessmentId: r!.id, decision: "maybe" }],
  },
  {
    kind: "action",
    file: "lib/actions/assessments.ts",
    name: "createFindingAction",
    permission: "finding:write",
    record: "assessment",
    args: (r, c) => [
      {
        assessmentId: r!.id,
        title: `Matrix finding ${c.world.next()}`,
        description: "Raised by the authorization matrix.",
        severity: "low",
      },
    ],
    invalidArgs: (r) => [{ assessmentId: r!.id, title: "", severity: "dire" }],
  },
  {
    kind: "action",
    file: "lib/actions/assessments.ts",
    name: "setFindingStatusAction",
    permission: "finding:write",
    record: "finding",
    args: (r) => [{ findingId: r!.id, status: "in_progress", note: undefined }],
    invalidArgs: (r) => [{ findingId: r!.id, status: "gone" }],
  },
  {
    kind: "action",
    file: "lib/actions/assessments.ts",
    name: "acceptRiskAction",
    permission: "risk:accept",
    record: "finding",
    args: (r) => [
      {
        findingId: r!.id,
        justification: "Compensating controls are in place until the vendor migrates.",
        until: isoDay(30),
      },
    ],
    invalidArgs: (r) => [{ findingId: r!.id, justification: "short", until: "later" }],
  },
  {
    kind: "action",
    file: "lib/actions/assessments.ts",
    name: "editDueDateAction",
    permission: "assessment:send",
    record: "assessment",
    args: (r) => [{ assessmentId: r!.id, dueDate: isoDay(45) }],
    invalidArgs: (r) => [{ assessmentId: r!.id, dueDate: "2026-02-31" }],
  },
  {
    kind: "action",
    file: "lib/actions/assessments.ts",
    name: "cancelAssessmentAction",
    permission: "assessment:send",
    record: "assessment",
    args: (r) => [{ assessmentId: r!.id, reason: "The contract was not renewed." }],
    invalidArgs: (r) => [{ assessmentId: r!.id, reason: "" }],
  },
  {
    kind: "action",
    file: "lib/actions/settings.ts",
    name: "updateOrgSettingsAction",
    permission: "settings:manage",
    record: null,
    // The caller's own organisation, with the values it already has.
    args: (_r, c) => [
      {
        name: c.own.name,
        supportEmail: c.own.supportEmail,
        reminderDaysBefore: 7,
        riskAcceptanceMaxMonths: 12,
      },
    ],
    invalidArgs: () => [{ name: "", supportEmail: "nope", reminderDaysBefore: 0 }],
  },
  {
    kind: "action",
    file: "lib/actions/sso.ts",
    name: "claimDomainAction",
    permission: "settings:manage",
    record: null,
    args: (_r, c) => [{ domain: `matrix-${c.world.next()}-${c.world.tag}.example` }],
    invalidArgs: () => [{ domain: "https://not a domain" }],
  },
  {
    kind: "action",
    file: "lib/actions/sso.ts",
    name: "releaseDomainAction",
    permission: "settings:manage",
    // Only the caller's own organisation's claims: another's domain is left alone, unanswered.
    record: null,
    args: (_r, c) => [{ domain: `matrix-unclaimed-${c.world.tag}.example` }],
    invalidArgs: () => [{ domain: "" }],
  },
  {
    kind: "action",
    file: "lib/actions/sso.ts",
    name: "updateSsoSettingsAction",
    permission: "settings:manage",
    record: null,
    // Not required: the organisation's password sign-ins go on for the rest of the matrix.
    args: () => [
      { required: false, breakGlassEmails: "", defaultRole: "procurement", groupRoles: "" },
    ],
    invalidArgs: () => [
      { required: false, breakGlassEmails: "", defaultRole: "root", groupRoles: "x = root" },
    ],
  },
  {
    kind: "action",
    file: "lib/actions/identity.ts",
    name: "inviteUserAction",
    permission: "user:manage",
    record: null,
    args: (_r, c) => [
      {
        name: "Matrix Invited User",
        email: `invite-${c.world.next()}-${c.world.tag}@org.example`,
        role: "manager",
      },
    ],
    invalidArgs: () => [{ name: "", email: "x", role: "root" }],
  },
  {
    kind: "action",
    file: "lib/actions/identity.ts",
    name: "resendInvitationAction",
    permission: "user:manage",
    record: "staffInvitation",
    args: (r) => [{ invitationId: r!.id }],
    invalidArgs: () => [{ invitationId: "" }],
  },
  {
    kind: "action",
    file: "lib/actions/identity.ts",
    name: "revokeInvitationAction",
    permission: "user:manage",
    record: "staffInvitation",
    args: (r) => [{ invitationId: r!.id }],
    invalidArgs: () => [{ invitationId: "" }],
  },
  {
    kind: "action",
    file: "lib/actions/identity.ts",
    name: "setTwoFactorRuleAction",
    permission: "settings:manage",
    record: null,
    // The caller's own organisation, left as the world made it: nobody is required.
    args: () => [{ rule: "off" }],
    invalidArgs: () => [{ rule: "sometimes" }],
  },
  {
    kind: "action",
    file: "lib/actions/identity.ts",
    name: "startTotpEnrolmentAction",
    permission: "profile:manage",
    record: null,
    // The caller's own account: the user comes from the session, never the arguments.
    args: () => [{}],
    invalidArgs: () => [null],
  },
  {
    kind: "action",
    file: "lib/actions/identity.ts",
    name: "confirmTotpEnrolmentAction",
    permission: "profile:manage",
    record: null,
    // The caller's own account: a secret waiting for its code, and the code an app shows now.
    args: async (_r, c) => [{ code: await ownTotpCode(c, { enabled: false }) }],
    invalidArgs: () => [{ code: "!" }],
  },
  {
    kind: "action",
    file: "lib/actions/identity.ts",
    name: "disableTotpAction",
    permission: "profile:manage",
    record: null,
    args: async (_r, c) => [{ code: await ownTotpCode(c, { enabled: true }) }],
    invalidArgs: () => [{ code: "!" }],
  },
  {
    kind: "action",
    file: "lib/actions/users.ts",
    name: "changeUserRoleAction",
    permission: "user:manage",
    record: "user",
    args: (r) => [{ userId: r!.id, role: "procurement" }],
    invalidArgs: (r) => [{ userId: r!.id, role: "root" }],
  },
  {
    kind: "action",
    file: "lib/actions/users.ts",
    name: "setUserActiveAction",
    permission: "user:manage",
    record: "user",
    args: (r) => [{ userId: r!.id, active: false }],
    invalidArgs: (r) => [{ userId: r!.id, active: "no" }],
  },
  {
    kind: "action",
    file: "lib/actions/users.ts",
    name: "resetUserSessionsAction",
    permission: "user:manage",
    record: "user",
    args: (r) => [{ userId: r!.id }],
    invalidArgs: () => [{ userId: "" }],
  },
  {
    kind: "action",
    file: "lib/actions/profile.ts",
    name: "updateNotificationPreferencesAction",
    permission: "profile:manage",
    record: null,
    // The caller's own preferences: the user comes from the session, never the arguments.
    args: () => [{ email: Object.fromEntries(STAFF_EVENT_TYPES.map((t) => [t, true])) }],
    invalidArgs: () => [{ email: { "assessment.submitted": "yes" } }],
  },
  {
    kind: "action",
    file: "lib/actions/profile.ts",
    name: "markInboxReadAction",
    permission: "profile:manage",
    record: null,
    args: () => [{ all: true }],
    invalidArgs: () => [{ deliveryId: "" }],
  },
  {
    kind: "action",
    file: "lib/actions/policy.ts",
    name: "previewPolicyAction",
    permission: "settings:manage",
    record: null,
    args: () => [{ tiers: emptyTiers(), downgrades: [] }],
    invalidArgs: () => [{ tiers: emptyTiers(), downgrades: [{ code: "NOT_A_CODE" }] }],
  },
  {
    kind: "action",
    file: "lib/actions/policy.ts",
    name: "savePolicyAction",
    permission: "settings:manage",
    record: null,
    // The caller's own organisation; an empty policy changes no requirement.
    args: () => [{ tiers: emptyTiers(), downgrades: [] }],
    invalidArgs: () => [
      { tiers: { ...emptyTiers(), critical: { min_separation_km: "far" } }, downgrades: [] },
    ],
  },
  // The extension editor (issue 19): each accepted call saves a version of the caller's own
  // organisation; the refused ones must leave everything unchanged.
  {
    kind: "action",
    file: "lib/actions/extension.ts",
    name: "addExtensionQuestionAction",
    permission: "settings:manage",
    record: null,
    args: (_r, c) => [
      {
        section: "",
        sectionTitle: "Matrix",
        // A new id each call: the entry depends on no other entry, nor on a run before it.
        id: `x_matrix_question_${c.world.next()}`,
        label: "A question of the matrix",
        type: "yesno",
        required: false,
      },
    ],
    invalidArgs: () => [
      { section: "", id: "backup_exists", label: "", type: "sites", required: "no" },
    ],
  },
  {
    kind: "action",
    file: "lib/actions/extension.ts",
    name: "addExtensionRuleAction",
    permission: "settings:manage",
    record: null,
    // On a question of its own, there whatever entries ran before; a new code each call.
    args: async (_r, c) => [
      {
        code: `ORG_MATRIX_${c.world.next()}`,
        title: "Matrix",
        explanation: "Matrix",
        severity: "low",
        question: await ownQuestionForRule(c),
        op: "equals",
        value: "yes",
      },
    ],
    invalidArgs: () => [{ code: "NO_BACKUPS", title: "", op: "eval" }],
  },
  {
    kind: "action",
    file: "lib/actions/extension.ts",
    name: "removeExtensionItemAction",
    permission: "settings:manage",
    record: null,
    args: () => [{ kind: "rule", id: "ORG_NOT_THERE" }],
    invalidArgs: () => [{ kind: "section", id: "" }],
  },
  {
    kind: "action",
    file: "lib/actions/extension.ts",
    name: "importExtensionAction",
    permission: "settings:manage",
    record: null,
    args: () => [{ json: JSON.stringify({ sections: [], rules: [] }) }],
    invalidArgs: () => [{ json: "{not json" }],
  },
  {
    kind: "action",
    file: "lib/actions/api-tokens.ts",
    name: "createApiTokenAction",
    permission: "settings:manage",
    record: null,
    args: (_r, c) => [{ name: `Matrix token ${c.world.next()}`, role: "manager" }],
    invalidArgs: () => [{ name: "", role: "root" }],
  },
  {
    kind: "action",
    file: "lib/actions/api-tokens.ts",
    name: "revokeApiTokenAction",
    permission: "settings:manage",
    record: "apiToken",
    args: (r) => [{ tokenId: r!.id }],
    invalidArgs: () => [{ tokenId: "" }],
  },
  {
    kind: "action",
    file: "lib/actions/ops.ts",
    name: "startDrillAction",
    permission: "ops:drill",
    // Instance-wide: the first allowed call starts a drill, later ones name the running one.
    record: null,
    args: () => [{}],
    invalidArgs: () => [null],
  },
  {
    kind: "action",
    file: "lib/actions/webhooks.ts",
    name: "createWebhookEndpointAction",
    permission: "settings:manage",
    record: null,
    args: (_r, c) => [
      { url: `https://8.8.8.8/matrix-${c.world.next()}`, events: ["risk_acceptance.expiring"] },
    ],
    invalidArgs: () => [{ url: "ftp://x", events: ["nothing"] }],
  },
  {
    kind: "action",
    file: "lib/actions/webhooks.ts",
    name: "updateWebhookEndpointAction",
    permission: "settings:manage",
    record: "webhook",
    args: (r) => [
      { endpointId: r!.id, url: r!.marker, description: "Matrix", events: ["flag.raised"] },
    ],
    invalidArgs: (r) => [{ endpointId: r?.id ?? "", url: "", events: [] }],
  },
  {
    kind: "action",
    file: "lib/actions/webhooks.ts",
    name: "setWebhookEndpointEnabledAction",
    permission: "settings:manage",
    record: "webhook",
    args: (r) => [{ endpointId: r!.id, enabled: true }],
    invalidArgs: () => [{ endpointId: "", enabled: "yes" }],
  },
  {
    kind: "action",
    file: "lib/actions/webhooks.ts",
    name: "rotateWebhookSecretAction",
    permission: "settings:manage",
    record: "webhook",
    args: (r) => [{ endpointId: r!.id }],
    invalidArgs: () => [{ endpointId: "" }],
  },
  {
    kind: "action",
    file: "lib/actions/webhooks.ts",
    name: "deleteWebhookEndpointAction",
    permission: "settings:manage",
    record: "webhook",
    args: (r) => [{ endpointId: r!.id }],
    invalidArgs: () => [{ endpointId: "" }],
  },
  {
    kind: "action",
    file: "lib/actions/webhooks.ts",
    name: "resendWebhookDeliveryAction",
    permission: "settings:manage",
    record: "webhookDelivery",
    args: (r) => [{ deliveryId: r!.id }],
    invalidArgs: () => [{ deliveryId: "" }],
  },
];

/** Every role-checked page, route handler and Server Action. */
export const MATRIX: TEntry[] = [...PAGES, ...ROUTES, ...ACTIONS];

/**
 * Pages and routes with no role check, each with its own checks in the spec: public ones,
 * and the vendor portal, where the link's token is the credential and scopes every call.
 */
export type TPublicEntry = {
  kind: "public" | "token" | "redirect" | "static" | "bearer";
  file: string;
  method?: "GET" | "POST" | "PATCH";
};

export const PUBLIC: TPublicEntry[] = [
  { kind: "redirect", file: "app/page.tsx" },
  { kind: "public", file: "app/(auth)/login/page.tsx" },
  // The dashboard map's basemap: built once, the same for everyone, behind the sign-in gate.
  { kind: "static", method: "GET", file: "app/(staff)/dashboard/world-map.svg/route.ts" },
  { kind: "public", method: "GET", file: "app/api/auth/[...nextauth]/route.ts" },
  { kind: "public", method: "POST", file: "app/api/auth/[...nextauth]/route.ts" },
  { kind: "public", method: "GET", file: "app/api/cities/route.ts" },
  { kind: "public", method: "GET", file: "app/api/health/route.ts" },
  { kind: "public", method: "GET", file: "app/api/ready/route.ts" },
  { kind: "token", file: "app/(vendor)/respond/[token]/page.tsx" },
  { kind: "token", method: "POST", file: "app/api/respond/[token]/answers/route.ts" },
  { kind: "token", method: "GET", file: "app/api/respond/[token]/answers.xlsx/route.ts" },
  { kind: "token", method: "POST", file: "app/api/respond/[token]/answers.xlsx/route.ts" },
  { kind: "token", method: "GET", file: "app/api/respond/[token]/basemap/route.ts" },
  { kind: "token", method: "POST", file: "app/api/respond/[token]/colleagues/route.ts" },
  { kind: "token", method: "POST", file: "app/api/respond/[token]/evidence/route.ts" },
  { kind: "token", method: "GET", file: "app/api/respond/[token]/portable/route.ts" },
  { kind: "token", method: "POST", file: "app/api/respond/[token]/portable/route.ts" },
  { kind: "token", method: "GET", file: "app/api/respond/[token]/evidence/[evidenceId]/route.ts" },
  { kind: "token", method: "POST", file: "app/api/respond/[token]/submit/route.ts" },
  { kind: "token", method: "POST", file: "app/api/respond/[token]/threads/route.ts" },
  // The first admin's one-time setup link (tests/integration/data/setup.test.ts).
  { kind: "token", file: "app/(auth)/setup/[token]/page.tsx" },
  { kind: "token", method: "POST", file: "app/api/setup/[token]/route.ts" },
  // Staff account links and "forgot password" (tests/integration/data/user-invitations.test.ts,
  // tests/integration/data/password-reset.test.ts, tests/e2e/identity.spec.ts).
  { kind: "token", file: "app/(auth)/invite/[token]/page.tsx" },
  { kind: "token", method: "POST", file: "app/api/invitations/[token]/route.ts" },
  { kind: "public", file: "app/(auth)/forgot-password/page.tsx" },
  { kind: "public", method: "POST", file: "app/api/password-reset/route.ts" },
  { kind: "token", file: "app/(auth)/reset-password/[token]/page.tsx" },
  { kind: "token", method: "POST", file: "app/api/password-reset/[token]/route.ts" },
  // The REST API's description and its reference page: public, they name no record.
  { kind: "public", method: "GET", file: "app/api/v1/openapi.json/route.ts" },
  { kind: "public", file: "app/api/docs/page.tsx" },
  // Every /api/v1 operation: authenticated by an API token, not a session; its own matrix is
  // tests/e2e/api-v1-authz.spec.ts, derived from the same permission map.
  ...discoverEndpoints()
    .routes.filter((r) => r.includes(" app/api/v1/") && !r.includes("/openapi.json/"))
    .map((r) => {
      const [method, file] = r.split(" ") as ["GET" | "POST" | "PATCH", string];
      return { kind: "bearer" as const, method, file };
    }),
];

export type TOutcome = "ok" | "signin" | "forbidden" | "notfound";

/**
 * What a call should get, from PERMISSIONS alone: signed out → sign in; a role the permission
 * does not list → forbidden (checked before any lookup, so also for another organisation's
 * record); another organisation's record → not found; otherwise it goes through.
 */
export function expectedOutcome(
  entry: TEntry,
  actor: TUserRec | null,
  side: "own" | "other",
): TOutcome {
  if (!actor) return "signin";
  if (!can({ role: actor.role, permission: entry.permission })) return "forbidden";
  if (entry.record && side === "other") return "notfound";
  return "ok";
}
