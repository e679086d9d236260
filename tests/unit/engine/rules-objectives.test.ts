import { describe, expect, it } from "vitest";
import { flagOf, run, severityOf } from "@/tests/unit/engine/helpers";

describe("RTO_EXCEEDS_REQUIREMENT and RPO_EXCEEDS_REQUIREMENT", () => {
  it("is high above the requirement, silent at it", () => {
    expect(severityOf({ set: { rto_minutes: 241 } }, "RTO_EXCEEDS_REQUIREMENT")).toBe("high");
    expect(severityOf({ set: { rto_minutes: 240 } }, "RTO_EXCEEDS_REQUIREMENT")).toBeNull();
    expect(severityOf({ set: { rpo_minutes: 15.5 } }, "RPO_EXCEEDS_REQUIREMENT")).toBe("high");
    expect(severityOf({ set: { rpo_minutes: 15 } }, "RPO_EXCEEDS_REQUIREMENT")).toBeNull();
  });
  it("is medium when unanswered, only when a requirement applies", () => {
    expect(severityOf({ omit: ["rto_minutes"] }, "RTO_EXCEEDS_REQUIREMENT")).toBe("medium");
    expect(severityOf({ omit: ["rpo_minutes"] }, "RPO_EXCEEDS_REQUIREMENT")).toBe("medium");
    const low = { tier: "low" as const, rto_minutes: undefined, rpo_minutes: undefined };
    expect(
      severityOf({ omit: ["rto_minutes"], requirements: low }, "RTO_EXCEEDS_REQUIREMENT"),
    ).toBeNull();
    expect(
      severityOf({ set: { rpo_minutes: 99999 }, requirements: low }, "RPO_EXCEEDS_REQUIREMENT"),
    ).toBeNull();
  });
  it("uses the tier default when the requirement omits the figure", () => {
    const high = { tier: "high" as const, rto_minutes: undefined };
    expect(
      severityOf({ set: { rto_minutes: 1440 }, requirements: high }, "RTO_EXCEEDS_REQUIREMENT"),
    ).toBeNull();
    const flag = flagOf(
      run({ set: { rto_minutes: 1441 }, requirements: high }),
      "RTO_EXCEEDS_REQUIREMENT",
    );
    expect(flag?.detail).toContain("the default for high-tier vendors is 1440 minutes");
  });
});

describe("RPO_CLAIM_INCONSISTENT", () => {
  const code = "RPO_CLAIM_INCONSISTENT";
  const claim = (rpo: number, hours: number, mode?: string) => ({
    set: {
      rpo_minutes: rpo,
      backup_frequency_hours: hours,
      ...(mode ? { replication_mode: mode } : {}),
    },
    omit: mode ? [] : ["replication_mode"],
  });
  it("is high when the RPO is below the backup interval without change-copying replication", () => {
    expect(severityOf(claim(59, 1, "snapshot"), code)).toBe("high");
    expect(severityOf(claim(5, 24, "none"), code)).toBe("high");
  });
  it("is silent at the interval, with replication, or without the facts", () => {
    expect(severityOf(claim(60, 1, "snapshot"), code)).toBeNull();
    expect(severityOf(claim(5, 24, "asynchronous"), code)).toBeNull();
    expect(severityOf(claim(5, 24, "synchronous"), code)).toBeNull();
    expect(severityOf(claim(5, 24), code)).toBeNull();
    expect(
      severityOf({ ...claim(5, 24, "none"), omit: ["backup_frequency_hours"] }, code),
    ).toBeNull();
  });
});

describe("RTO_CLAIM_INCONSISTENT", () => {
  const code = "RTO_CLAIM_INCONSISTENT";
  const claim = (rto: number, mode: string, pct = 100) => ({
    set: { rto_minutes: rto, failover_mode: mode, secondary_capacity_pct: pct },
  });
  it("is medium under 60 minutes with manual or no failover, or a small secondary", () => {
    expect(severityOf(claim(59, "manual"), code)).toBe("medium");
    expect(severityOf(claim(10, "none"), code)).toBe("medium");
    const flag = flagOf(run(claim(30, "automatic", 40)), code);
    expect(flag?.severity).toBe("medium");
    expect(flag?.questions).toEqual(["rto_minutes", "secondary_capacity_pct"]);
  });
  it("is silent at 60 minutes or with automatic failover and enough capacity", () => {
    expect(severityOf(claim(60, "manual"), code)).toBeNull();
    expect(severityOf(claim(30, "automatic", 50), code)).toBeNull();
    expect(
      severityOf(
        { set: { rto_minutes: 30 }, omit: ["failover_mode", "secondary_capacity_pct"] },
        code,
      ),
    ).toBeNull();
  });
});

describe("NO_CUSTOMER_EXPORT", () => {
  it("is medium for none only", () => {
    expect(severityOf({ set: { customer_export: "none" } }, "NO_CUSTOMER_EXPORT")).toBe("medium");
    expect(severityOf({ set: { customer_export: "on_request" } }, "NO_CUSTOMER_EXPORT")).toBeNull();
    expect(severityOf({ omit: ["customer_export"] }, "NO_CUSTOMER_EXPORT")).toBeNull();
  });
});
