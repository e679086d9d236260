import { describe, expect, it } from "vitest";
import type { TSite } from "@/lib/rules";
import {
  CLEAN_ANSWERS,
  codes,
  flagOf,
  north,
  run,
  severityOf,
  site,
} from "@/tests/unit/engine/helpers";

/** Contract 1.1, clarified: the backup rules that only NO_BACKUPS speaks over. */
const BACKUP_DETAIL_CODES = [
  "BACKUP_SHARED_DEPENDENCY",
  "BACKUP_SAME_CREDENTIALS",
  "BACKUP_COLOCATED",
  "BACKUPS_MUTABLE",
  "RESTORE_NEVER_TESTED",
  "RESTORE_TEST_STALE",
  "RESTORE_SCOPE_GAP",
  "RPO_CLAIM_INCONSISTENT",
  "IMMUTABLE_RETENTION_SHORT",
  "BACKUP_SAME_PROVIDER",
];

/** Every backup detail answered as badly as possible. */
const WORST_BACKUPS = {
  backup_site_ids: ["fra"],
  backup_shared_dependencies: ["storage_system", "credentials", "unknown"],
  backup_immutable: "no",
  backup_offline_copy: "unknown",
  replication_mode: "snapshot",
  point_in_time_recovery: "no",
  restore_test_scope: ["never"],
  backup_frequency_hours: 24,
  rpo_minutes: 5,
};

/** The clean sites with the backup vault moved to the primary's provider (the secondary not). */
function backupWithPrimaryProvider(): TSite[] {
  const sites = structuredClone(CLEAN_ANSWERS.sites) as TSite[];
  sites[1]!.provider = "Other Cloud";
  sites[2]!.provider = sites[0]!.provider;
  return sites;
}

describe("NO_BACKUPS and the silence of backup details", () => {
  it("is critical for no, unknown and unanswered", () => {
    expect(severityOf({ set: { backup_exists: "no" } }, "NO_BACKUPS")).toBe("critical");
    expect(severityOf({ set: { backup_exists: "unknown" } }, "NO_BACKUPS")).toBe("critical");
    expect(severityOf({ omit: ["backup_exists"] }, "NO_BACKUPS")).toBe("critical");
    expect(severityOf({}, "NO_BACKUPS")).toBeNull();
  });
  it("backup details speak when backups exist", () => {
    // Scope "never" with a stale date: RESTORE_NEVER_TESTED and RESTORE_TEST_STALE.
    const raised = codes(run({ set: { ...WORST_BACKUPS, restore_test_last_date: "2001-01-01" } }));
    const notHere = ["RESTORE_SCOPE_GAP", "IMMUTABLE_RETENTION_SHORT"];
    for (const code of BACKUP_DETAIL_CODES.filter((c) => !notHere.includes(c))) {
      expect(raised, code).toContain(code);
    }
    const scoped = { ...WORST_BACKUPS, restore_test_scope: ["file_level"] };
    expect(codes(run({ set: scoped }))).toContain("RESTORE_SCOPE_GAP");
    const shortLived = { backup_immutable: "yes", immutable_retention_days: 3 };
    expect(codes(run({ set: shortLived }))).toContain("IMMUTABLE_RETENTION_SHORT");
    const set = { sites: backupWithPrimaryProvider(), backup_site_ids: ["ams"] };
    expect(codes(run({ set }))).toContain("BACKUP_SAME_PROVIDER");
  });
  it("backup details stay silent when backup_exists is not yes", () => {
    for (const value of ["no", "unknown", undefined]) {
      for (const replication_mode of ["snapshot", "synchronous"]) {
        const worst = { ...WORST_BACKUPS, replication_mode, restore_test_last_date: "2001-01-01" };
        const input = value
          ? { set: { ...worst, backup_exists: value } }
          : { set: worst, omit: ["backup_exists"] };
        const raised = codes(run(input));
        expect(raised).toContain("NO_BACKUPS");
        for (const code of BACKUP_DETAIL_CODES)
          expect(raised, `${code} with ${value}`).not.toContain(code);
      }
    }
    const detailsBad = {
      sites: backupWithPrimaryProvider(),
      backup_site_ids: ["ams"],
      backup_immutable: "yes",
      immutable_retention_days: 1,
    };
    for (const value of ["no", "unknown"]) {
      const raised = codes(run({ set: { ...detailsBad, backup_exists: value } }));
      expect(raised).not.toContain("IMMUTABLE_RETENTION_SHORT");
      expect(raised).not.toContain("BACKUP_SAME_PROVIDER");
    }
  });
  // Contract 1.1, clarified: CORRUPTION_PROPAGATES reads replication, not backups.
  it("CORRUPTION_PROPAGATES is not silenced by backup_exists", () => {
    for (const value of ["no", "unknown", undefined]) {
      const set = { replication_mode: "synchronous", point_in_time_recovery: "no" };
      const input = value
        ? { set: { ...set, backup_exists: value } }
        : { set, omit: ["backup_exists"] };
      expect(severityOf(input, "CORRUPTION_PROPAGATES"), String(value)).toBe("high");
    }
  });
});

describe("BACKUP_SHARED_DEPENDENCY and BACKUP_SAME_CREDENTIALS", () => {
  const deps = (list: string[]) => ({ set: { backup_shared_dependencies: list } });
  it("shared storage, database cluster or backup software is critical", () => {
    for (const d of ["storage_system", "database_cluster", "backup_software_on_primary"]) {
      expect(severityOf(deps([d]), "BACKUP_SHARED_DEPENDENCY"), d).toBe("critical");
      expect(severityOf(deps([d]), "BACKUP_SAME_CREDENTIALS"), d).toBeNull();
    }
  });
  it("unknown is medium, and never raises BACKUP_SAME_CREDENTIALS", () => {
    expect(severityOf(deps(["unknown"]), "BACKUP_SHARED_DEPENDENCY")).toBe("medium");
    expect(severityOf(deps(["unknown"]), "BACKUP_SAME_CREDENTIALS")).toBeNull();
    expect(severityOf(deps(["unknown", "database_cluster"]), "BACKUP_SHARED_DEPENDENCY")).toBe(
      "critical",
    );
  });
  it("cloud account or credentials is BACKUP_SAME_CREDENTIALS, critical", () => {
    for (const d of ["cloud_account", "credentials"]) {
      expect(severityOf(deps([d]), "BACKUP_SAME_CREDENTIALS"), d).toBe("critical");
      expect(severityOf(deps([d]), "BACKUP_SHARED_DEPENDENCY"), d).toBeNull();
    }
  });
  it("network, power and none raise neither", () => {
    const raised = codes(run(deps(["network", "power", "none"])));
    expect(raised).not.toContain("BACKUP_SHARED_DEPENDENCY");
    expect(raised).not.toContain("BACKUP_SAME_CREDENTIALS");
  });
});

describe("BACKUP_COLOCATED", () => {
  const code = "BACKUP_COLOCATED";
  const P = site("p", "primary", 48, 7, { facility: "PA-1" });
  const S = site("s", "secondary", north(48, 400), 7);
  const b = (id: string, km: number, extra = {}) => site(id, "backup", north(48, km), 7, extra);
  const withBackups = (backups: ReturnType<typeof site>[], ids = backups.map((x) => x.id)) => ({
    set: { sites: [P, S, ...backups], backup_site_ids: ids },
  });
  it("is critical when every backup site is the same place as a primary", () => {
    const flag = flagOf(run(withBackups([b("b", 300, { facility: "pa-1" })])), code);
    expect(flag?.severity).toBe("critical");
    expect(flag?.detail).toContain("Site b and Site p are the same place: both in facility pa-1");
    expect(severityOf(withBackups([b("b", 0.4)]), code)).toBe("critical");
    expect(severityOf({ set: { sites: [P, S], backup_site_ids: ["p"] } }, code)).toBe("critical");
  });
  it("is high when every backup site is closer than the separation limit", () => {
    expect(severityOf(withBackups([b("b", 50)]), code)).toBe("high");
    expect(severityOf(withBackups([b("b", 0.4), b("c", 60)]), code)).toBe("high");
    expect(severityOf(withBackups([b("b", 99.9)]), code)).toBe("high");
    expect(severityOf(withBackups([b("b", 100.1)]), code)).toBeNull();
  });
  it("one distant backup site is enough", () => {
    expect(severityOf(withBackups([b("b", 0.4), b("c", 250)]), code)).toBeNull();
  });
  it("is silent without backup sites or without a primary", () => {
    expect(severityOf(withBackups([b("b", 0.4)], []), code)).toBeNull();
    expect(
      severityOf({ set: { sites: [P, b("b", 0.4)] }, omit: ["backup_site_ids"] }, code),
    ).toBeNull();
    const noPrimary = [S, site("b", "backup", north(48, 400.2), 7)];
    expect(severityOf({ set: { sites: noPrimary, backup_site_ids: ["b"] } }, code)).toBeNull();
  });
});

describe("BACKUPS_MUTABLE", () => {
  const code = "BACKUPS_MUTABLE";
  const copies = (immutable: string, offline: string) => ({
    set: { backup_immutable: immutable, backup_offline_copy: offline },
  });
  it("is high when no copy is immutable and none offline (unknown counts as no)", () => {
    expect(severityOf(copies("no", "no"), code)).toBe("high");
    expect(severityOf(copies("unknown", "no"), code)).toBe("high");
    expect(severityOf(copies("no", "unknown"), code)).toBe("high");
  });
  it("one immutable or offline copy is enough", () => {
    expect(severityOf(copies("yes", "no"), code)).toBeNull();
    expect(severityOf(copies("no", "yes"), code)).toBeNull();
  });
  it("needs both answers (an absent answer does not raise it)", () => {
    expect(
      severityOf({ set: { backup_immutable: "no" }, omit: ["backup_offline_copy"] }, code),
    ).toBeNull();
  });
});

describe("CORRUPTION_PROPAGATES", () => {
  const code = "CORRUPTION_PROPAGATES";
  const rep = (mode: string, pitr?: string) => ({
    set: { replication_mode: mode, ...(pitr ? { point_in_time_recovery: pitr } : {}) },
    omit: pitr ? [] : ["point_in_time_recovery"],
  });
  it("is high when every change is copied and point-in-time recovery is not yes", () => {
    expect(severityOf(rep("synchronous", "no"), code)).toBe("high");
    expect(severityOf(rep("asynchronous", "unknown"), code)).toBe("high");
    expect(severityOf(rep("asynchronous"), code)).toBe("high");
  });
  it("is silent for snapshots, no replication, or with point-in-time recovery", () => {
    expect(severityOf(rep("snapshot", "no"), code)).toBeNull();
    expect(severityOf(rep("none", "no"), code)).toBeNull();
    expect(severityOf(rep("synchronous", "yes"), code)).toBeNull();
    expect(
      severityOf({ omit: ["replication_mode"], set: { point_in_time_recovery: "no" } }, code),
    ).toBeNull();
  });
});

describe("restore tests", () => {
  it("RESTORE_NEVER_TESTED: no date, or scope never", () => {
    expect(severityOf({ omit: ["restore_test_last_date"] }, "RESTORE_NEVER_TESTED")).toBe(
      "critical",
    );
    expect(severityOf({ set: { restore_test_scope: ["never"] } }, "RESTORE_NEVER_TESTED")).toBe(
      "critical",
    );
    expect(severityOf({}, "RESTORE_NEVER_TESTED")).toBeNull();
  });
  it("RESTORE_TEST_STALE from exactly max_test_age_months on", () => {
    const at = (date: string, asOf: string, months = 12) =>
      severityOf(
        {
          set: { restore_test_last_date: date },
          asOf,
          requirements: { max_test_age_months: months },
        },
        "RESTORE_TEST_STALE",
      );
    expect(at("2025-03-15", "2026-03-14")).toBeNull();
    expect(at("2025-03-15", "2026-03-15")).toBe("high");
    expect(at("2025-12-31", "2026-02-27", 2)).toBeNull();
    expect(at("2025-12-31", "2026-02-28", 2)).toBe("high");
    expect(at("2030-01-01", "2026-11-01", 0)).toBe("high");
    expect(at("2030-01-01", "2026-11-01", 1)).toBeNull();
  });
  it("RESTORE_TEST_STALE uses the tier default when no limit is given", () => {
    const input = (tier: "critical" | "low") => ({
      set: { restore_test_last_date: "2025-05-01" },
      requirements: { tier, max_test_age_months: undefined },
    });
    expect(severityOf(input("critical"), "RESTORE_TEST_STALE")).toBe("high");
    expect(severityOf(input("low"), "RESTORE_TEST_STALE")).toBeNull();
  });
  it("RESTORE_SCOPE_GAP: never full environment or never single customer", () => {
    const scope = (list: string[]) =>
      severityOf({ set: { restore_test_scope: list } }, "RESTORE_SCOPE_GAP");
    expect(scope(["database", "single_customer"])).toBe("medium");
    expect(scope(["full_environment"])).toBe("medium");
    expect(scope(["full_environment", "single_customer"])).toBeNull();
    expect(severityOf({ omit: ["restore_test_scope"] }, "RESTORE_SCOPE_GAP")).toBeNull();
    // An answered empty list covers nothing.
    expect(scope([])).toBe("medium");
  });
  // Contract 1.1, clarified: RESTORE_NEVER_TESTED covers a missing date or scope "never".
  it("RESTORE_SCOPE_GAP is silent while RESTORE_NEVER_TESTED is raised", () => {
    const never = run({ set: { restore_test_scope: ["never"] } });
    expect(codes(never)).toContain("RESTORE_NEVER_TESTED");
    expect(codes(never)).not.toContain("RESTORE_SCOPE_GAP");
    const neverWithOthers = run({ set: { restore_test_scope: ["file_level", "never"] } });
    expect(codes(neverWithOthers)).not.toContain("RESTORE_SCOPE_GAP");
    const noDate = run({
      set: { restore_test_scope: ["file_level"] },
      omit: ["restore_test_last_date"],
    });
    expect(codes(noDate)).toContain("RESTORE_NEVER_TESTED");
    expect(codes(noDate)).not.toContain("RESTORE_SCOPE_GAP");
  });
  // Contract 1.1, clarified: the staleness rule reads the date even when the scope says never.
  it("RESTORE_TEST_STALE reads the date even when the scope lists never", () => {
    const set = { restore_test_scope: ["never"], restore_test_last_date: "2020-01-01" };
    expect(severityOf({ set }, "RESTORE_TEST_STALE")).toBe("high");
  });
});
