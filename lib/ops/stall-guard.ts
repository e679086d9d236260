// A time limit for every step of a long job whose total length depends on the data (a backup
// of 10 GB may rightly take an hour): the job fails when no step has made progress for
// `limitMs` — a hung disk or database — rather than after a fixed total time. An abort signal
// (the scheduler's own limit, Ctrl-C) fails it the same way.

export class StallError extends Error {}

export class StallGuard {
  private last = Date.now();
  private step = "starting";
  private readonly timer: NodeJS.Timeout;
  private fail!: (e: Error) => void;
  /** Rejects when the job stalls or is aborted; never resolves. */
  readonly tripped: Promise<never>;

  constructor({ limitMs, signal }: { limitMs: number; signal?: AbortSignal }) {
    this.tripped = new Promise<never>((_, reject) => {
      this.fail = reject;
    });
    this.tripped.catch(() => {}); // observed through race(); never an unhandled rejection
    const seconds = Math.max(1, Math.round(limitMs / 1000));
    this.timer = setInterval(
      () => {
        if (Date.now() - this.last > limitMs)
          this.fail(new StallError(`no progress for ${seconds} s while ${this.step}`));
      },
      Math.min(1000, Math.max(50, limitMs / 4)),
    );
    this.timer.unref();
    const onAbort = () => {
      const reason = signal?.reason instanceof Error ? signal.reason.message : "aborted";
      this.fail(new StallError(`stopped while ${this.step}: ${reason}`));
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  }

  /** Something moved: bytes were written, a query answered. Names the current step. */
  progress(step?: string) {
    this.last = Date.now();
    if (step) this.step = step;
  }

  /** `p`, unless the job stalls first. */
  race<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.tripped]);
  }

  stop() {
    clearInterval(this.timer);
  }
}

/** Waits for `p` at most `ms` (for clean-up steps that must not hang the caller). */
export async function atMost(ms: number, p: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    p.catch(() => {}),
    new Promise<void>((r) => {
      timer = setTimeout(r, ms);
    }),
  ]);
  clearTimeout(timer);
}
