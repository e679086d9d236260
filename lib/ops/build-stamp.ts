import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// What a production build depends on; a change to any of these means "build again".
const INPUTS = [
  "app",
  "components",
  "lib",
  "questionnaires",
  "public",
  "prisma/schema.prisma",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
// examples/: deployment files shipped for people (lib/ops/examples), not part of the build.
const SKIP = new Set(["node_modules", ".next", "cli", "generated", "examples"]);

function walk(p: string, hash: crypto.Hash) {
  if (!fs.existsSync(p)) return;
  const stat = fs.statSync(p);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p).sort())
      if (!SKIP.has(name)) walk(path.join(p, name), hash);
    return;
  }
  hash.update(p);
  hash.update(fs.readFileSync(p));
}

export function sourceHash({ root = process.cwd() }: { root?: string } = {}): string {
  const hash = crypto.createHash("sha256");
  for (const input of INPUTS) walk(path.join(root, input), hash);
  return hash.digest("hex");
}

const stampFile = (root: string) => path.join(root, distDirName(), "bcdr-source-hash");

export function isBuildCurrent({ root = process.cwd() }: { root?: string } = {}): boolean {
  const f = stampFile(root);
  return (
    fs.existsSync(path.join(root, distDirName(), "BUILD_ID")) &&
    fs.existsSync(f) &&
    fs.readFileSync(f, "utf8") === sourceHash({ root })
  );
}

export function writeBuildStamp({ root = process.cwd(), hash }: { root?: string; hash: string }) {
  fs.writeFileSync(stampFile(root), hash);
}

/** The build folder: `.next`, or NEXT_DIST_DIR (lets parallel test runs keep separate builds). */
export const distDirName = () => process.env.NEXT_DIST_DIR || ".next";
