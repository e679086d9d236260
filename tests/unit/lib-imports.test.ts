import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Imports run downhill: app/ → components/ → lib/. lib/ never imports from components/ or app/
// (pure computation filed under components is found by nobody looking in lib/), and lib/cli/
// holds command-line entry points only, so no other file under lib/ may import from it (a
// library filed as an entry point is found by nobody looking for it).
const ROOT = path.resolve(import.meta.dirname, "../..");
const LIB = path.join(ROOT, "lib");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(p);
    return /\.(ts|tsx|mts)$/.test(e.name) ? [p] : [];
  });
}

/** Every module specifier: static imports, re-exports and dynamic import(). */
function importSpecifiers(source: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;
  for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

/** The path under the repository a specifier points at, or undefined for a package. */
function resolveSpecifier(file: string, spec: string): string | undefined {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (spec.startsWith(".")) return path.relative(ROOT, path.resolve(path.dirname(file), spec));
  return undefined;
}

describe("lib/ imports", () => {
  it("finds static, re-exported and dynamic imports", () => {
    const src = `import a from "../cli/x";\nexport { b } from "@/lib/cli/y";\nconst c = await import("../cli/z");\nimport "./side";`;
    expect(importSpecifiers(src)).toEqual(["../cli/x", "@/lib/cli/y", "../cli/z", "./side"]);
  });

  it("no file under lib/ outside lib/cli/ imports from lib/cli/", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(LIB)) {
      const rel = path.relative(ROOT, file);
      if (rel.startsWith(`lib${path.sep}cli${path.sep}`)) continue;
      for (const spec of importSpecifiers(fs.readFileSync(file, "utf8"))) {
        const target = resolveSpecifier(file, spec);
        if (target && (target === "lib/cli" || target.startsWith("lib/cli/")))
          offenders.push(`${rel} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("no file under lib/ imports from components/ or app/", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(LIB)) {
      const rel = path.relative(ROOT, file);
      for (const spec of importSpecifiers(fs.readFileSync(file, "utf8"))) {
        const target = resolveSpecifier(file, spec);
        if (target && /^(components|app)(\/|$)/.test(target))
          offenders.push(`${rel} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("what benches and commands load outside Next.js loads under tsx (next-auth is not on the way)", () => {
    // lib/errors.ts once imported lib/authz.ts, which pulls in next-auth: bench:dashboard, which
    // loads the dashboard's data functions, then died on "CredentialsProvider is not a function".
    const modules = [
      "@/lib/errors",
      "@/lib/data/users",
      "@/lib/data/dashboard",
      "@/lib/data/extension",
    ];
    const imports = modules.map((m) => `await import(${JSON.stringify(m)});`).join(" ");
    const script = `(async () => { ${imports} console.log("loaded"); })().catch((e) => { console.error(e); process.exit(1); });`;
    const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--eval", script], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, DATABASE_URL: "postgresql://localhost:5432/unused" },
    });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.stdout.trim()).toBe("loaded");
  }, 70_000);
});
