import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { dealSpecs, listSpecs, specSeconds } from "./e2e/shards";

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

/** Runs a command alongside others, each output line prefixed so the runs can be told apart. */
function runPrefixed(
  prefix: string,
  cmd: string,
  args: string[],
  extraEnv: Record<string, string>,
): Promise<number> {
  const childEnv: NodeJS.ProcessEnv = { ...env, ...extraEnv };
  // Each process makes its own data folder and identity provider port (playwright.config.ts).
  delete childEnv.E2E_DATA_DIR;
  delete childEnv.E2E_OIDC_PORT;
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], env: childEnv });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
    stream.on("end", () => rest && process.stdout.write(`${prefix}${rest}\n`));
  }
  return new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)));
}

/** Waits until `url` answers 200, or the process that would serve it has exited. */
async function serverUp(url: string, exited: Promise<unknown>) {
  let gone = false;
  void exited.then(() => (gone = true));
  while (!gone) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1_000));
  }
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

// Browser tests: the production build once, then the specs dealt out to E2E_SHARDS Playwright
// processes side by side (default 1; tests/e2e/shards.ts), each with its own server, database
// and ports.
await (async () => {
  const started = Date.now();
  const build = run("e2e build", bin("tsx"), ["lib/cli/build.ts"]);
  const n = Math.max(1, Number(process.env.E2E_SHARDS ?? 1) || 1);
  const groups = build.status === 0 ? dealSpecs(listSpecs(), n) : [];
  const runs: Promise<{ status: number; report: string }>[] = [];
  for (const [i, g] of groups.entries()) {
    const report = path.join(out, `playwright-${i + 1}.json`);
    const port = Number(process.env.E2E_PORT ?? 3100) + i * 100;
    console.log(
      `\n━━ playwright ${i + 1}/${groups.length} (port ${port}, ~${g.seconds} s measured): ${g.specs.map((s) => path.basename(s)).join(" ")}`,
    );
    const exited = runPrefixed(`[e2e ${i + 1}] `, bin("playwright"), ["test", ...g.specs], {
      PW_JSON_OUTPUT: report,
      E2E_PORT: String(port),
      E2E_SMTP_PORT: String(port + 25),
    });
    runs.push(exited.then((status) => ({ status, report })));
    // The next process starts once this one's server is up: had the sources changed since the
    // build above, this server rebuilt them, and two builds at once would fail each other.
    if (i < groups.length - 1) await serverUp(`http://localhost:${port}/api/health`, exited);
  }
  let passed = 0;
  let failed = build.status === 0 ? 0 : 1;
  const measured: Record<string, number> = {};
  for (const { status, report } of await Promise.all(runs)) {
    const json = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, "utf8")) : undefined;
    const s = json?.stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0);
    failed += (s.unexpected ?? 0) + (json ? 0 : 1) + (status !== 0 && !s.unexpected ? 1 : 0);
    if (json) Object.assign(measured, specSeconds(json));
  }
  // What each spec took this run, to refresh SPEC_SECONDS in tests/e2e/shards.ts.
  console.log(`\nspec seconds: ${JSON.stringify(measured)}`);
  steps.push({ name: "playwright", passed, failed, seconds: (Date.now() - started) / 1000 });
})();

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
