import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("settings", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv({ source: {} as NodeJS.ProcessEnv });
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATA_DIR.endsWith("/data")).toBe(true);
    expect(env.DATABASE_URL).toBeUndefined();
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
  ])("names %s when its value %j is bad", (key, value) => {
    expect(() => parseEnv({ source: { [key]: value } as unknown as NodeJS.ProcessEnv })).toThrow(
      EnvError,
    );
    expect(() => parseEnv({ source: { [key]: value } as unknown as NodeJS.ProcessEnv })).toThrow(
      new RegExp(`^[\\s\\S]*${key}`),
    );
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
});
