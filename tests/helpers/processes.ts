import { spawnSync } from "node:child_process";

// Killing an app's whole process tree at once, as a crash does (`npm start` runs next-server
// in a process group of its own, so killing one group is not enough).

function processTable(): number[][] {
  return spawnSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" })
    .stdout.trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number));
}

/** The direct children of `pid`. */
export const childrenOf = (pid: number) =>
  processTable()
    .filter(([, pp]) => pp === pid)
    .map(([c]) => c!);

/** Every process below `pid`. */
export function descendants(pid: number): number[] {
  const rows = processTable();
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [c, pp] of rows)
      if (pp === p && c !== undefined) {
        out.push(c);
        walk(c);
      }
  };
  walk(pid);
  return out;
}

/** A crash: `pid` and everything below it die at once (SIGKILL). */
export function killTree({ pid }: { pid: number }) {
  for (const p of [pid, ...descendants(pid)])
    try {
      process.kill(p, "SIGKILL");
    } catch {}
}
