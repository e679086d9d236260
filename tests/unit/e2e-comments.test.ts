import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A browser test is slow and its failure is read by someone who did not write it: the first
// comment of every spec says what it guards against, so a red run says what is at stake.

const E2E = path.join(import.meta.dirname, "../e2e");

/** The first `//` comment block of a file, joined into one line. */
function firstComment(source: string): string | undefined {
  const lines = source.split("\n");
  const start = lines.findIndex((l) => l.trimStart().startsWith("//"));
  if (start < 0) return undefined;
  const block: string[] = [];
  for (const line of lines.slice(start)) {
    if (!line.trimStart().startsWith("//")) break;
    block.push(line.trimStart().replace(/^\/\/\s?/, ""));
  }
  return block.join(" ");
}

describe("e2e specs", () => {
  it("reads the first comment block, wherever it starts", () => {
    const src = 'import x from "y";\n\n// Guards against A\n// and B.\nconst c = 1; // later\n';
    expect(firstComment(src)).toBe("Guards against A and B.");
    expect(firstComment("const a = 1;\n")).toBeUndefined();
  });

  it("each names in its first comment what it guards against", () => {
    const specs = fs.readdirSync(E2E).filter((f) => f.endsWith(".spec.ts"));
    expect(specs.length).toBeGreaterThan(10);
    const missing = specs.filter(
      (f) =>
        !/^Guards against /.test(firstComment(fs.readFileSync(path.join(E2E, f), "utf8")) ?? ""),
    );
    expect(missing, "specs whose first comment does not start with 'Guards against'").toEqual([]);
  });
});
