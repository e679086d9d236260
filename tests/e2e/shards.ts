import fs from "node:fs";
import path from "node:path";

// `npm test` runs the browser tests in several Playwright processes side by side, each with its
// own app server, embedded database, SMTP sink and ports (playwright.config.ts derives all of
// them from E2E_PORT / E2E_SMTP_PORT), so no spec sees another's data. Most of a spec's time
// is spent waiting (debounced autosaves, polling, timers), so two processes on two cores
// finish well before one.
//
// The specs are dealt out by their measured durations (SPEC_SECONDS, from a CI run's JSON
// report: see `specSeconds` below), longest first, each to the least loaded process. A spec
// not yet measured counts as an average one.

/** Seconds per spec file, measured by `npm test` (tests/run.ts prints the table it used). */
export const SPEC_SECONDS: Record<string, number> = {};

export function listSpecs(dir = "tests/e2e"): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".spec.ts"))
    .map((f) => path.join(dir, f))
    .sort();
}

/** Deals `specs` into `n` groups of nearly equal expected time (greedy, longest first). */
export function dealSpecs(
  specs: string[],
  n: number,
  seconds: Record<string, number> = SPEC_SECONDS,
): { specs: string[]; seconds: number }[] {
  const known = Object.values(seconds);
  const average = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const weight = (s: string) => seconds[path.basename(s)] ?? average;
  const groups = Array.from({ length: Math.max(1, n) }, () => ({
    specs: [] as string[],
    seconds: 0,
  }));
  const byWeight = [...specs].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
  for (const spec of byWeight) {
    const lightest = groups.reduce((min, g) => (g.seconds < min.seconds ? g : min));
    lightest.specs.push(spec);
    lightest.seconds += weight(spec);
  }
  for (const g of groups) g.specs.sort();
  return groups;
}

/** Seconds per spec file from a Playwright JSON report (to refresh SPEC_SECONDS). */
export function specSeconds(report: {
  suites?: ({ file: string } & TSuite)[];
}): Record<string, number> {
  const total = (s: TSuite): number =>
    (s.specs ?? []).reduce(
      (n, spec) =>
        n +
        spec.tests.reduce((m, t) => m + t.results.reduce((k, r) => k + (r.duration ?? 0), 0), 0),
      0,
    ) + (s.suites ?? []).reduce((n, c) => n + total(c), 0);
  const out: Record<string, number> = {};
  for (const file of report.suites ?? [])
    out[path.basename(file.file)] = Math.round(total(file) / 1000);
  return out;
}
type TSpec = { tests: { results: { duration?: number }[] }[] };
type TSuite = { specs?: TSpec[]; suites?: TSuite[] };
