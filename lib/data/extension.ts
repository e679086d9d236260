import { recordAudit } from "../audit";
import { db, type Prisma } from "../db";
import { addQuestion, addRule, checkEdit, removeItem } from "../questionnaires/extension/edit";
import {
  EMPTY_EXTENSION,
  listCoreQuestions,
  type TExtension,
  ZExtension,
  ZExtensionShape,
} from "../questionnaires/extension/schema";
import type { TQuestion } from "../questionnaires/questionnaire-schema";
import type { TExtensionQuestionForm, TExtensionRuleForm } from "../schemas/extension";
import { nameVersionAuthors } from "./users";

// The organisation's questionnaire extension (issue 19): every save is a new version that is
// never changed afterwards; assessments are sent with the latest and keep the one they got.

export type TOrgInput = { orgId: string };

/**
 * Reads a stored definition by its shape (it was fully checked on save; a check added since
 * must not hide it); a row that does not even have the shape (it cannot) is empty.
 */
export function readExtension({ definition }: { definition: unknown }): TExtension {
  const parsed = ZExtensionShape.safeParse(definition);
  return parsed.success ? parsed.data : EMPTY_EXTENSION;
}

/** The latest version, or null when the organisation never saved one. */
export async function getCurrentExtension({ orgId }: TOrgInput) {
  const row = await db.extensionVersion.findFirst({
    where: { orgId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, definition: true },
  });
  return row ? { id: row.id, version: row.version, extension: readExtension(row) } : null;
}

/** The editor's view: the latest extension and the versions before it. */
export async function getExtensionEditor({ orgId }: TOrgInput) {
  const [org, current, versions] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } }),
    getCurrentExtension({ orgId }),
    db.extensionVersion.findMany({
      where: { orgId },
      orderBy: { version: "desc" },
      take: 20,
      select: { version: true, createdAt: true, createdById: true },
    }),
  ]);
  return {
    orgName: org.name,
    extension: current?.extension ?? EMPTY_EXTENSION,
    version: current?.version ?? 0,
    versions: await nameVersionAuthors({ orgId, rows: versions }),
  };
}

export type TSaveExtensionInput = TOrgInput & {
  actorId: string;
  /** The next extension, from the latest one (read under the lock, so no save is lost). */
  change: (current: TExtension) => TExtension;
};

/** Saves the extension as a new version (audited); assessments sent from now on use it. */
export async function saveExtension({ orgId, actorId, change }: TSaveExtensionInput) {
  return db.$transaction(async (tx) => {
    // The organisation's row lock orders concurrent saves: each gets the next number.
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${orgId} FOR UPDATE`;
    const last = await tx.extensionVersion.findFirst({
      where: { orgId },
      orderBy: { version: "desc" },
      select: { version: true, definition: true },
    });
    const definition = ZExtension.parse(change(last ? readExtension(last) : EMPTY_EXTENSION));
    const version = (last?.version ?? 0) + 1;
    const row = await tx.extensionVersion.create({
      data: {
        orgId,
        version,
        definition: definition as Prisma.InputJsonValue,
        createdById: actorId,
      },
      select: { id: true },
    });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId: actorId },
      action: "org.extension_changed",
      targetType: "organization",
      targetId: orgId,
      data: {
        version,
        questions: definition.sections.flatMap((s) => s.questions.map((q) => q.id)),
        rules: definition.rules.map((r) => r.code),
      },
    });
    return { id: row.id, version };
  });
}

/** The rules of the extension an assessment was sent with (none when it was sent without). */
export async function getAssessmentOrgRules({
  extensionVersionId,
}: {
  extensionVersionId: string | null;
}) {
  if (!extensionVersionId) return [];
  const row = await db.extensionVersion.findUnique({
    where: { id: extensionVersionId },
    select: { definition: true },
  });
  return row ? readExtension(row).rules : [];
}

/** A question a condition or rule may name: a core one or one of the extension's own. */
const lookup = (extension: TExtension) => (id: string) =>
  (extension.sections.flatMap((s) => s.questions).find((q) => q.id === id) as
    | TQuestion
    | undefined) ?? listCoreQuestions().get(id);

type TEditInput<F> = TOrgInput & { actorId: string; form: F };

/** Adds a question; says which section it went to (a new one gets its id here). */
export async function addExtensionQuestion({ form, ...rest }: TEditInput<TExtensionQuestionForm>) {
  let section = form.section;
  const saved = await saveExtension({
    ...rest,
    change: (extension) => {
      const edit = addQuestion({ extension, form, known: lookup(extension) });
      section = edit.extension.sections[Number(edit.path[1])]?.id ?? section;
      return checkEdit({ ...edit, fallback: form.section ? "label" : "sectionTitle" });
    },
  });
  return { ...saved, section };
}

export const addExtensionRule = ({ form, ...rest }: TEditInput<TExtensionRuleForm>) =>
  saveExtension({
    ...rest,
    change: (extension) =>
      checkEdit({ ...addRule({ extension, form, known: lookup(extension) }), fallback: "value" }),
  });

export const removeExtensionItem = ({
  form,
  ...rest
}: TEditInput<{ kind: "question" | "rule"; id: string }>) =>
  saveExtension({
    ...rest,
    change: (extension) => {
      const next = removeItem({ extension, ...form });
      // A rule or condition still naming the question keeps it: the check says which.
      return checkEdit({ extension: next, path: [], fallback: "id" });
    },
  });

/** Replaces the extension with an imported one (already parsed by ZExtensionImport). */
export const importExtension = ({
  orgId,
  actorId,
  extension,
}: TOrgInput & { actorId: string; extension: TExtension }) =>
  saveExtension({
    orgId,
    actorId,
    change: () => ({ sections: extension.sections, rules: extension.rules }),
  });

/** The extension as an exported file: what importExtension takes back, in any organisation. */
export const exportExtension = ({ extension }: { extension: TExtension }) =>
  `${JSON.stringify({ format: "bcdr-extension", ...extension }, null, 2)}\n`;

export type TOrgFlagTitle = { code: string; title: string };

/**
 * The organisation's own flag codes with their titles, from every version of its rules (a code's
 * latest title wins; a rule removed since still names the flags it raised), for the places that
 * list flags by code: the dashboard's filter, the portfolio report's filter line.
 */
export async function listOrgFlagTitles({
  orgId,
  tx = db,
}: TOrgInput & { tx?: Prisma.TransactionClient }): Promise<TOrgFlagTitle[]> {
  const rows = await tx.extensionVersion.findMany({
    where: { orgId },
    orderBy: { version: "asc" },
    select: { definition: true },
  });
  const titles = new Map<string, string>();
  for (const row of rows) for (const r of readExtension(row).rules) titles.set(r.code, r.title);
  return [...titles]
    .map(([code, title]) => ({ code, title }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
