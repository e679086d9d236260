import {
  type TQuestion,
  type TQuestionnaire,
  ZQuestionnaire,
} from "@/lib/questionnaires/questionnaire-schema";
import bcdrCoreV1_1 from "@/questionnaires/bcdr-core.v1.1.json";
import bcdrCoreV1 from "@/questionnaires/bcdr-core.v1.json";

// Static imports, not fs: this module is bundled into client components too.
// A new questionnaire version is one more import and one more entry here.
const SOURCES: readonly unknown[] = [bcdrCoreV1, bcdrCoreV1_1];

let loaded: TQuestionnaire[] | undefined;

function loadAll(): TQuestionnaire[] {
  // Parsed once: a malformed file fails loudly at first use, not in the middle of a form.
  loaded ??= SOURCES.map((source) => ZQuestionnaire.parse(source) as TQuestionnaire);
  return loaded;
}

export type TQuestionnaireSummary = { id: string; version: string; title: string };

export function listQuestionnaires(): TQuestionnaireSummary[] {
  return loadAll().map(({ id, version, title }) => ({ id, version, title }));
}

/**
 * The version of each questionnaire that new assessments and reassessments are sent with:
 * the latest. Older versions stay loadable for the assessments already sent on them.
 */
export function listCurrentQuestionnaires(): TQuestionnaireSummary[] {
  const ids = [...new Set(loadAll().map((q) => q.id))];
  return ids.flatMap((id) => {
    const q = getQuestionnaire({ id });
    return q ? [{ id: q.id, version: q.version, title: q.title }] : [];
  });
}

/** The send forms' questionnaire choices: "id@version" of each current one, latest first listed. */
export function listQuestionnaireOptions(): { value: string; label: string }[] {
  return listCurrentQuestionnaires().map((q) => ({
    value: `${q.id}@${q.version}`,
    label: `${q.title} (v${q.version})`,
  }));
}

export type TGetQuestionnaireInput = { id: string; version?: string };

/**
 * The questionnaire with this id: the given version ("1" also finds the latest 1.x.y), or
 * the latest version when none is given.
 */
export function getQuestionnaire({
  id,
  version,
}: TGetQuestionnaireInput): TQuestionnaire | undefined {
  const matches = loadAll()
    .filter((q) => q.id === id)
    .filter(
      (q) => version === undefined || q.version === version || q.version.startsWith(`${version}.`),
    );
  return [...matches].sort((a, b) => compareVersions(b.version, a.version))[0];
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export type TQuestionnaireInput = { questionnaire: TQuestionnaire };

const flattened = new WeakMap<TQuestionnaire, TQuestion[]>();

/** Every question in form order. */
export function getQuestions({ questionnaire }: TQuestionnaireInput): TQuestion[] {
  let list = flattened.get(questionnaire);
  if (!list) {
    list = questionnaire.sections.flatMap((s) => s.questions);
    flattened.set(questionnaire, list);
  }
  return list;
}

export type TFindQuestionInput = TQuestionnaireInput & { id: string };

export function findQuestion({ questionnaire, id }: TFindQuestionInput): TQuestion | undefined {
  return getQuestions({ questionnaire }).find((q) => q.id === id);
}
