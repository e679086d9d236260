import { describe, expect, it } from "vitest";
import { assessDeployment, type TDeploymentFacts } from "@/lib/ops/self-assessment";

const now = new Date("2026-12-07T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

/** The embedded default: backups in DATA_DIR/backups, on the database's own disk. */
const embedded: TDeploymentFacts = {
  externalDatabase: false,
  backupDir: "/srv/data/backups",
  databaseDir: "/srv/data/pg",
  sameFilesystem: true,
  backupIntervalMinutes: 15,
  backupRetention: 96,
  lastBackupAt: daysAgo(0),
  lastPassedDrillAt: daysAgo(3),
};

const codes = (facts: TDeploymentFacts) =>
  assessDeployment({ facts, now }).flags.map((f) => f.code);
const fact = (facts: TDeploymentFacts, label: string) =>
  assessDeployment({ facts, now }).facts.find((f) => f.label === label)?.value;

describe("assessDeployment: where the backups are", () => {
  it("flags backups on the database's filesystem as colocated and sharing its storage", () => {
    const { flags } = assessDeployment({ facts: embedded, now });
    const colocated = flags.find((f) => f.code === "BACKUP_COLOCATED");
    expect(colocated?.severity).toBe("critical");
    expect(colocated?.detail).toContain("BACKUP_DIR and the database's data folder");
    expect(flags.find((f) => f.code === "BACKUP_SHARED_DEPENDENCY")?.detail).toContain(
      "the storage system",
    );
    expect(fact(embedded, "Where the backups are")).toContain("The same filesystem");
  });

  it("does not flag backups on another filesystem as colocated", () => {
    const separate = { ...embedded, sameFilesystem: false };
    expect(codes(separate)).not.toContain("BACKUP_COLOCATED");
    expect(codes(separate)).not.toContain("BACKUP_SHARED_DEPENDENCY");
    // Whatever the disk, the app's own account can still delete its backups.
    expect(codes(separate)).toContain("BACKUP_SAME_CREDENTIALS");
    expect(fact(separate, "Where the backups are")).toContain("Another filesystem");
  });

  it("judges an external database as not sharing the backups' disk, its recovery its own", () => {
    const external = {
      ...embedded,
      externalDatabase: true,
      databaseDir: null,
      sameFilesystem: null,
    };
    const r = assessDeployment({ facts: external, now });
    expect(r.flags.map((f) => f.code)).not.toContain("BACKUP_COLOCATED");
    expect(r.flags.map((f) => f.code)).not.toContain("BACKUP_SHARED_DEPENDENCY");
    expect(r.answers.point_in_time_recovery).toBe("unknown");
    expect(r.answers.replication_mode).toBeUndefined();
    expect(fact(external, "Database")).toBe("External (DATABASE_URL)");
  });

  it("flags no backups at all, and nothing about restores of backups that do not exist", () => {
    const none = { ...embedded, lastBackupAt: null, lastPassedDrillAt: null };
    expect(codes(none)).toContain("NO_BACKUPS");
    expect(codes(none)).not.toContain("RESTORE_NEVER_TESTED");
    expect(codes(none)).not.toContain("BACKUP_COLOCATED");
  });
});

describe("assessDeployment: the last restore drill", () => {
  it("no passed drill: restore and DR never tested", () => {
    const never = { ...embedded, lastPassedDrillAt: null };
    expect(codes(never)).toEqual(
      expect.arrayContaining(["RESTORE_NEVER_TESTED", "DR_NEVER_TESTED"]),
    );
    expect(fact(never, "Restore drill last passed")).toBe("Never");
  });

  it("a fresh drill: neither never tested nor stale", () => {
    const got = codes(embedded);
    for (const code of [
      "RESTORE_NEVER_TESTED",
      "DR_NEVER_TESTED",
      "RESTORE_TEST_STALE",
      "DR_TEST_STALE",
    ])
      expect(got).not.toContain(code);
    expect(fact(embedded, "Restore drill last passed")).toBe("2026-12-04");
  });

  it("a drill older than the app's 30 days is stale, named with its date", () => {
    const stale = { ...embedded, lastPassedDrillAt: new Date("2026-10-01T09:00:00Z") };
    const flags = assessDeployment({ facts: stale, now }).flags;
    const dr = flags.find((f) => f.code === "DR_TEST_STALE");
    expect(dr?.severity).toBe("high");
    expect(dr?.detail).toContain("2026-10-01");
    expect(flags.map((f) => f.code)).toContain("RESTORE_TEST_STALE");
    expect(flags.map((f) => f.code)).not.toContain("DR_NEVER_TESTED");
  });

  it("shows only backup and drill flags, never ones about what the app cannot know", () => {
    const all = [
      embedded,
      { ...embedded, lastPassedDrillAt: null },
      { ...embedded, externalDatabase: true, databaseDir: null, sameFilesystem: null },
    ].flatMap(codes);
    expect(all).not.toContain("SINGLE_SITE");
    expect(all).not.toContain("PROVIDER_CONCENTRATION");
    expect(all).not.toContain("NO_BCDR_PLAN");
  });

  it("states the backup schedule, or that it is off", () => {
    expect(fact(embedded, "Scheduled backups")).toBe("Every 15 minutes, keeping 96");
    expect(fact({ ...embedded, backupIntervalMinutes: 0 }, "Scheduled backups")).toContain("Off");
  });
});
