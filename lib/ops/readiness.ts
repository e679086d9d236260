import { getDb } from "../db";
import { listMigrations } from "../db/migrations";

// What /api/ready reports to a load balancer: can this instance do its work? Liveness (the
// process answers) is /api/health, which never touches the database. Messages name what
// failed and never carry a host, a path or an error text (the endpoint is public).

export type TCheckName = "database" | "migrations" | "backup";
export type TReadiness = {
  ready: boolean;
  /** The checks that failed, in order. */
  failed: TCheckName[];
  checks: Record<TCheckName, string>;
};

const TIMEOUT_MS = 3_000;

class CheckTimeout extends Error {}

function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CheckTimeout()), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// The migrations this build ships with; the files do not change while it runs.
let shipped: string[] | undefined;
const shippedMigrations = () => {
  shipped ??= listMigrations().map((m) => m.name);
  return shipped;
};

async function checkMigrations(): Promise<string | undefined> {
  const rows = await getDb().$queryRaw<{ name: string; finished: boolean }[]>`
    SELECT migration_name AS name, finished_at IS NOT NULL AS finished
    FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`;
  const done = new Set(rows.filter((r) => r.finished).map((r) => r.name));
  const pending = shippedMigrations().filter((m) => !done.has(m));
  if (pending.length) return `${pending.length} migration(s) not applied`;
  if (rows.some((r) => !r.finished)) return "a migration did not finish";
  return undefined;
}

async function checkBackup(): Promise<string | undefined> {
  const last = await getDb().opsRun.findFirst({
    where: { kind: "backup" },
    orderBy: { finishedAt: "desc" },
    select: { ok: true, finishedAt: true },
  });
  return last && !last.ok
    ? `the last backup failed (${last.finishedAt.toISOString()}); see Backups & drills`
    : undefined;
}

export async function checkReadiness({
  timeoutMs = TIMEOUT_MS,
}: {
  timeoutMs?: number;
} = {}): Promise<TReadiness> {
  const checks: Record<TCheckName, string> = {
    database: "ok",
    migrations: "ok",
    backup: "ok",
  };
  const failed: TCheckName[] = [];
  const fail = (name: TCheckName, why: string) => {
    checks[name] = why;
    failed.push(name);
  };
  try {
    await within(timeoutMs, getDb().$queryRaw`SELECT 1`);
  } catch (e) {
    fail(
      "database",
      e instanceof CheckTimeout ? `no answer within ${timeoutMs / 1000} s` : "unreachable",
    );
    checks.migrations = checks.backup = "not checked (no database)";
    return { ready: false, failed, checks };
  }
  for (const [name, check] of [
    ["migrations", checkMigrations],
    ["backup", checkBackup],
  ] as const) {
    try {
      const why = await within(timeoutMs, check());
      if (why) fail(name, why);
    } catch {
      fail(name, "could not be checked");
    }
  }
  return { ready: failed.length === 0, failed, checks };
}
