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
import { FLAG_CODES, listConditionReferences, RULES } from "@/lib/rules";
import { COMPILED_RULES } from "@/lib/rules/engine";
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

describe("questionnaire files", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".json"));
  it.each(files)("%s fits the format schema and is registered in the loader", (file) => {
    const data = JSON.parse(readFileSync(path.join(DIR, file), "utf8"));
    const parsed = ZQuestionnaire.safeParse(data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(file).toBe(`${data.id}.v${data.version.split(".")[0]}.json`);
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

  it("there is exactly one rule per flag code, all compiled", () => {
    expect(RULES.map((r) => r.code).sort()).toEqual([...FLAG_CODES].sort());
    expect(COMPILED_RULES).toHaveLength(FLAG_CODES.length);
  });

  it("getQuestionnaire finds by id and version", () => {
    expect(getQuestionnaire({ id: "bcdr-core" })?.version).toBe("1.0.0");
    expect(getQuestionnaire({ id: "bcdr-core", version: "1.0.0" })).toBe(QUESTIONNAIRE);
    expect(getQuestionnaire({ id: "bcdr-core", version: "9" })).toBeUndefined();
    expect(getQuestionnaire({ id: "bcdr-core", version: "1" })).toBe(QUESTIONNAIRE);
    expect(getQuestionnaire({ id: "bcdr-core", version: "1.0" })).toBe(QUESTIONNAIRE);
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
