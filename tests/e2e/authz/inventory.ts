// What the app actually serves, read from its sources: every app/**/page.tsx, every exported
// HTTP method of every app/**/route.ts, and every exported function of lib/actions/*.ts.
import fs from "node:fs";
import path from "node:path";

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory()
        ? walk(path.join(dir, d.name))
        : [path.join(dir, d.name).replaceAll("\\", "/")],
    );
}

/** Exported names of a module's source: functions, consts and `export { a as B }` lists. */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/g))
    names.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)/g))
    names.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
    for (const part of m[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.add(name);
    }
  return [...names];
}

export function discoverEndpoints(root = process.cwd()) {
  const app = walk(path.join(root, "app")).map((f) => path.relative(root, f).replaceAll("\\", "/"));
  const pages = app.filter((f) => /\/page\.tsx?$/.test(f)).sort();
  const routes = app
    .filter((f) => /\/route\.tsx?$/.test(f))
    .flatMap((file) => {
      const names = exportedNames(fs.readFileSync(path.join(root, file), "utf8"));
      return HTTP_METHODS.filter((m) => names.includes(m)).map((method) => `${method} ${file}`);
    })
    .sort();
  const actionsDir = path.join(root, "lib", "actions");
  const actions = fs
    .readdirSync(actionsDir)
    .filter((f) => /\.tsx?$/.test(f))
    .flatMap((f) => {
      const source = fs.readFileSync(path.join(actionsDir, f), "utf8");
      if (!/^\s*["']use server["']/.test(source)) return [];
      // In a "use server" module every exported function is a Server Action.
      return exportedNames(source).map((name) => `lib/actions/${f}#${name}`);
    })
    .sort();
  return { pages, routes, actions };
}
