import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, ensureAuthSecret, parseEnv, wantsDemoData } from "@/lib/env";

describe("settings", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv({ source: {} as NodeJS.ProcessEnv });
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATA_DIR.endsWith("/data")).toBe(true);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.WEBHOOK_ALLOWED_HOSTS).toEqual([]);
    expect(env.WEBHOOK_RETRY_SCALE).toBe(1);
    expect(env.WEBHOOK_DISABLE_AFTER).toBe(20);
  });

  it("reads the webhook allowlist as addresses and CIDR ranges", () => {
    const env = parseEnv({
      source: {
        WEBHOOK_ALLOWED_HOSTS: "127.0.0.1, 10.0.0.0/8 fd00::/64",
      } as unknown as NodeJS.ProcessEnv,
    });
    expect(env.WEBHOOK_ALLOWED_HOSTS).toEqual(["127.0.0.1", "10.0.0.0/8", "fd00::/64"]);
  });

  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://x"],
    ["APP_URL", "not a url"],
    ["AUTH_SECRET", "short"],
    ["SMTP_URL", "http://mail"],
    ["TRUSTED_PROXIES", "10.0.0.1, proxy.example"],
    ["TRUSTED_PROXIES", "10.0.0.0/33"],
    ["OIDC_ISSUER", "ftp://idp.example"],
    ["WEBHOOK_ALLOWED_HOSTS", "127.0.0.1, receiver.local"],
    ["WEBHOOK_ALLOWED_HOSTS", "10.0.0.0/40"],
    ["WEBHOOK_RETRY_SCALE", "0"],
    ["WEBHOOK_RETRY_SCALE", "2"],
    ["WEBHOOK_DISABLE_AFTER", "0"],
  ])("names %s when its value %j is bad", (key, value) => {
    expect(() => parseEnv({ source: { [key]: value } as unknown as NodeJS.ProcessEnv })).toThrow(
      EnvError,
    );
    expect(() => parseEnv({ source: { [key]: value } as unknown as NodeJS.ProcessEnv })).toThrow(
      new RegExp(`^[\\s\\S]*${key}`),
    );
  });

  it("takes single sign-on's three settings together or not at all, naming the missing ones", () => {
    const source = (v: object) => v as unknown as NodeJS.ProcessEnv;
    expect(() => parseEnv({ source: source({ OIDC_ISSUER: "https://idp.example" }) })).toThrow(
      /OIDC_CLIENT_ID[\s\S]*OIDC_CLIENT_SECRET/,
    );
    const env = parseEnv({
      source: source({
        OIDC_ISSUER: "https://idp.example/realms/x",
        OIDC_CLIENT_ID: "app",
        OIDC_CLIENT_SECRET: "s",
      }),
    });
    expect(env.OIDC_ISSUER).toBe("https://idp.example/realms/x");
  });

  it("derives APP_URL from PORT and trims a trailing slash", () => {
    expect(parseEnv({ source: { PORT: "4000" } as unknown as NodeJS.ProcessEnv }).APP_URL).toBe(
      "http://localhost:4000",
    );
    expect(
      parseEnv({ source: { APP_URL: "https://vr.example.com/" } as unknown as NodeJS.ProcessEnv })
        .APP_URL,
    ).toBe("https://vr.example.com");
  });

  it("reads TRUSTED_PROXIES as addresses and CIDR ranges, none by default", () => {
    expect(parseEnv({ source: {} as NodeJS.ProcessEnv }).TRUSTED_PROXIES).toEqual([]);
    const env = parseEnv({
      source: { TRUSTED_PROXIES: "10.0.0.5, 10.1.0.0/16 fd00::/8" } as unknown as NodeJS.ProcessEnv,
    });
    expect(env.TRUSTED_PROXIES).toEqual([
      { address: "10.0.0.5", prefix: 32, family: "ipv4" },
      { address: "10.1.0.0", prefix: 16, family: "ipv4" },
      { address: "fd00::", prefix: 8, family: "ipv6" },
    ]);
  });

  it("requires AUTH_SECRET with an external database, naming it and how to make one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-env-"));
    try {
      const external = parseEnv({
        source: {
          DATABASE_URL: "postgresql://db.example/app",
          DATA_DIR: dir,
        } as unknown as NodeJS.ProcessEnv,
      });
      expect(() => ensureAuthSecret({ env: external })).toThrow(EnvError);
      expect(() => ensureAuthSecret({ env: external })).toThrow(
        /AUTH_SECRET[\s\S]*openssl rand -base64 32/,
      );
      expect(fs.existsSync(path.join(dir, "auth-secret"))).toBe(false);
      const given = "s".repeat(44);
      expect(ensureAuthSecret({ env: { ...external, AUTH_SECRET: given } })).toBe(given);
      // The embedded default still makes one, once, and keeps it.
      const embedded = parseEnv({ source: { DATA_DIR: dir } as unknown as NodeJS.ProcessEnv });
      const made = ensureAuthSecret({ env: embedded });
      expect(made.length).toBeGreaterThanOrEqual(32);
      expect(ensureAuthSecret({ env: embedded })).toBe(made);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps backups in DATA_DIR/backups unless BACKUP_DIR names another folder", () => {
    const at = (source: Record<string, string>) =>
      parseEnv({ source: source as unknown as NodeJS.ProcessEnv }).BACKUP_DIR;
    expect(at({ DATA_DIR: "/srv/app" })).toBe("/srv/app/backups");
    expect(at({ DATA_DIR: "/srv/app", BACKUP_DIR: "/mnt/backup/app/" })).toBe("/mnt/backup/app");
  });

  it("seeds demo data by default only on the embedded database", () => {
    const demo = (source: Record<string, string>) =>
      wantsDemoData({ env: parseEnv({ source: source as NodeJS.ProcessEnv }) });
    expect(demo({})).toBe(true);
    expect(demo({ DATABASE_URL: "postgresql://db.example/app" })).toBe(false);
    expect(demo({ DATABASE_URL: "postgresql://db.example/app", DEMO_DATA: "1" })).toBe(true);
    expect(demo({ DEMO_DATA: "0" })).toBe(false);
    expect(() => demo({ DEMO_DATA: "yes" })).toThrow(/DEMO_DATA/);
  });
});
