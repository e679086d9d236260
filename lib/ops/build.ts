import { spawnSync } from "node:child_process";
import path from "node:path";
import { isBuildCurrent, sourceHash, writeBuildStamp } from "./build-stamp";

/**
 * The production build, made only when the sources changed since the last one (the stamp in
 * the build folder says which sources it was made from). `npm start` calls it before serving;
 * `npm run build` and the test runner call it up front, so that several servers started
 * afterwards find it current and none of them builds.
 */
export function ensureBuild({
  env = process.env,
  log,
}: {
  env?: NodeJS.ProcessEnv;
  log: (line: string) => void;
}): { built: boolean } {
  if (isBuildCurrent()) return { built: false };
  log("building the app (first start or changed sources; ~1 minute)…");
  const hash = sourceHash();
  const nextBin = path.join(process.cwd(), "node_modules", ".bin", "next");
  const r = spawnSync(nextBin, ["build"], {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed (see above)");
  writeBuildStamp({ hash });
  return { built: true };
}
