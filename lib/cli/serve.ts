import { EnvError, getEnv } from "../env";
import { serveApp } from "../security/front";

// The app's server process (started by lib/cli/start.ts, which supervises it): Next.js behind
// the front that decides which forwarding headers to believe (lib/security/front.ts).
const dev = process.argv.includes("--dev");

try {
  const { PORT } = getEnv();
  await serveApp({ port: PORT, dev });
  console.log(`[serve] listening on port ${PORT}${dev ? " (development)" : ""}`);
} catch (e) {
  console.error(`[serve] ${e instanceof EnvError ? e.message : ((e as Error).stack ?? e)}`);
  process.exit(1);
}
