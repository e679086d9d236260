import fs from "node:fs";
import path from "node:path";
import { runTool, type TFinding, type TToolRun } from "./run-tool";

// wapiti 3.0.4 (Debian). Modules are chosen so that nothing is sent anywhere but the app:
//   run:   backup blindsql cookieflags crlf csp csrf exec file htaccess http_headers methods
//          permanentxss redirect shellshock sql xss
//   never: ssrf, xxe — their payloads point the app at wapiti's public endpoint (wapiti3.ovh)
//          and the module then asks that endpoint what it received;
//          wapp, nikto — fetch their databases from GitHub;
//          brute_login_form — guesses passwords (the demo accounts' are published, and sign-in
//          limits are tested in tests/e2e/rate-limit.spec.ts);
//          buster — 31,545 guessed paths, about half an hour on its own.
// The guard proxy (guard-proxy.ts) refuses any other host all the same.
export const WAPITI_MODULES = [
  "backup",
  "blindsql",
  "cookieflags",
  "crlf",
  "csp",
  "csrf",
  "exec",
  "file",
  "htaccess",
  "http_headers",
  "methods",
  "permanentxss",
  "redirect",
  "shellshock",
  "sql",
  "xss",
];

export type TWapitiResult = {
  run: TToolRun;
  report: string;
  findings: TFinding[];
  crawled: number;
  notes: string[];
};

/** wapiti's JSON cookie file: { domain: { path: { name: { value, … } } } }. */
function writeCookieFile({ file, host, session }: { file: string; host: string; session: string }) {
  const cookie = { value: session, expires: null, secure: false, port: null, version: 0 };
  fs.writeFileSync(
    file,
    JSON.stringify({ [host]: { "/": { "next-auth.session-token": cookie } } }),
  );
}

export async function runWapiti({
  base,
  proxy,
  session,
  startPaths,
  dir,
  crawlSeconds,
  attackSeconds,
}: {
  base: string;
  proxy: string;
  session: string;
  startPaths: string[];
  dir: string;
  crawlSeconds: number;
  attackSeconds: number;
}): Promise<TWapitiResult> {
  fs.mkdirSync(dir, { recursive: true });
  const cookieFile = path.join(dir, "cookies.json");
  writeCookieFile({ file: cookieFile, host: new URL(base).hostname, session });
  const configDir = path.join(dir, "config");
  fs.mkdirSync(configDir, { recursive: true });
  // wapiti builds every module at start-up, run or not, and the wapp module then downloads its
  // database from GitHub when the config folder has none: an empty one keeps it offline.
  fs.writeFileSync(path.join(configDir, "apps.json"), "{}");
  const report = path.join(dir, "wapiti-report.json");
  const args = [
    "-u",
    `${base}/`,
    "--scope",
    "folder",
    "-c",
    cookieFile,
    "-p",
    proxy,
    "-m",
    WAPITI_MODULES.join(","),
    ...startPaths.flatMap((p) => ["-s", `${base}${p}`]),
    // Same-origin Origin on every request, as a browser sends on POST (proxy.ts refuses
    // cookie-authenticated mutations without it).
    "-H",
    `Origin: ${base}`,
    // The crawl follows every filter combination of the dashboard, 25 vendor and 50
    // assessment pages: a few of each kind are enough, the code behind them is the same.
    "-d",
    "3",
    "--max-files-per-dir",
    "12",
    "--max-scan-time",
    String(crawlSeconds),
    "--max-attack-time",
    String(attackSeconds),
    "-t",
    "30",
    "--no-bugreport", // a module's crash would otherwise be uploaded to wapiti3.ovh
    "--flush-session",
    "--store-session",
    path.join(dir, "session"),
    "--store-config",
    configDir,
    "-f",
    "json",
    "-o",
    report,
    "-v",
    "1",
  ];
  const budget = crawlSeconds + attackSeconds * WAPITI_MODULES.length + 300;
  const run = await runTool({
    command: "wapiti",
    args,
    logFile: path.join(dir, "wapiti.log"),
    timeoutSeconds: budget,
  });
  const notes: string[] = [];
  const findings: TFinding[] = [];
  let crawled = 0;
  const log = fs.readFileSync(path.join(dir, "wapiti.log"), "utf8");
  const m = /Wapiti found (\d+) URLs and forms/.exec(log);
  if (m) crawled = Number(m[1]);
  if (!fs.existsSync(report)) {
    notes.push(
      `no report was written (exit ${run.code}${run.timedOut ? ", killed after the time budget" : ""}); see wapiti.log`,
    );
    return { run, report, findings, crawled, notes };
  }
  type TEntry = { method: string; path: string; info: string; parameter: string };
  const json = JSON.parse(fs.readFileSync(report, "utf8")) as {
    vulnerabilities: Record<string, TEntry[]>;
    anomalies: Record<string, TEntry[]>;
  };
  for (const [kind, list] of [
    ["vulnerability", json.vulnerabilities],
    ["anomaly", json.anomalies],
  ] as const) {
    for (const [type, entries] of Object.entries(list ?? {})) {
      for (const e of entries) {
        findings.push({
          tool: "wapiti",
          type: `${type} (${kind})`,
          method: e.method,
          url: e.path,
          parameter: e.parameter || "-",
          detail: e.info,
        });
      }
    }
  }
  const launched = [...log.matchAll(/\[\*\] Launching module (\w+)/g)].map((x) => x[1]);
  const cut = [...log.matchAll(/Max attack time was reached for module (\w+)/g)].map((x) => x[1]);
  notes.push(`modules run: ${launched.join(", ")}`);
  if (cut.length) notes.push(`stopped at the per-module time limit (partial): ${cut.join(", ")}`);
  return { run, report, findings, crawled, notes };
}
