import { describe, expect, it } from "vitest";
import { registerJob, setJobLog } from "@/lib/jobs/scheduler";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Guards against one hung run blocking every later run of its job ("previous run still in
// progress, skipping" forever): a run past its time limit is told to stop through its signal.
describe("job time limits", () => {
  it("aborts a run that passes timeoutMs, logs it, and the next tick runs again", async () => {
    const logs: string[] = [];
    setJobLog((l) => logs.push(l));
    let runs = 0;
    const reasons: string[] = [];
    const stop = registerJob({
      name: "t-limit",
      everyMs: 100,
      timeoutMs: 150,
      runOnStart: true,
      run: ({ signal }) => {
        runs++;
        if (runs > 1) return Promise.resolve();
        // The first run would hang forever, but stops when its signal aborts.
        return new Promise<void>((_, reject) =>
          signal.addEventListener("abort", () => {
            reasons.push(String((signal.reason as Error).message));
            reject(signal.reason);
          }),
        );
      },
    });
    await sleep(600);
    stop();
    setJobLog(undefined);
    expect(reasons).toEqual(["the job's time limit of 150 ms passed"]);
    expect(logs.some((l) => /t-limit passed its time limit of 150 ms/.test(l))).toBe(true);
    expect(logs.some((l) => /t-limit failed after \d+ ms: the job's time limit/.test(l))).toBe(
      true,
    );
    expect(runs).toBeGreaterThanOrEqual(3);
  });

  it("aborts a run in progress when its job is unregistered", async () => {
    let aborted = false;
    const stop = registerJob({
      name: "t-unregister",
      everyMs: 60_000,
      runOnStart: true,
      run: ({ signal }) =>
        new Promise<void>((resolve) =>
          signal.addEventListener("abort", () => {
            aborted = true;
            resolve();
          }),
        ),
    });
    await sleep(50);
    stop();
    expect(aborted).toBe(true);
  });
});
