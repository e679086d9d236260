import crypto from "node:crypto";
import os from "node:os";
import { db } from "../db";

// "Run once across instances" for the periodic jobs (lib/jobs/scheduler.ts): one JobLease row
// per job. An instance runs the job only when its UPDATE takes the lease, which succeeds for
// one instance at a time and only once the job's interval has passed since the last run that
// finished. The runner renews the lease while it works; if it dies, the lease lapses after
// LEASE_MS and the next instance to tick runs the job again (a failed run is retried the
// same way, as it sets no lastDoneAt).
//
// Why a lease row and not pg-boss or graphile-worker: these are a handful of periodic,
// idempotent sweeps (each reminder / delivery / backup already records itself) and one
// UPDATE … WHERE is the whole claim; a queue would bring its own schema, worker loop and
// migrations to give the same guarantee.

/** This process, as named in JobLease.holder. */
export const instanceId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;

export const LEASE_MS = 60_000;

export type TClaimLease = { name: string; everyMs: number; holder?: string; leaseMs?: number };

/** Takes the job's lease if it is free and due; true when this holder may run the job now. */
export async function claimLease({
  name,
  everyMs,
  holder = instanceId,
  leaseMs = LEASE_MS,
}: TClaimLease): Promise<boolean> {
  await db.$executeRaw`INSERT INTO "JobLease" ("name") VALUES (${name}) ON CONFLICT DO NOTHING`;
  // 0.9: instances tick at their own offsets; a run a little early beats one skipped interval.
  const due = Math.floor(everyMs * 0.9);
  const taken = await db.$executeRaw`
    UPDATE "JobLease" SET "holder" = ${holder},
      "leasedTill" = now() + make_interval(secs => ${leaseMs / 1000}), "lastRunAt" = now()
    WHERE "name" = ${name}
      AND ("leasedTill" IS NULL OR "leasedTill" < now())
      AND ("lastDoneAt" IS NULL OR "lastDoneAt" <= now() - make_interval(secs => ${due / 1000}))`;
  return taken === 1;
}

/** Keeps the lease while the run goes on; false when another holder has taken it meanwhile. */
export async function renewLease({
  name,
  holder = instanceId,
  leaseMs = LEASE_MS,
}: Omit<TClaimLease, "everyMs">): Promise<boolean> {
  const kept = await db.$executeRaw`
    UPDATE "JobLease" SET "leasedTill" = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE "name" = ${name} AND "holder" = ${holder}`;
  return kept === 1;
}

/** Gives the lease back; `done` records a finished run, which starts the next interval. */
export async function releaseLease({
  name,
  holder = instanceId,
  done,
}: {
  name: string;
  holder?: string;
  done: boolean;
}) {
  await db.$executeRaw`
    UPDATE "JobLease" SET "holder" = NULL, "leasedTill" = NULL,
      "lastDoneAt" = CASE WHEN ${done} THEN now() ELSE "lastDoneAt" END
    WHERE "name" = ${name} AND "holder" = ${holder}`;
}
