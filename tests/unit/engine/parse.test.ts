import { describe, expect, it } from "vitest";
import {
  buildAnswersSchema,
  findQuestion,
  formatParseErrors,
  getQuestionValueSchema,
  isCountryCode,
  parseAssessmentFile,
  type TParseError,
} from "@/lib/questionnaires";
import { CLEAN_ANSWERS, CLEAN_REQUIREMENTS, QUESTIONNAIRE } from "@/tests/unit/engine/helpers";

function errorsFor(
  answers: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): TParseError[] {
  const result = parseAssessmentFile({
    input: { questionnaire: "bcdr-core", requirements: CLEAN_REQUIREMENTS, answers, ...extra },
  });
  return result.ok ? [] : result.errors;
}

const clean = () =>
  structuredClone(CLEAN_ANSWERS) as Record<string, unknown> & { sites: Record<string, unknown>[] };

describe("parseAssessmentFile", () => {
  it("accepts the clean vendor and any subset of answers", () => {
    expect(errorsFor(clean())).toEqual([]);
    expect(errorsFor({})).toEqual([]);
    expect(errorsFor({ backup_exists: "unknown" })).toEqual([]);
  });

  it("names path, expectation and finding for each refused field", () => {
    const answers = clean();
    answers.sites[0]!.lat = 200;
    expect(errorsFor(answers)).toEqual([
      {
        path: "answers.sites[0].lat",
        expected: "a number from -90 to 90 (latitude)",
        found: "200",
      },
    ]);
  });

  it.each([
    ["an unknown question id", { colour: "blue" }, "answers.colour"],
    ["a wrong shape", { rto_minutes: "60" }, "answers.rto_minutes"],
    ["a yes/no that is a boolean", { backup_exists: true }, "answers.backup_exists"],
    ["an unlisted option", { topology: "mesh" }, "answers.topology"],
    ["an unlisted multi option", { shared_hazards: ["volcano"] }, "answers.shared_hazards[0]"],
    ["an impossible month", { dr_test_last_date: "2021-13-45" }, "answers.dr_test_last_date"],
    [
      "an impossible day",
      { restore_test_last_date: "2021-02-30" },
      "answers.restore_test_last_date",
    ],
    [
      "a non-ISO date",
      { plan_last_reviewed_date: "01/02/2021" },
      "answers.plan_last_reviewed_date",
    ],
    ["a null answer", { rpo_minutes: null }, "answers.rpo_minutes"],
    ["a negative number", { rpo_minutes: -1 }, "answers.rpo_minutes"],
    [
      "a bad subprocessor country",
      { subprocessors: [{ name: "A", service: "b", country: "EU" }] },
      "answers.subprocessors[0].country",
    ],
  ])("refuses %s", (_, answers, path) => {
    const errors = errorsFor(answers);
    expect(errors.map((e) => e.path)).toContain(path);
    for (const e of errors) {
      expect(e.expected.length).toBeGreaterThan(0);
      expect(e.found.length).toBeGreaterThan(0);
    }
  });

  it("refuses out-of-range coordinates and non-alpha-2 countries", () => {
    const answers = clean();
    answers.sites[1]!.lon = -180.5;
    answers.sites[2]!.country = "UK";
    const paths = errorsFor(answers).map((e) => e.path);
    expect(paths).toEqual(["answers.sites[1].lon", "answers.sites[2].country"]);
    expect(isCountryCode("GB")).toBe(true);
    for (const bad of ["UK", "gb", "EU", "XK", "GBR", ""])
      expect(isCountryCode(bad), bad).toBe(false);
  });

  it("refuses duplicate site ids and backup_site_ids naming no site", () => {
    const dup = clean();
    dup.sites[2]!.id = "fra";
    dup.backup_site_ids = ["fra"];
    const dupErrors = errorsFor(dup);
    expect(dupErrors.map((e) => e.path)).toEqual(["answers.sites[2].id"]);
    expect(dupErrors[0]?.expected).toContain("sites[0]");
    const ghost = clean();
    ghost.backup_site_ids = ["ams", "nowhere"];
    expect(errorsFor(ghost)).toEqual([
      {
        path: "answers.backup_site_ids[1]",
        expected: "the id of a site in answers.sites (fra, dub, ams)",
        found: '"nowhere"',
      },
    ]);
    const noSites = { backup_site_ids: ["ams"] };
    expect(errorsFor(noSites)[0]?.expected).toContain("none are listed");
  });

  it("refuses unknown site fields and missing required ones", () => {
    const answers = clean();
    answers.sites[0]!.facilty = "typo";
    delete answers.sites[1]!.lat;
    const paths = errorsFor(answers).map((e) => e.path);
    expect(paths).toContain("answers.sites[0].facilty");
    expect(paths).toContain("answers.sites[1].lat");
  });

  it("checks the envelope: questionnaire id, version, requirements, unknown keys", () => {
    const result = parseAssessmentFile({
      input: { questionnaire: "other", requirements: {}, answers: {}, extra: 1 },
    });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["extra", "questionnaire", "requirements.tier"]));
    expect(errorsFor({}, { version: "7" }).map((e) => e.path)).toEqual(["version"]);
    expect(errorsFor({}, { version: "1.0.0" })).toEqual([]);
    const badReq = parseAssessmentFile({
      input: {
        questionnaire: "bcdr-core",
        requirements: { tier: "high", max_test_age_months: 1.5, allowed_countries: ["DE", "UK"] },
        answers: {},
      },
    });
    expect(badReq.ok ? [] : badReq.errors.map((e) => e.path)).toEqual([
      "requirements.max_test_age_months",
      "requirements.allowed_countries[1]",
    ]);
    const notObject = parseAssessmentFile({ input: [1] });
    expect(notObject.ok ? [] : notObject.errors[0]?.path).toBe("(top level)");
  });

  it("formats errors one per line", () => {
    const text = formatParseErrors({
      errors: [{ path: "answers.x", expected: "a number", found: '"a"' }],
    });
    expect(text).toBe('answers.x: expected a number; found "a"');
  });
});

describe("schemas for the web form", () => {
  it("validates a single autosaved answer", () => {
    const schema = getQuestionValueSchema({
      question: findQuestion({ questionnaire: QUESTIONNAIRE, id: "rto_minutes" })!,
    });
    expect(schema.safeParse(60).success).toBe(true);
    expect(schema.safeParse("60").success).toBe(false);
    const date = getQuestionValueSchema({
      question: findQuestion({ questionnaire: QUESTIONNAIRE, id: "dr_test_last_date" })!,
    });
    expect(date.safeParse("2024-02-29").success).toBe(true);
    expect(date.safeParse("2023-02-29").success).toBe(false);
  });

  it("the answers schema is built from the questionnaire and cached", () => {
    expect(buildAnswersSchema({ questionnaire: QUESTIONNAIRE })).toBe(
      buildAnswersSchema({ questionnaire: QUESTIONNAIRE }),
    );
    expect(
      buildAnswersSchema({ questionnaire: QUESTIONNAIRE }).safeParse(CLEAN_ANSWERS).success,
    ).toBe(true);
  });
});
