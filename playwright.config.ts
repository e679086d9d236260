import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// Every run gets its own DATA_DIR (embedded database, uploads, outbox) under the temp dir,
// so the `postgres` OS user can reach it when tests run as root. Workers inherit it.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-e2e-"));
fs.chmodSync(process.env.E2E_DATA_DIR, 0o755);
const port = Number(process.env.E2E_PORT ?? 3100);
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 3125);
process.env.E2E_SMTP_PORT = String(smtpPort);
process.env.E2E_BASE_URL = `http://localhost:${port}`;
// The OpenID Connect provider tests/e2e/sso.spec.ts starts (tests/e2e/oidc-idp.ts); the app
// discovers it only when someone signs in with it, so it need not be up before the app.
process.env.E2E_OIDC_PORT ??= String(smtpPort + 1);
process.env.E2E_OIDC_ISSUER = `http://127.0.0.1:${process.env.E2E_OIDC_PORT}`;
process.env.E2E_OIDC_CLIENT_ID = "bcdr-e2e";
process.env.E2E_OIDC_CLIENT_SECRET = "e2e-client-secret-not-a-secret";

// Debian's Chromium by default (nothing is downloaded); Playwright's own browser otherwise.
const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ??
  (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  // npm test runs two Playwright processes side by side on two cores (tests/run.ts): a journey
  // that takes 45 s alone can take 70 s there, so the budget per test is two minutes.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.PW_JSON_OUTPUT
    ? [["list"], ["json", { outputFile: process.env.PW_JSON_OUTPUT }]]
    : "list",
  // One output folder per port, so parallel runs on one checkout don't delete each other's traces.
  outputDir: `test-results/e2e-${port}`,
  globalTeardown: "./tests/e2e/global-teardown.ts",
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
      ],
    },
  },
  webServer: [
    {
      // A real SMTP server: the app sends invitations and reminders to it.
      command: "node_modules/.bin/tsx tests/e2e/smtp-sink.ts",
      port: smtpPort,
      reuseExistingServer: false,
      env: { E2E_DATA_DIR: process.env.E2E_DATA_DIR, E2E_SMTP_PORT: String(smtpPort) },
    },
    {
      command: "node_modules/.bin/tsx lib/cli/start.ts",
      url: `${process.env.E2E_BASE_URL}/api/health`,
      timeout: 900_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      env: {
        DATA_DIR: process.env.E2E_DATA_DIR,
        PORT: String(port),
        APP_URL: process.env.E2E_BASE_URL,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        // Requests from 127.0.0.2 stand for a reverse proxy's (tests/e2e/raw-http.ts); the
        // browser and every other local address are direct clients.
        TRUSTED_PROXIES: "127.0.0.2",
        // The webhook receiver of tests/e2e/webhooks.spec.ts listens on 127.0.0.1: allowed
        // here only; its retries come 100× sooner than in production.
        WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
        WEBHOOK_RETRY_SCALE: "0.01",
        NEXT_TELEMETRY_DISABLED: "1",
        OIDC_ISSUER: process.env.E2E_OIDC_ISSUER,
        OIDC_CLIENT_ID: process.env.E2E_OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET: process.env.E2E_OIDC_CLIENT_SECRET,
        OIDC_NAME: "Test IdP",
      },
    },
  ],
});
