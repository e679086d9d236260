// `npm start` (lib/cli/start.ts) runs next-server in its own process group and stops it on
// exit. If the supervisor itself is killed (SIGKILL, OOM), next-server would live on as an
// orphan holding the port, and the next `npm start` would fail with EADDRINUSE. So the
// server checks every second that its supervisor is alive, and exits when it is not.

export function watchSupervisor({ everyMs = 1000 }: { everyMs?: number } = {}) {
  const pid = Number(process.env.BCDR_SUPERVISOR_PID);
  if (!Number.isInteger(pid) || pid <= 1) return; // not started by lib/cli/start.ts
  const timer = setInterval(() => {
    try {
      process.kill(pid, 0); // signal 0: only asks whether the process exists
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ESRCH") return; // exists (EPERM) or unknown
      console.error(`[start] supervisor (pid ${pid}) is gone; stopping this server`);
      process.exit(1);
    }
  }, everyMs);
  timer.unref();
}
