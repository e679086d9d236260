import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  getMissingRequired,
  getQuestionnaire,
  getQuestions,
  getVisibleQuestions,
  isQuestionVisible,
  listQuestionnaires,
  type TQuestionnaire,
  ZQuestionnaire,
} from "@/lib/questionnaires";
import {
  FLAG_CODES,
  FLAG_CODES_1_0,
  listConditionReferences,
  PLAN_SCENARIOS,
  RULES,
} from "@/lib/rules";
import { COMPILED_RULES, compileRules } from "@/lib/rules/engine";
import { CLEAN_ANSWERS, QUESTIONNAIRE } from "@/tests/unit/engine/helpers";

const DIR = path.resolve(import.meta.dirname, "../../../questionnaires");

/** The question ids of the public contract (bcdr-core.md); none may be renamed or dropped. */
const CONTRACT_IDS = [
  "sites",
  "subprocessors",
  "topology",
  "declared_min_separation_km",
  "shared_hazards",
  "shared_control_plane",
  "failover_mode",
  "secondary_capacity_pct",
  "backup_exists",
  "backup_frequency_hours",
  "backup_retention_days",
  "backup_site_ids",
  "backup_shared_dependencies",
  "backup_immutable",
  "backup_offline_copy",
  "backup_encrypted",
  "replication_mode",
  "point_in_time_recovery",
  "restore_test_last_date",
  "restore_test_scope",
  "rpo_minutes",
  "rto_minutes",
  "customer_notification_hours",
  "plan_exists",
  "plan_last_reviewed_date",
  "dr_test_last_date",
  "dr_test_type",
  "dr_test_met_objectives",
  "plan_covers",
  "certifications",
  "customer_export",
  "export_formats",
  "status_page",
  "customer_local_copy",
];

/** The nine questions contract 1.1 added, with their answer shapes. */
const CONTRACT_IDS_1_1: Record<string, string> = {
  unstaged_changes: "multi",
  single_source_suppliers: "multi",
  recovery_dependencies: "multi",
  recovery_identity_independent: "yesno",
  power_autonomy_hours: "number",
  immutable_retention_days: "number",
  full_restore_test_minutes: "number",
  dr_test_recovery_minutes: "number",
  failover_qualified_staff_count: "number",
};

const V1_0 = getQuestionnaire({ id: "bcdr-core", version: "1.0.0" })!;

describe("questionnaire files", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".json"));
  it.each(files)("%s fits the format schema and is registered in the loader", (file) => {
    const data = JSON.parse(readFileSync(path.join(DIR, file), "utf8"));
    const parsed = ZQuestionnaire.safeParse(data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    // x.0.y lives in <id>.vX.json, x.m.y (m > 0) in <id>.vX.m.json.
    const [major, minor] = data.version.split(".");
    expect(file).toBe(`${data.id}.v${major}${minor && minor !== "0" ? `.${minor}` : ""}.json`);
    expect(listQuestionnaires()).toContainEqual({
      id: data.id,
      version: data.version,
      title: data.title,
    });
  });

  it("bcdr-core keeps every contract question with its answer shape", () => {
    const byId = new Map(getQuestions({ questionnaire: QUESTIONNAIRE }).map((q) => [q.id, q]));
    for (const id of CONTRACT_IDS) expect(byId.has(id), id).toBe(true);
    expect(byId.get("backup_site_ids")?.type).toBe("siterefs");
    expect(byId.get("subprocessors")?.type).toBe("parties");
    expect(byId.get("shared_hazards")?.options?.map((o) => o.value)).toEqual([
      "flood_plain",
      "seismic_zone",
      "power_grid",
      "network_carrier",
      "none",
      "unknown",
    ]);
    for (const q of byId.values()) {
      if (q.type === "number") expect(q.unit, q.id).toBeTruthy();
      expect(q.label.length, q.id).toBeGreaterThan(5);
    }
  });

  it("bcdr-core 1.1 adds the nine contract questions with their shapes and options", () => {
    expect(QUESTIONNAIRE.version).toBe("1.1.0");
    const byId = new Map(getQuestions({ questionnaire: QUESTIONNAIRE }).map((q) => [q.id, q]));
    for (const [id, type] of Object.entries(CONTRACT_IDS_1_1)) {
      expect(byId.get(id)?.type, id).toBe(type);
      expect(byId.get(id)?.help?.length ?? 0, `${id} has help`).toBeGreaterThan(40);
    }
    const options = (id: string) => byId.get(id)?.options?.map((o) => o.value);
    expect(options("unstaged_changes")).toEqual([
      "application_release",
      "configuration",
      "infrastructure",
      "security_agent",
      "management_agent",
      "none",
      "unknown",
    ]);
    expect(options("single_source_suppliers")).toEqual([
      "network_carrier",
      "dns",
      "cdn",
      "managed_service_provider",
      "none",
      "unknown",
    ]);
    expect(options("recovery_dependencies")).toEqual([
      "control_plane",
      "dns",
      "access_tooling",
      "runbooks",
      "status_page",
      "none",
      "unknown",
    ]);
    expect(options("plan_covers")).toEqual([...PLAN_SCENARIOS]);
    expect(byId.get("failover_qualified_staff_count")?.integer).toBe(true);
    // Every v1 question keeps its id, shape and options.
    for (const old of getQuestions({ questionnaire: V1_0 })) {
      const now = byId.get(old.id);
      expect(now?.type, old.id).toBe(old.type);
      expect(
        now?.options?.map((o) => o.value),
        old.id,
      ).toEqual(old.options?.map((o) => o.value));
    }
  });

  it("every question a condition or a rule names exists, and every option value it compares exists", () => {
    const byId = new Map(getQuestions({ questionnaire: QUESTIONNAIRE }).map((q) => [q.id, q]));
    const conditions = [
      ...[...byId.values()].flatMap((q) => (q.visibleWhen ? [q.visibleWhen] : [])),
      ...RULES.flatMap((r) => [...(r.guard ? [r.guard] : []), ...r.variants.map((v) => v.when)]),
    ];
    for (const condition of conditions) {
      for (const id of listConditionReferences({ condition }).questions)
        expect(byId.has(id), id).toBe(true);
    }
    for (const rule of RULES)
      for (const id of rule.questions) expect(byId.has(id), `${rule.code}: ${id}`).toBe(true);
    const leaves =
      JSON.stringify(conditions).match(
        /\{"question":"[a-z_]+","op":"[a-zA-Z]+","value":[^}]*\}/g,
      ) ?? [];
    for (const text of leaves) {
      const leaf = JSON.parse(text) as { question: string; value: unknown };
      const options = byId.get(leaf.question)?.options?.map((o) => o.value);
      const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
      if (options) for (const v of values) expect(options, `${leaf.question}=${v}`).toContain(v);
      if (byId.get(leaf.question)?.type === "yesno")
        for (const v of values) expect(["yes", "no", "unknown"]).toContain(v);
    }
  });

  it("there is exactly one rule per flag code, all compiled, each with a title", () => {
    expect(RULES.map((r) => r.code).sort()).toEqual([...FLAG_CODES].sort());
    expect(COMPILED_RULES).toHaveLength(FLAG_CODES.length);
    for (const rule of RULES) expect(rule.title.length, rule.code).toBeGreaterThan(10);
  });

  // "while CODE is raised" references go only from 1.1 codes to v1 codes, decided first.
  it("a rule may read only v1 codes that rules before it decide", () => {
    const reader = (code: string) => ({
      ...RULES.find((r) => r.code === "NOTIFICATION_TOO_SLOW")!,
      guard: { not: { fact: "raisedCodes", op: "includes" as const, value: code } },
    });
    const v1 = RULES.filter((r) => (FLAG_CODES_1_0 as readonly string[]).includes(r.code));
    expect(() => compileRules({ rules: [...v1, reader("NO_BCDR_PLAN")] })).not.toThrow();
    expect(() => compileRules({ rules: [reader("NO_BCDR_PLAN"), ...v1] })).toThrow(
      /NO_BCDR_PLAN, which is not a v1 code decided before it/,
    );
    expect(() => compileRules({ rules: [...RULES, reader("COMMON_MODE_CHANGE")] })).toThrow();
  });

  it("getQuestionnaire finds by id and version; 1.0.0 stays loadable", () => {
    expect(getQuestionnaire({ id: "bcdr-core" })?.version).toBe("1.1.0");
    expect(getQuestionnaire({ id: "bcdr-core", version: "1.1.0" })).toBe(QUESTIONNAIRE);
    expect(getQuestionnaire({ id: "bcdr-core", version: "1.0.0" })?.version).toBe("1.0.0");
    expect(getQuestionnaire({ id: "bcdr-core", version: "9" })).toBeUndefined();
    expect(getQuestionnaire({ id: "bcdr-core", version: "1" })).toBe(QUESTIONNAIRE);
    expect(getQuestionnaire({ id: "bcdr-core", version: "1.1" })).toBe(QUESTIONNAIRE);
    expect(getQuestionnaire({ id: "bcdr-core", version: "1.0" })).toBe(V1_0);
    expect(getQuestionnaire({ id: "bcdr-core", version: "1.0.0.0" })).toBeUndefined();
    expect(getQuestionnaire({ id: "nope" })).toBeUndefined();
  });

  it("rejects a malformed questionnaire", () => {
    const broken = structuredClone(QUESTIONNAIRE) as TQuestionnaire;
    const [first] = broken.sections;
    first!.questions[0]!.visibleWhen = { question: "no_such_question", op: "answered" };
    expect(ZQuestionnaire.safeParse(broken).success).toBe(false);
    const noOptions = structuredClone(QUESTIONNAIRE) as TQuestionnaire;
    const topology = noOptions.sections[1]!.questions[0]!;
    delete topology.options;
    expect(ZQuestionnaire.safeParse(noOptions).success).toBe(false);
  });
});

describe("visibility and missing answers", () => {
  const ids = (qs: { id: string }[]) => qs.map((q) => q.id);
  const find = (id: string) =>
    getQuestions({ questionnaire: QUESTIONNAIRE }).find((q) => q.id === id)!;

  it("backup questions appear only when backups exist", () => {
    expect(isQuestionVisible({ question: find("backup_frequency_hours"), answers: {} })).toBe(
      false,
    );
    expect(
      isQuestionVisible({
        question: find("backup_frequency_hours"),
        answers: { backup_exists: "no" },
      }),
    ).toBe(false);
    expect(
      isQuestionVisible({
        question: find("backup_frequency_hours"),
        answers: { backup_exists: "yes" },
      }),
    ).toBe(true);
    expect(isQuestionVisible({ question: find("backup_exists"), answers: {} })).toBe(true);
  });

  it("1.1 follow-up questions appear only when they apply", () => {
    const visible = (id: string, answers: Record<string, unknown>) =>
      isQuestionVisible({ question: find(id), answers: answers as never });
    const backups = { backup_exists: "yes" };
    // Immutable retention only when a protected copy exists.
    expect(visible("immutable_retention_days", backups)).toBe(false);
    expect(visible("immutable_retention_days", { ...backups, backup_immutable: "no" })).toBe(false);
    expect(visible("immutable_retention_days", { ...backups, backup_immutable: "yes" })).toBe(true);
    expect(visible("immutable_retention_days", { ...backups, backup_offline_copy: "yes" })).toBe(
      true,
    );
    expect(visible("immutable_retention_days", { backup_immutable: "yes" })).toBe(false);
    // A measured full restore only when restore tests covered the full environment.
    expect(
      visible("full_restore_test_minutes", { ...backups, restore_test_scope: ["database"] }),
    ).toBe(false);
    expect(
      visible("full_restore_test_minutes", {
        ...backups,
        restore_test_scope: ["full_environment"],
      }),
    ).toBe(true);
    // A measured failover only after a partial or full failover exercise.
    const plan = { plan_exists: "yes" };
    expect(visible("dr_test_recovery_minutes", { ...plan, dr_test_type: "tabletop" })).toBe(false);
    expect(visible("dr_test_recovery_minutes", { ...plan, dr_test_type: "full_failover" })).toBe(
      true,
    );
    // The common-mode questions are always asked.
    for (const id of ["unstaged_changes", "single_source_suppliers", "recovery_dependencies"]) {
      expect(visible(id, {}), id).toBe(true);
    }
  });

  it("separation questions hide for a single site", () => {
    const visible = ids(
      getVisibleQuestions({ questionnaire: QUESTIONNAIRE, answers: { topology: "single_site" } }),
    );
    expect(visible).not.toContain("declared_min_separation_km");
    expect(visible).toContain("shared_control_plane");
  });

  it("lists required visible questions without an answer", () => {
    expect(
      getMissingRequired({ questionnaire: QUESTIONNAIRE, answers: CLEAN_ANSWERS as never }),
    ).toEqual([]);
    const missing = ids(
      getMissingRequired({ questionnaire: QUESTIONNAIRE, answers: { backup_exists: "yes" } }),
    );
    expect(missing).toContain("sites");
    expect(missing).toContain("backup_site_ids");
    expect(missing).not.toContain("restore_test_last_date");
    expect(missing).not.toContain("backup_exists");
    const none = ids(
      getMissingRequired({ questionnaire: QUESTIONNAIRE, answers: { backup_exists: "no" } }),
    );
    expect(none).not.toContain("backup_site_ids");
  });
});
