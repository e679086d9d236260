import fs from "node:fs";
import path from "node:path";
import { DRILL_MAX_AGE_DAYS } from "../data/ops";
import { db } from "../db";
import { getEnv, type TEnv } from "../env";
import { readPidFile } from "../pg/embedded";
import { getQuestionnaire } from "../questionnaires/registry";
import { assessAnswers } from "../rules/engine";
import type { TAnswers, TFlag, TFlagCode, TSite } from "../rules/types";

// The app judged by its own engine: this deployment's backup and drill set-up written as the
// answers a vendor would give, run through assessAnswers (the same function `npm run assess`
// and every vendor assessment use). Only the questions the app can answer about itself are
// answered, and only the backup and drill codes are shown: nothing is flagged for what the app
// cannot know about itself (how many sites it runs on, its plan's review …).

export type TDeploymentFacts = {
  /** DATABASE_URL is set: the database runs elsewhere, with backups of its own (or none). */
  externalDatabase: boolean;
  backupDir: string;
  /** The embedded server's data folder (DATA_DIR/pg); null with an external database. */
  databaseDir: string | null;
  /** BACKUP_DIR on the database folder's filesystem (same stat `dev`); null: not comparable. */
  sameFilesystem: boolean | null;
  /** BACKUP_INTERVAL_MINUTES; 0 = scheduled backups are off. */
  backupIntervalMinutes: number;
  backupRetention: number;
  lastBackupAt: Date | null;
  lastPassedDrillAt: Date | null;
};

export type TSelfAssessment = {
  externalDatabase: boolean;
  facts: { label: string; value: string }[];
  answers: TAnswers;
  flags: TFlag[];
};

/** The codes the app can judge about its own backups and drills. */
export const SELF_ASSESSED_CODES: readonly TFlagCode[] = [
  "NO_BACKUPS",
  "BACKUP_SHARED_DEPENDENCY",
  "BACKUP_SAME_CREDENTIALS",
  "BACKUP_COLOCATED",
  "BACKUPS_MUTABLE",
  "CORRUPTION_PROPAGATES",
  "RESTORE_NEVER_TESTED",
  "RESTORE_TEST_STALE",
  "RESTORE_SCOPE_GAP",
  "DR_NEVER_TESTED",
  "DR_TEST_STALE",
  "DR_TEST_TABLETOP_ONLY",
];

/** Whole months, as the engine counts test ages: the app's own drill rule (30 days) in its units. */
export const SELF_MAX_TEST_AGE_MONTHS = Math.ceil(DRILL_MAX_AGE_DAYS / 30);

// Where the database and a colocated BACKUP_DIR are: one machine, so one facility.
const place = { provider: "self-hosted", city: "this server", country: "ZZ", lat: 0, lon: 0 };
const SERVER: TSite = {
  id: "database",
  name: "the database's data folder",
  role: "primary",
  ...place,
};
const BACKUP_FOLDER: TSite = { id: "backup_dir", name: "BACKUP_DIR", role: "backup", ...place };
const MACHINE = "this machine's disk";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function describeWhere(f: TDeploymentFacts): string {
  if (f.externalDatabase)
    return "The database is external (DATABASE_URL): its data is on another server, so BACKUP_DIR does not share its disk.";
  if (f.sameFilesystem === true)
    return `The same filesystem as the database's data folder (${f.databaseDir}).`;
  if (f.sameFilesystem === false)
    return `Another filesystem than the database's data folder (${f.databaseDir}); where that filesystem physically is, the app cannot tell.`;
  return "Unknown: BACKUP_DIR or the database folder could not be read.";
}

/** Pure: the deployment's facts → the answers a vendor would give → the engine's flags. */
export function assessDeployment({ facts: f, now }: { facts: TDeploymentFacts; now: Date }) {
  const backups = f.lastBackupAt !== null;
  const drill = f.lastPassedDrillAt;
  const colocated = f.sameFilesystem === true && !f.externalDatabase;
  const answers: TAnswers = {
    sites: colocated
      ? [
          { ...SERVER, facility: MACHINE },
          { ...BACKUP_FOLDER, facility: MACHINE },
        ]
      : [SERVER],
    backup_exists: backups ? "yes" : "no",
    ...(f.backupIntervalMinutes > 0 && {
      backup_frequency_hours: f.backupIntervalMinutes / 60,
      backup_retention_days: (f.backupIntervalMinutes * f.backupRetention) / 1440,
    }),
    // Colocated: the backup copy is where the database is. Elsewhere: the app cannot say where.
    ...(colocated && { backup_site_ids: [BACKUP_FOLDER.id] }),
    // The app writes and prunes its backups with the same account that runs the database.
    backup_shared_dependencies: colocated ? ["storage_system", "credentials"] : ["credentials"],
    backup_immutable: "unknown",
    backup_offline_copy: "unknown",
    ...(!f.externalDatabase && { replication_mode: "none", point_in_time_recovery: "no" }),
    ...(f.externalDatabase && { point_in_time_recovery: "unknown" }),
    // The drill restores the database and the evidence, boots the app on it and signs in.
    restore_test_scope: drill ? ["database", "full_environment"] : ["never"],
    ...(drill && { restore_test_last_date: isoDay(drill), dr_test_last_date: isoDay(drill) }),
    plan_exists: "yes", // the restore procedure: npm run restore, proven by npm run drill
    dr_test_type: drill ? "partial_failover" : "none",
  };
  const questionnaire = getQuestionnaire({ id: "bcdr-core" });
  if (!questionnaire) throw new Error("the bcdr-core questionnaire is missing");
  const { flags } = assessAnswers({
    questionnaire,
    requirements: { tier: "critical", max_test_age_months: SELF_MAX_TEST_AGE_MONTHS },
    answers,
    asOf: isoDay(now),
  });
  const shown = flags.filter((flag) => SELF_ASSESSED_CODES.includes(flag.code));
  const schedule =
    f.backupIntervalMinutes === 0
      ? "Off (BACKUP_INTERVAL_MINUTES=0)"
      : `Every ${f.backupIntervalMinutes} minutes, keeping ${f.backupRetention}`;
  const list = [
    { label: "Database", value: f.externalDatabase ? "External (DATABASE_URL)" : "Embedded" },
    { label: "Last successful backup", value: f.lastBackupAt ? isoDay(f.lastBackupAt) : "None" },
    { label: "Scheduled backups", value: schedule },
    { label: "Backup folder (BACKUP_DIR)", value: f.backupDir },
    { label: "Where the backups are", value: describeWhere(f) },
    { label: "Restore drill last passed", value: drill ? isoDay(drill) : "Never" },
  ];
  return {
    externalDatabase: f.externalDatabase,
    facts: list,
    answers,
    flags: shown,
  } satisfies TSelfAssessment;
}

/** The filesystem's device id of `dir`, or of its nearest existing parent (not yet made). */
function deviceOf(dir: string): number | null {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    try {
      return fs.statSync(d).dev;
    } catch {
      if (path.dirname(d) === d) return null;
    }
  }
}

/**
 * `npm start` hands the app the embedded server's URL in DATABASE_URL too: the database is
 * embedded when that URL names the local port of the server running under DATA_DIR/pg.
 */
function isEmbedded({ url, pgDir }: { url: string | undefined; pgDir: string }): boolean {
  if (!url) return true;
  try {
    const running = readPidFile({ pgDir });
    const { hostname, port } = new URL(url);
    return (
      !!running && ["127.0.0.1", "localhost"].includes(hostname) && Number(port) === running.port
    );
  } catch {
    return false;
  }
}

/** Reads this deployment's facts: settings, the folders' devices, the recorded runs. */
export async function loadDeploymentFacts({ env = getEnv() }: { env?: TEnv } = {}) {
  const pgDir = path.join(env.DATA_DIR, "pg");
  const externalDatabase = !isEmbedded({ url: env.DATABASE_URL, pgDir });
  const databaseDir = externalDatabase ? null : pgDir;
  const dbDev = databaseDir ? deviceOf(databaseDir) : null;
  const backupDev = deviceOf(env.BACKUP_DIR);
  const [backup, drill] = await Promise.all([
    db.opsRun.findFirst({ where: { kind: "backup", ok: true }, orderBy: { finishedAt: "desc" } }),
    db.opsRun.findFirst({ where: { kind: "drill", ok: true }, orderBy: { finishedAt: "desc" } }),
  ]);
  return {
    externalDatabase,
    backupDir: env.BACKUP_DIR,
    databaseDir,
    sameFilesystem: dbDev === null || backupDev === null ? null : dbDev === backupDev,
    backupIntervalMinutes: env.BACKUP_INTERVAL_MINUTES,
    backupRetention: env.BACKUP_RETENTION,
    lastBackupAt: backup?.finishedAt ?? null,
    lastPassedDrillAt: drill?.finishedAt ?? null,
  } satisfies TDeploymentFacts;
}

export async function loadSelfAssessment({ now = new Date() }: { now?: Date } = {}) {
  return assessDeployment({ facts: await loadDeploymentFacts(), now });
}
