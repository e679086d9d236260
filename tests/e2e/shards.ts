import fs from "node:fs";
import path from "node:path";

// `npm test` runs the browser tests in several Playwright processes side by side, each with its
// own app server, embedded database, SMTP sink and ports (playwright.config.ts derives all of
// them from E2E_PORT / E2E_SMTP_PORT), so no spec sees another's data. E2E_SHARDS sets how
// many (default 1). Measured on this 2-core machine, two did not pay: each spec took about
// twice as long and the two finished after 27.6 and 29.0 minutes, against 25 minutes for one
// process the run before — the browser, the server and the database already keep both cores
// busy. On a machine with more cores, E2E_SHARDS=2 or more divides the time.
//
// The specs are dealt out by their measured durations (SPEC_SECONDS, from a CI run's JSON
// report: see `specSeconds` below), longest first, each to the least loaded process. A spec
// not yet measured counts as an average one.

/**
 * Seconds per spec file, as `npm test` printed them (`spec seconds: {...}`) in the CI run of
 * 2026-12-07 23:09 (two processes side by side, so each figure is about twice a lone run's).
 */
export const SPEC_SECONDS: Record<string, number> = {
  "api-docs.spec.ts": 21,
  "api-v1-authz.spec.ts": 66,
  "assessment-lifecycle.spec.ts": 77,
  "audit.spec.ts": 89,
  "auth.spec.ts": 131,
  "authz-matrix.spec.ts": 201,
  "bad-input.spec.ts": 11,
  "balancer.spec.ts": 132,
  "bcdr-1-1.spec.ts": 148,
  "bulk-send.spec.ts": 23,
  "confirmations.spec.ts": 26,
  "conversation.spec.ts": 98,
  "csrf.spec.ts": 12,
  "dashboard.spec.ts": 82,
  "defence-in-depth.spec.ts": 19,
  "drill.spec.ts": 30,
  "forms.spec.ts": 100,
  "headers.spec.ts": 23,
  "hostile-input.spec.ts": 241,
  "identity.spec.ts": 64,
  "inbox.spec.ts": 61,
  "instances.spec.ts": 54,
  "journey.spec.ts": 164,
  "large-answers.spec.ts": 13,
  "links.spec.ts": 16,
  "narrow-viewport.spec.ts": 40,
  "nothing-lost.spec.ts": 92,
  "ops-page.spec.ts": 82,
  "own-questions.spec.ts": 96,
  "policy.spec.ts": 78,
  "portable-answers.spec.ts": 47,
  "rate-limit.spec.ts": 43,
  "reassessment.spec.ts": 94,
  "reports.spec.ts": 23,
  "review-parity.spec.ts": 52,
  "search.spec.ts": 35,
  "send-and-findings.spec.ts": 43,
  "send-contacts.spec.ts": 21,
  "sign-out.spec.ts": 22,
  "site-drafts.spec.ts": 18,
  "sites-editor.spec.ts": 1,
  "spreadsheet-downloads.spec.ts": 18,
  "sso.spec.ts": 130,
  "threads.spec.ts": 60,
  "upload-limits.spec.ts": 12,
  "vendor-import.spec.ts": 29,
  "webhooks.spec.ts": 33,
  "workbook-import.spec.ts": 95,
};

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
