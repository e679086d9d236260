import crypto from "node:crypto";
import { db, isUniqueViolation, type Prisma } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { mergeExtension } from "../questionnaires/extension/merge";
import type { TExtension } from "../questionnaires/extension/schema";
import { type TQuestionnaire, ZQuestionnaire } from "../questionnaires/questionnaire-schema";
import { getQuestionnaire } from "../questionnaires/registry";

/**
 * The database row for a questionnaire version shipped in questionnaires/, with the
 * organisation's own sections after the core ones when it has an extension (issue 19).
 * Assessments point at the exact definition they were sent with, even after the file changes.
 */
export async function ensureQuestionnaireVersion({
  id,
  version,
  own,
}: {
  id: string;
  version?: string;
  /** The organisation's extension: its questions become part of the stored definition. */
  own?: { orgId: string; extension: TExtension };
}) {
  const core = getQuestionnaire({ id, version });
  // A name the form never offers (a crafted request): refused like any unknown record.
  if (!core)
    throw new NotFoundError(
      `No questionnaire ${id}${version ? ` version ${version}` : ""} in questionnaires/`,
    );
  const merged = own?.extension.sections.length ? own : undefined;
  const q = merged ? mergeExtension({ questionnaire: core, extension: merged.extension }) : core;
  // A condition may name a core question this (older) version does not ask: refused, not sent.
  const check = merged ? ZQuestionnaire.safeParse(q) : undefined;
  if (check && !check.success)
    throw new ConflictError(
      `Your organisation's own questions do not fit ${core.title} v${core.version}: ${check.error.issues.map((i) => i.message).join("; ")}. Change them under Own questions, or send the latest version.`,
      { field: "questionnaire" },
    );
  const definition = JSON.parse(JSON.stringify(q)) as Prisma.InputJsonValue;
  const orgId = merged?.orgId ?? null;
  // The organisation is part of the checksum: two organisations' equal extensions stay apart.
  const checksum = crypto
    .createHash("sha256")
    .update(`${orgId ?? ""}${JSON.stringify(definition)}`)
    .digest("hex");
  const where = { key: q.id, version: q.version, checksum, orgId };
  const existing = await db.questionnaireVersion.findFirst({ where });
  if (existing) return existing;
  try {
    return await db.questionnaireVersion.create({
      data: { ...where, title: q.title, definition },
    });
  } catch (e) {
    // Two first sends at once: the other one wrote the row.
    if (isUniqueViolation(e)) return db.questionnaireVersion.findFirstOrThrow({ where });
    throw e;
  }
}

const parsed = new Map<string, TQuestionnaire>();

/** The definition an assessment was sent with (parsed once per version row). */
export function readStoredQuestionnaire({
  id,
  definition,
}: {
  id: string;
  definition: unknown;
}): TQuestionnaire {
  let q = parsed.get(id);
  if (!q) {
    q = ZQuestionnaire.parse(definition) as TQuestionnaire;
    parsed.set(id, q);
  }
  return q;
}

/**
 * The definition behind a questionnaire version row, read from the database only the first time
 * (a version row never changes: a changed file gets a new row).
 */
export async function loadStoredQuestionnaire({ id }: { id: string }): Promise<TQuestionnaire> {
  const known = parsed.get(id);
  if (known) return known;
  const row = await db.questionnaireVersion.findUniqueOrThrow({
    where: { id },
    select: { definition: true },
  });
  return readStoredQuestionnaire({ id, definition: row.definition });
}
