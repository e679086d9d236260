import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDefinedAction } from "@/lib/actions/define";

// Guards against a Server Action written by hand (a fifth way to authorize, parse and answer):
// every export of lib/actions/* must come from defineAction, so each checks the session, then
// the permission, then its input, in that order, and answers with one result shape.
const dir = path.resolve(import.meta.dirname, "../../../lib/actions");
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "define.ts")
  .sort();

describe("lib/actions", () => {
  it("has action files", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)("every export of %s is made by defineAction", async (file) => {
    const source = fs.readFileSync(path.join(dir, file), "utf8");
    expect(source.startsWith('"use server";'), `${file} starts with "use server"`).toBe(true);
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    const names = Object.keys(mod);
    expect(names.length).toBeGreaterThan(0);
    const handWritten = names.filter((n) => !isDefinedAction(mod[n]));
    expect(handWritten, `${file}: exports not made by defineAction`).toEqual([]);
  });

  it("tells a hand-written function from a defined one", () => {
    expect(isDefinedAction(async () => ({ data: 1 }))).toBe(false);
    expect(isDefinedAction(undefined)).toBe(false);
  });
});
