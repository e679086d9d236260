import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAssessmentFile } from "@/lib/questionnaires";
import { assessAnswers, SEVERITY_RANK, type TSeverity } from "@/lib/rules";

const DIR = path.resolve(import.meta.dirname, "../../fixtures/engine");

type TFixture = {
  as_of: string;
  input: unknown;
  expect: { must: string[]; must_not: string[]; rating?: string; max_severity?: TSeverity };
};

describe("worked cases in tests/fixtures/engine", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".json"));
  it("has the five contract examples and our own cases", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "shared-storage-backup.json",
        "stale-tests.json",
        "well-run-vendor.json",
        "common-mode-and-suppliers.json",
        "ransomware-recovery-readiness.json",
      ]),
    );
    expect(files.length).toBeGreaterThanOrEqual(8);
  });
  for (const file of files) {
    it(file, () => {
      const fixture = JSON.parse(readFileSync(path.join(DIR, file), "utf8")) as TFixture;
      const parsed = parseAssessmentFile({ input: fixture.input });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const result = assessAnswers({ ...parsed.value, asOf: fixture.as_of });
      const raised = result.flags.map((f) => f.code);
      for (const code of fixture.expect.must) expect(raised, `must raise ${code}`).toContain(code);
      for (const code of fixture.expect.must_not)
        expect(raised, `must not raise ${code}`).not.toContain(code);
      if (fixture.expect.rating) expect(result.rating).toBe(fixture.expect.rating);
      const max = fixture.expect.max_severity;
      if (max) {
        for (const flag of result.flags) {
          expect(SEVERITY_RANK[flag.severity], flag.code).toBeLessThanOrEqual(SEVERITY_RANK[max]);
        }
      }
    });
  }
});
