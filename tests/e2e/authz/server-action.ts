// Calls a Server Action over real HTTP the way the browser does: POST to a page that uses it,
// `Next-Action: <id>` from the build's server-reference manifest, a same-origin Origin (proxy.ts
// refuses cross-site mutations), and the arguments encoded as React's encodeReply encodes plain
// JSON values (a text/plain JSON array; `undefined` becomes "$undefined", a string starting
// with "$" gets one more "$"). The answer is a React Flight stream; row 0 names the row that
// holds the action's return value.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";

type TManifestEntry = {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
};

export type TActionRef = { id: string; file: string; name: string; workers: string[] };

let manifest: TActionRef[] | undefined;

/** Every Server Action of the build under test, from `<distDir>/server/server-reference-manifest.json`. */
export function actionManifest({
  distDir = process.env.NEXT_DIST_DIR || ".next",
}: {
  distDir?: string;
} = {}): TActionRef[] {
  if (manifest) return manifest;
  const file = path.join(distDir, "server", "server-reference-manifest.json");
  const json = JSON.parse(fs.readFileSync(file, "utf8")) as {
    node: Record<string, TManifestEntry>;
  };
  manifest = Object.entries(json.node).map(([id, v]) => ({
    id,
    file: v.filename,
    name: v.exportedName,
    workers: Object.keys(v.workers),
  }));
  return manifest;
}

export function findAction({ file, name }: { file: string; name: string }): TActionRef {
  const found = actionManifest().filter((a) => a.file === file && a.name === name);
  if (found.length !== 1)
    throw new Error(
      `${file}#${name}: ${found.length} entries in the server-reference manifest (expected 1); is it used by a page?`,
    );
  return found[0]!;
}

/** The page route a worker entry serves: "app/(staff)/vendors/[vendorId]/page" → "/vendors/[vendorId]". */
export function workerRoute(worker: string): string {
  const route = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .join("/");
  return `/${route}`;
}

/** React's encodeReply for JSON-only arguments. */
export function encodeArgs(args: unknown[]): string {
  const encode = (v: unknown): unknown => {
    if (v === undefined) return "$undefined";
    if (typeof v === "string") return v.startsWith("$") ? `$${v}` : v;
    if (Array.isArray(v)) return v.map(encode);
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
    return v;
  };
  return JSON.stringify(args.map(encode));
}

/** The action's return value from a Flight response, or undefined when there is none. */
export function parseFlightResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  const root = rows.get("0");
  if (!root) return undefined;
  const ref = (JSON.parse(root) as { a?: unknown }).a;
  if (typeof ref !== "string" || !ref.startsWith("$@")) return undefined;
  const row = rows.get(ref.slice(2));
  return row === undefined ? undefined : JSON.parse(row);
}

export type TActionCall = {
  response: APIResponse;
  status: number;
  location: string | null;
  body: string;
  result: unknown;
};

export async function callAction(
  api: APIRequestContext,
  {
    action,
    page,
    args,
    origin,
  }: { action: TActionRef; page: string; args: unknown[]; origin: string },
): Promise<TActionCall> {
  const response = await api.post(page, {
    headers: {
      "Next-Action": action.id,
      Origin: origin,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
    },
    data: encodeArgs(args),
    maxRedirects: 0,
  });
  const body = (await response.body()).toString("utf8");
  const isFlight = (response.headers()["content-type"] ?? "").includes("text/x-component");
  return {
    response,
    status: response.status(),
    location: response.headers().location ?? null,
    body,
    result: isFlight ? parseFlightResult(body) : undefined,
  };
}
