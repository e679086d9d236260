import { describe, expect, it } from "vitest";
import type { TSite } from "@/lib/rules";
import { CLEAN_ANSWERS, codes, flagOf, run, severityOf } from "@/tests/unit/engine/helpers";

// Contract 1.1: whether recovery is ready in practice. The clean vendor is critical tier
// (RTO 240 min; defaults: 30 days, 4 h notice, 72 h power, 3 people, all six scenarios).

describe("IMMUTABLE_RETENTION_SHORT", () => {
  const code = "IMMUTABLE_RETENTION_SHORT";
  const copies = (set: Record<string, unknown>, omit: string[] = []) => ({ set, omit });
  it("is high when the protected copies live shorter than the requirement", () => {
    expect(severityOf(copies({ immutable_retention_days: 29 }), code)).toBe("high");
    expect(severityOf(copies({ immutable_retention_days: 30 }), code)).toBeNull();
    expect(
      severityOf({ set: { immutable_retention_days: 10 }, requirements: { tier: "low" } }, code),
    ).toBeNull();
    expect(
      severityOf(
        {
          set: { immutable_retention_days: 10 },
          requirements: { min_immutable_retention_days: 14 },
        },
        code,
      ),
    ).toBe("high");
  });
  it("one protected copy is enough to be judged: immutable or offline", () => {
    const short = { immutable_retention_days: 7 };
    expect(
      severityOf(copies({ ...short, backup_immutable: "yes", backup_offline_copy: "no" }), code),
    ).toBe("high");
    expect(
      severityOf(copies({ ...short, backup_immutable: "no", backup_offline_copy: "yes" }), code),
    ).toBe("high");
  });
  it("backup_retention_days stands for it when immutable_retention_days is absent", () => {
    const flag = flagOf(
      run(copies({ backup_retention_days: 7 }, ["immutable_retention_days"])),
      code,
    );
    expect(flag?.severity).toBe("high");
    expect(flag?.questions).toContain("backup_retention_days");
    expect(flag?.detail).toContain("backup retention of 7 days");
    // The protected figure wins when given, even when the general retention is short.
    expect(
      severityOf(copies({ backup_retention_days: 7, immutable_retention_days: 60 }), code),
    ).toBeNull();
    // Both absent: silent.
    expect(
      severityOf(copies({}, ["immutable_retention_days", "backup_retention_days"]), code),
    ).toBeNull();
  });
  it("is silent while BACKUPS_MUTABLE is raised, and without a protected copy", () => {
    const mutable = run(
      copies({ backup_immutable: "no", backup_offline_copy: "no", immutable_retention_days: 1 }),
    );
    expect(codes(mutable)).toContain("BACKUPS_MUTABLE");
    expect(codes(mutable)).not.toContain(code);
    // unknown is not a protected copy either.
    const unsure = { backup_immutable: "unknown", immutable_retention_days: 1 };
    expect(severityOf(copies(unsure, ["backup_offline_copy"]), code)).toBeNull();
  });
  it("is silent when backup_exists is not yes", () => {
    for (const value of ["no", "unknown"]) {
      const set = { backup_exists: value, immutable_retention_days: 1 };
      expect(severityOf({ set }, code), value).toBeNull();
    }
  });
});

describe("BACKUP_SAME_PROVIDER", () => {
  const code = "BACKUP_SAME_PROVIDER";
  /** Primary fra (Acme Cloud), secondary dub (Other), backup ams with the given provider. */
  const sites = (backupProvider: string): TSite[] => {
    const list = structuredClone(CLEAN_ANSWERS.sites) as TSite[];
    list[1]!.provider = "Other Cloud";
    list[2]!.provider = backupProvider;
    return list;
  };
  const withBackup = (provider: string, extra: Record<string, unknown> = {}) => ({
    set: { sites: sites(provider), backup_site_ids: ["ams"], ...extra },
  });
  it("is medium when every backup site is with a primary's provider (compared exactly)", () => {
    const flag = flagOf(run(withBackup("Acme Cloud")), code);
    expect(flag?.severity).toBe("medium");
    expect(flag?.detail).toContain("Amsterdam backup vault");
    expect(flag?.detail).not.toContain("(ams)"); // sites by name, never by id (issue 17)
    expect(flag?.detail).toContain("Acme Cloud");
    expect(severityOf(withBackup("acme cloud"), code)).toBeNull();
    expect(severityOf(withBackup("Vault Co"), code)).toBeNull();
  });
  it("one backup site with another provider is enough", () => {
    const list = sites("Acme Cloud");
    const set = { sites: list, backup_site_ids: ["ams", "dub"] };
    expect(severityOf({ set }, code)).toBeNull();
    expect(severityOf({ set: { ...set, backup_site_ids: ["ams", "fra"] } }, code)).toBe("medium");
  });
  it("is silent while PROVIDER_CONCENTRATION is raised", () => {
    const list = sites("Acme Cloud");
    list[1]!.provider = "Acme Cloud";
    const report = run({ set: { sites: list, backup_site_ids: ["ams"] } });
    expect(codes(report)).toContain("PROVIDER_CONCENTRATION");
    expect(codes(report)).not.toContain(code);
  });
  it("is silent when the dependencies list cloud_account (BACKUP_SAME_CREDENTIALS covers it)", () => {
    const report = run(withBackup("Acme Cloud", { backup_shared_dependencies: ["cloud_account"] }));
    expect(codes(report)).toContain("BACKUP_SAME_CREDENTIALS");
    expect(codes(report)).not.toContain(code);
    // Only cloud_account silences it: shared credentials alone do not.
    const creds = withBackup("Acme Cloud", { backup_shared_dependencies: ["credentials"] });
    expect(severityOf(creds, code)).toBe("medium");
  });
  it("is silent without backup sites, without a primary, or without backups", () => {
    expect(severityOf(withBackup("Acme Cloud", { backup_site_ids: [] }), code)).toBeNull();
    const noIds = { set: { sites: sites("Acme Cloud") }, omit: ["backup_site_ids"] };
    expect(severityOf(noIds, code)).toBeNull();
    const noPrimary = sites("Acme Cloud").map((s) => ({ ...s, role: "backup" as const }));
    expect(severityOf({ set: { sites: noPrimary, backup_site_ids: ["ams"] } }, code)).toBeNull();
    for (const value of ["no", "unknown"]) {
      expect(severityOf(withBackup("Acme Cloud", { backup_exists: value }), code)).toBeNull();
    }
  });
});
