import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Spawns the real command, exactly as `npm run --silent assess -- ...` runs it.
const ROOT = path.resolve(import.meta.dirname, "../../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const FIXTURES = path.join(ROOT, "tests/fixtures/engine");
const TMP = mkdtempSync(path.join(tmpdir(), "assess-cli-"));

function assess(...args: string[]) {
  const result = spawnSync(TSX, ["lib/cli/assess.ts", ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeInput(name: string, input: unknown): string {
  const file = path.join(TMP, name);
  writeFileSync(file, typeof input === "string" ? input : JSON.stringify(input));
  return file;
}

type TFixture = {
  as_of: string;
  input: Record<string, unknown> & { answers: Record<string, unknown> };
  expect: { must: string[]; must_not: string[]; rating?: string };
};
const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as TFixture;

describe("assess CLI", () => {
  it.each([
    "shared-storage-backup.json",
    "stale-tests.json",
    "well-run-vendor.json",
    "common-mode-and-suppliers.json",
    "ransomware-recovery-readiness.json",
  ])("scores %s as JSON, judged by version 1.1", (name) => {
    const { as_of, input, expect: want } = fixture(name);
    const { status, stdout, stderr } = assess(writeInput(name, input), "--as-of", as_of);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(["questionnaire", "version", "score", "rating", "flags"]);
    expect(report.questionnaire).toBe("bcdr-core");
    expect(report.version).toMatch(/^1\.1/);
    const codes = report.flags.map((f: { code: string }) => f.code);
    for (const code of want.must) expect(codes).toContain(code);
    for (const code of want.must_not) expect(codes).not.toContain(code);
    expect(report.rating).toBe(want.rating);
    for (const flag of report.flags)
      expect(Object.keys(flag)).toEqual(["code", "severity", "title", "detail", "questions"]);
  });

  it("reports version 1.1 for a file that names 1.0.0 (its answers judged by the 1.1 rules)", () => {
    const { as_of, input } = fixture("stale-tests.json");
    const file = writeInput("pinned.json", { ...input, version: "1.0.0" });
    const { status, stdout } = assess(file, "--as-of", as_of);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).version).toMatch(/^1\.1/);
  });

  it("prints a readable text report", () => {
    const { as_of, input } = fixture("shared-storage-backup.json");
    const { status, stdout } = assess(
      writeInput("text.json", input),
      `--as-of=${as_of}`,
      "--format",
      "text",
    );
    expect(status).toBe(0);
    expect(stdout).toContain("Rating: CRITICAL");
    expect(stdout).toMatch(/Score: \d+\/100/);
    expect(stdout).toContain("CRITICAL (2)");
    expect(stdout).toContain("BACKUP_COLOCATED");
    for (const line of stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("defaults as-of to today", () => {
    const { input } = fixture("stale-tests.json");
    const { status, stdout } = assess(writeInput("today.json", input));
    expect(status).toBe(0);
    expect(JSON.parse(stdout).flags.map((f: { code: string }) => f.code)).toContain(
      "DR_TEST_STALE",
    );
  });

  const refused = (name: string, answers: Record<string, unknown>) => {
    const { input } = fixture("well-run-vendor.json");
    return writeInput(name, { ...input, answers: { ...input.answers, ...answers } });
  };
  const sites = () =>
    structuredClone(fixture("well-run-vendor.json").input.answers.sites) as Record<
      string,
      unknown
    >[];

  it.each([
    [
      "a missing file",
      () => [path.join(TMP, "nope.json")],
      "FILE: expected a readable JSON file; found no file at",
    ],
    [
      "a file that is not JSON",
      () => [writeInput("bad.json", "{ not json")],
      "FILE: expected a JSON object; found text that is not JSON",
    ],
    [
      "an impossible date",
      () => [refused("date.json", { dr_test_last_date: "2021-13-45" })],
      'answers.dr_test_last_date: expected a real date written YYYY-MM-DD; found "2021-13-45"',
    ],
    [
      "a latitude of 200",
      () => {
        const list = sites();
        list[0]!.lat = 200;
        return [refused("lat.json", { sites: list })];
      },
      "answers.sites[0].lat: expected a number from -90 to 90 (latitude); found 200",
    ],
    [
      "an unknown option",
      () => [refused("option.json", { failover_mode: "magic" })],
      'answers.failover_mode: expected one of "automatic", "manual", "none"; found "magic"',
    ],
    [
      "an unknown question",
      () => [refused("question.json", { uptime: 99.9 })],
      "answers.uptime: expected a question id of bcdr-core",
    ],
    [
      "a bad --as-of",
      () => [refused("ok1.json", {}), "--as-of", "2021-02-30"],
      '--as-of: expected a real date written YYYY-MM-DD; found "2021-02-30"',
    ],
    [
      "an unknown --format",
      () => [refused("ok2.json", {}), "--format", "xml"],
      '--format: expected "json" or "text"; found "xml"',
    ],
    ["no FILE", () => [], "FILE: expected exactly one answers file; found nothing"],
    [
      "a _count that is not a whole number",
      () => [refused("count.json", { failover_qualified_staff_count: 2.5 })],
      "answers.failover_qualified_staff_count: expected a whole number of at least 0 (people); found 2.5",
    ],
    [
      "a 1.1 requirement with an option not listed",
      () => {
        const { input } = fixture("well-run-vendor.json");
        const requirements = { ...(input.requirements as object), plan_must_cover: ["fire"] };
        return [writeInput("req.json", { ...input, requirements })];
      },
      'requirements.plan_must_cover[0]: expected one of "site_loss"',
    ],
  ] as const)("refuses %s with exit 2 and nothing on stdout", (_, args, message) => {
    const { status, stdout, stderr } = assess(...args());
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
  });
});
