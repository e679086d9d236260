import fs from "node:fs";
import path from "node:path";
import { runTool, type TFinding } from "./run-tool";

export type TSqlTarget = {
  /** short name, also the folder of its output */
  name: string;
  url: string;
  /** POST body (form-encoded or JSON); GET when absent */
  data?: string;
  /** Cookie header; none for the public targets */
  cookie?: string;
  extraHeaders?: string[];
  /** only these parameters (-p); all otherwise */
  params?: string[];
  /** never these parameters (--skip) */
  skip?: string[];
  extraArgs?: string[];
};

export type TSqlResult = {
  target: TSqlTarget;
  seconds: number;
  timedOut: boolean;
  tested: string[];
  findings: TFinding[];
  notes: string[];
};

// sqlmap escapes its payloads for a JSON body it recognises, but not for values marked with
// its injection marker (*) inside a body it does not (a Server Action's argument list that
// starts with a string): there a payload's quote would break the JSON, and Next.js answers the
// unreadable body with 500 before any code of ours runs. This tamper script escapes the payload
// for a JSON string, as the recognised case does. Written next to the reports at run time.
const JSON_STRING_TAMPER = `from lib.core.enums import PRIORITY

__priority__ = PRIORITY.LOWEST


def dependencies():
    pass


def tamper(payload, **kwargs):
    return payload.replace("\\\\", "\\\\\\\\").replace('"', '\\\\"') if payload else payload
`;

/** The tamper script's path (its folder needs an __init__.py for sqlmap to load it). */
export function writeJsonStringTamper(dir: string) {
  const folder = path.join(dir, "tamper");
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "__init__.py"), "");
  fs.writeFileSync(path.join(folder, "json_string.py"), JSON_STRING_TAMPER);
  return path.join(folder, "json_string.py");
}

export async function runSqlmap({
  target,
  base,
  proxy,
  dir,
  timeoutSeconds,
}: {
  target: TSqlTarget;
  base: string;
  proxy: string;
  dir: string;
  timeoutSeconds: number;
}): Promise<TSqlResult> {
  const out = path.join(dir, target.name);
  fs.mkdirSync(out, { recursive: true });
  const results = path.join(out, "results.csv");
  const headers = [`Origin: ${base}`, ...(target.extraHeaders ?? [])];
  const args = [
    "-u",
    target.url,
    ...(target.data !== undefined ? ["--data", target.data] : []),
    ...(target.cookie ? ["--cookie", target.cookie] : []),
    "--headers",
    headers.join("\n"),
    ...(target.params ? ["-p", target.params.join(",")] : []),
    ...(target.skip ? ["--skip", target.skip.join(",")] : []),
    // next-auth's cookies are encrypted (JWE) or HMAC-signed: a changed byte only fails the
    // signature check, no query ever sees them. Testing them at level 2 would only cost time.
    "--param-exclude",
    "^(__Secure-|__Host-)?next-auth\\.",
    "--batch",
    "--level",
    "2",
    "--risk",
    "1",
    // The app only runs on PostgreSQL: skip every other database's payloads.
    "--dbms",
    "PostgreSQL",
    "--proxy",
    proxy,
    "--timeout",
    "30",
    "--retries",
    "1",
    "--disable-coloring",
    // Its WAF probe only sees the app's 4xx answer to an obvious attack string.
    "--skip-waf",
    "--output-dir",
    out,
    "--results-file",
    results,
    ...(target.extraArgs ?? []),
  ];
  const logFile = path.join(out, "sqlmap.log");
  const run = await runTool({ command: "sqlmap", args, logFile, timeoutSeconds });
  const log = fs.readFileSync(logFile, "utf8");
  const tested = [
    ...new Set(
      [...log.matchAll(/testing for SQL injection on (\S+(?: \S+)?) parameter '([^']+)'/g)].map(
        (m) => {
          const json = m[2]!.startsWith("JSON ");
          const place = m[1]!.replace("(custom) ", "");
          return `${m[2]!.replace(/^JSON /, "")} (${place}${json ? " JSON" : ""})`;
        },
      ),
    ),
  ];
  const findings: TFinding[] = [];
  const notes: string[] = [];
  if (fs.existsSync(results)) {
    const rows = fs.readFileSync(results, "utf8").trim().split("\n").slice(1).filter(Boolean);
    for (const row of rows) {
      const [url, place, parameter, techniques, note] = row.split(",");
      findings.push({
        tool: "sqlmap",
        type: `SQL injection (${techniques})`,
        method: target.data !== undefined ? "POST" : "GET",
        url: url ?? target.url,
        parameter: `${parameter} (${place})`,
        detail: note?.trim() || "confirmed by sqlmap",
      });
    }
  }
  // A run that ended in the middle of finding an injection point leaves it only in the log.
  if (!findings.length && /sqlmap identified the following injection point/.test(log)) {
    for (const m of log.matchAll(/^Parameter: (.+)$/gm)) {
      findings.push({
        tool: "sqlmap",
        type: "SQL injection",
        method: target.data !== undefined ? "POST" : "GET",
        url: target.url,
        parameter: m[1]!,
        detail: "see sqlmap.log",
      });
    }
  }
  // "HTTP error codes detected during run: 500 (Internal Server Error) - 7 times": malformed
  // input should get a clear 4xx answer, never a crash.
  const errors = /HTTP error codes detected during run:\s*([^\n]+)/.exec(log)?.[1] ?? "";
  for (const m of errors.matchAll(/(5\d\d) \(([^)]+)\) - (\d+) times/g)) {
    findings.push({
      tool: "sqlmap",
      type: `HTTP ${m[1]} ${m[2]} on malformed input`,
      method: target.data !== undefined ? "POST" : "GET",
      url: target.url,
      parameter: "-",
      detail: `${m[3]} times; see ${path.relative(dir, logFile)}`,
    });
  }
  // Connection failures and the like; "heavily dynamic" only says it compares text only.
  for (const m of log.matchAll(/\[CRITICAL\] ([^\n]+)/g))
    if (!/heavily dynamic/.test(m[1]!)) notes.push(m[1]!);
  if (run.timedOut) notes.push(`stopped after ${timeoutSeconds} s (partial)`);
  else if (run.code !== 0) notes.push(`sqlmap exited with ${run.code}`);
  return {
    target,
    seconds: run.seconds,
    timedOut: run.timedOut,
    tested,
    findings,
    notes,
  };
}
