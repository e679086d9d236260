import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// `npm test`: lint, type check, schema/migration agreement, unit + integration tests (vitest),
// the integration tests again on TEST_POSTGRES_URL when it is set, and browser tests (Playwright). Runs every step, then ends with one line the CI reads:
// `N passed, N failed`, counting every test and check it ran.
const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);
const out = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-test-report-"));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" };

type TStep = { name: string; passed: number; failed: number; seconds: number };
const steps: TStep[] = [];

function run(name: string, cmd: string, args: string[], extraEnv: Record<string, string> = {}) {
  console.log(`\n━━ ${name}: ${path.basename(cmd)} ${args.join(" ")}`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return { status: r.status ?? 1, seconds: (Date.now() - t) / 1000 };
}

function check(name: string, cmd: string, args: string[]) {
  const r = run(name, cmd, args);
  steps.push({
    name,
    passed: r.status === 0 ? 1 : 0,
    failed: r.status === 0 ? 0 : 1,
    seconds: r.seconds,
  });
}

check("lint", bin("biome"), ["check", "."]);
check("typecheck", bin("tsc"), ["--noEmit"]);
check("db:check", bin("tsx"), ["lib/cli/db.ts", "check"]);

function vitest(name: string, args: string[], extraEnv: Record<string, string> = {}) {
  const report = path.join(out, `${name}.json`);
  const r = run(
    name,
    bin("vitest"),
    ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile=${report}`],
    extraEnv,
  );
  const json = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, "utf8")) : undefined;
  const passed = json?.numPassedTests ?? 0;
  const failed =
    (json?.numFailedTests ?? 0) +
    (json ? 0 : 1) +
    (r.status !== 0 && json?.numFailedTests === 0 ? 1 : 0);
  steps.push({ name, passed, failed, seconds: r.seconds });
}

vitest("vitest", []);
// The second pass: the integration tests again on the server at TEST_POSTGRES_URL (CI: the
// machine's PostgreSQL 15, the oldest supported major; the first pass ran the embedded one).
// Files that never touch the test server (they start servers of their own, or none) would
// only repeat themselves, so they are left out.
const externalPg = process.env.TEST_POSTGRES_URL?.trim();
if (externalPg) {
  const ownServer = fs
    .readdirSync("tests/integration", { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => path.join("tests/integration", f))
    .filter((f) => !/setupFreshDatabase|inject\("pgUrl"\)/.test(fs.readFileSync(f, "utf8")));
  vitest("vitest:pg", ["--project", "integration", ...ownServer.flatMap((f) => ["--exclude", f])], {
    TEST_POSTGRES_URL: externalPg,
  });
}

{
  const report = path.join(out, "playwright.json");
  const r = run("playwright", bin("playwright"), ["test"], { PW_JSON_OUTPUT: report });
  const json = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, "utf8")) : undefined;
  const s = json?.stats ?? {};
  const passed = (s.expected ?? 0) + (s.flaky ?? 0);
  const failed = (s.unexpected ?? 0) + (json ? 0 : 1) + (r.status !== 0 && !s.unexpected ? 1 : 0);
  steps.push({ name: "playwright", passed, failed, seconds: r.seconds });
}

console.log("\n━━ summary");
for (const s of steps) {
  console.log(
    `  ${s.failed ? "FAIL" : "ok  "} ${s.name.padEnd(11)} ${s.passed} passed, ${s.failed} failed (${s.seconds.toFixed(1)} s)`,
  );
}
const passed = steps.reduce((n, s) => n + s.passed, 0);
const failed = steps.reduce((n, s) => n + s.failed, 0);
fs.rmSync(out, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
