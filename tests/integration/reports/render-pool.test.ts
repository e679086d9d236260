import { afterEach, describe, expect, it } from "vitest";
import {
  RenderLimitError,
  RenderQueueFullError,
  renderPdf,
  setRenderLimits,
} from "@/lib/reports/render-pool";
import { buildSyntheticReport } from "../../helpers/synthetic-report";

// Issue 12 item 3: three heavy renders from one organisation made another organisation's
// small report wait until it timed out (one worker, first come first served, no limits).

const small = buildSyntheticReport({ rows: 5 });
const heavy = buildSyntheticReport({ rows: 400 });
/** Heavier than `small`, light enough to keep the fairness test short. */
const medium = buildSyntheticReport({ rows: 100 });
const orgA = { orgId: "org-a", userId: "user-a" };
const orgA2 = { orgId: "org-a", userId: "user-a2" };
const orgB = { orgId: "org-b", userId: "user-b" };

afterEach(() => setRenderLimits(null));

describe("render pool limits", () => {
  it("stops a render that needs more memory than a worker may use, then carries on", async () => {
    setRenderLimits({ size: 1, maxHeapMb: 24 });
    const failed = await renderPdf({ report: heavy, owner: orgA }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(RenderLimitError);
    expect((failed as Error).message).toMatch(/more than the 24 MB of memory/);
    setRenderLimits({ size: 1 });
    const bytes = await renderPdf({ report: small, owner: orgA });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
  });

  it("stops a render past the time limit with a message, and the next render still runs", async () => {
    // Warm the worker first: the limit counts from when the worker takes the task.
    setRenderLimits({ size: 1 });
    await renderPdf({ report: small, owner: orgA });
    setRenderLimits({ size: 1, timeoutMs: 150 });
    const started = Date.now();
    const failed = await renderPdf({ report: heavy, owner: orgA }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(RenderLimitError);
    expect((failed as Error).message).toMatch(/took longer than 0 s to render and was stopped/);
    // Stopped, not waited out: the heavy render alone takes well over a second.
    expect(Date.now() - started).toBeLessThan(5_000);
    setRenderLimits({ size: 1 });
    const bytes = await renderPdf({ report: small, owner: orgB });
    expect(bytes.byteLength).toBeGreaterThan(1_000);
  });

  it("refuses a user's or an organisation's renders past its share, others still get in", async () => {
    setRenderLimits({ size: 1, maxPerUser: 2, maxPerOrg: 3 });
    const running = [
      renderPdf({ report: small, owner: orgA }),
      renderPdf({ report: small, owner: orgA }),
    ];
    expect(() => renderPdf({ report: small, owner: orgA })).toThrow(RenderQueueFullError);
    expect(() => renderPdf({ report: small, owner: orgA })).toThrow(/You already have 2 reports/);
    running.push(renderPdf({ report: small, owner: orgA2 }));
    expect(() => renderPdf({ report: small, owner: orgA2 })).toThrow(
      /Your organisation already has 3 reports/,
    );
    running.push(renderPdf({ report: small, owner: orgB }));
    await Promise.all(running);
    // Done renders no longer count.
    await renderPdf({ report: small, owner: orgA });
  });

  it("serves another organisation's small report before one organisation's queued heavy ones", async () => {
    setRenderLimits({ size: 1, maxPerUser: 4, maxPerOrg: 4 });
    await renderPdf({ report: small, owner: orgB }); // a warm worker, as in the app
    const finished: string[] = [];
    const track = (name: string, p: Promise<Uint8Array>) => p.then(() => finished.push(name));
    const all = [
      track("A1", renderPdf({ report: medium, owner: orgA })),
      track("A2", renderPdf({ report: medium, owner: orgA })),
      track("A3", renderPdf({ report: medium, owner: orgA })),
      track("B", renderPdf({ report: small, owner: orgB })),
    ];
    await Promise.all(all);
    // First come, first served would give A1, A2, A3, B.
    expect(finished).toEqual(["A1", "B", "A2", "A3"]);
  });

  it("starts background renders after every queued click, one at a time, outside the limits", async () => {
    setRenderLimits({ size: 2, maxPerUser: 1, maxPerOrg: 1 });
    await Promise.all([
      renderPdf({ report: small, owner: orgB }),
      renderPdf({ report: small, owner: orgA }),
    ]); // two warm workers
    const started: string[] = [];
    const finished: string[] = [];
    const track = (name: string, p: Promise<Uint8Array>) => p.then(() => finished.push(name));
    const progress = (name: string) => () => started.includes(name) || started.push(name);
    const keeper = { orgId: "org-a", userId: "keeper" };
    const all = [
      track(
        "K1",
        renderPdf({ report: medium, owner: keeper, background: true, onProgress: progress("K1") }),
      ),
      track(
        "K2",
        renderPdf({ report: medium, owner: keeper, background: true, onProgress: progress("K2") }),
      ),
      track(
        "K3",
        renderPdf({ report: small, owner: keeper, background: true, onProgress: progress("K3") }),
      ),
    ];
    // Background work of organisation A does not count against A's share of clicks.
    all.push(track("A", renderPdf({ report: small, owner: orgA, onProgress: progress("A") })));
    all.push(track("B", renderPdf({ report: small, owner: orgB, onProgress: progress("B") })));
    await Promise.all(all);
    // K1 took one worker at once; the clicks A and B started before K2 and K3, which then ran one
    // after the other (never two background renders at once, so a click always finds a worker).
    // K1 may finish first or not (it started at once); the clicks start before K2 and K3.
    for (const k of ["K2", "K3"]) {
      expect(started.indexOf("A")).toBeLessThan(started.indexOf(k));
      expect(started.indexOf("B")).toBeLessThan(started.indexOf(k));
    }
    expect(finished.indexOf("K2")).toBeLessThan(finished.indexOf("K3"));
    expect(started.indexOf("K3")).toBeGreaterThan(started.indexOf("K2"));
    expect(finished).toHaveLength(5);
  });
});
