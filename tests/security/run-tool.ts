import { spawn } from "node:child_process";
import fs from "node:fs";

export type TFinding = {
  tool: "wapiti" | "sqlmap" | "guard";
  type: string;
  method: string;
  url: string;
  parameter: string;
  detail: string;
};

export type TToolRun = { code: number | null; timedOut: boolean; seconds: number };

const running = new Set<number>();

/** Stops every scanner still running (their own process groups): called on Ctrl-C and at exit. */
export function killScanners() {
  for (const pid of running) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {}
  }
  running.clear();
}

/** Runs one scanner with its output to `logFile`; killed (its whole group) after `timeoutSeconds`. */
export function runTool({
  command,
  args,
  logFile,
  timeoutSeconds,
  cwd,
}: {
  command: string;
  args: string[];
  logFile: string;
  timeoutSeconds: number;
  cwd?: string;
}): Promise<TToolRun> {
  const started = Date.now();
  const out = fs.openSync(logFile, "a");
  fs.writeSync(out, `$ ${command} ${args.map((a) => JSON.stringify(a)).join(" ")}\n\n`);
  // No proxy settings of the caller's: each tool is given the guard proxy explicitly.
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
  for (const k of [
    "http_proxy",
    "https_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "no_proxy",
    "NO_PROXY",
  ])
    delete env[k];
  const child = spawn(command, args, { stdio: ["ignore", out, out], detached: true, cwd, env });
  if (child.pid) running.add(child.pid);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {}
  }, timeoutSeconds * 1000);
  return new Promise((resolve) => {
    const done = (code: number | null) => {
      clearTimeout(timer);
      if (child.pid) running.delete(child.pid);
      fs.closeSync(out);
      resolve({ code, timedOut, seconds: Math.round((Date.now() - started) / 1000) });
    };
    child.on("exit", (code) => done(code));
    child.on("error", () => done(-1));
  });
}
