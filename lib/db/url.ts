import path from "node:path";
import { getEnv } from "../env";
import { embeddedUrl, readPidFile } from "../pg/embedded";

export const embeddedPgDir = () => path.join(getEnv().DATA_DIR, "pg");

/**
 * DATABASE_URL when set; otherwise the embedded server that `npm start` runs under
 * DATA_DIR/pg, found through its postmaster.pid (line 4 is its port).
 */
export function resolveDatabaseUrlSync(): string {
  const env = getEnv();
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const pgDir = embeddedPgDir();
  const running = readPidFile({ pgDir });
  if (!running) {
    throw new Error(
      `No database: DATABASE_URL is not set and no embedded server is running in ${pgDir}. Run \`npm start\` first, or set DATABASE_URL.`,
    );
  }
  return embeddedUrl({ pgDir, port: running.port });
}
