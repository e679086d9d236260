import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Guards against a folder nobody can find: the README's "Where things are" names every folder
// of lib/ and components/, so a newcomer reading it learns where each fact lives.
const ROOT = path.resolve(import.meta.dirname, "../..");
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const section = readme.slice(
  readme.indexOf("## Where things are"),
  readme.indexOf("Design notes:"),
);

const folders = (dir: string) =>
  fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

describe("README: where things are", () => {
  it("has the section", () => {
    expect(section.length).toBeGreaterThan(100);
  });

  it.each(["lib", "components"])("names every folder of %s/", (dir) => {
    const missing = folders(dir).filter(
      (name) => !new RegExp(`(^|[\\s/])${name}/`, "m").test(section),
    );
    expect(missing).toEqual([]);
  });
});
