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
});
