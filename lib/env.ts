import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { parseProxyRule, splitProxyList } from "./security/trusted-proxies";

// Every setting is read here, once, and checked; a bad value stops start-up with its name.
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/./.test(v), "must be a postgresql:// URL")
    .optional(),
  APP_URL: z.url().optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Seed the demo organisation on an empty database: default yes when embedded, no when external. */
  DEMO_DATA: z
    .enum(["0", "1"], { error: "must be 1 (seed the demo organisation) or 0 (do not)" })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "1")),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/./.test(v), "must be an smtp:// or smtps:// URL")
    .optional(),
  /** Where backups go; best on another disk than the database's (default DATA_DIR/backups). */
  BACKUP_DIR: z.string().min(1).optional(),
  /** Where evidence and report files live: default postgres with DATABASE_URL, disk without. */
  STORAGE: z.enum(["disk", "postgres"], { error: "must be disk or postgres" }).optional(),
  BACKUP_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(15),
  BACKUP_RETENTION: z.coerce.number().int().min(1).default(96),
  /** On SIGTERM: seconds still served while /api/ready says 503, then the most spent finishing. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(300).default(3),
  SHUTDOWN_LIMIT_SECONDS: z.coerce.number().min(1).max(600).default(30),
  /** How long dashboard figures are shared before a request refreshes them. */
  DASHBOARD_CACHE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  // Reverse proxies whose X-Forwarded-* headers are believed (lib/security/trusted-proxies.ts).
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform(splitProxyList)
    .refine(
      (list) => list.every((e) => parseProxyRule(e) !== null),
      "must be IP addresses or CIDR ranges separated by commas, e.g. 10.0.0.5, 10.1.0.0/16",
    )
    .transform((list) => list.map((e) => parseProxyRule(e)!)),
  // Single sign-on through an OpenID Connect provider (lib/identity/oidc.ts): all three or none.
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: "must be the provider's issuer URL" })
    .optional(),
  OIDC_CLIENT_ID: z.string().max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().max(2000).optional(),
  /** The provider's name on the sign-in button ("Sign in with …"). */
  OIDC_NAME: z.string().max(60).optional(),
  // Webhooks (lib/webhooks): addresses outside the public internet that endpoints may still
  // reach (IPs or CIDR ranges, e.g. 10.0.0.7, 127.0.0.1/32); none by default.
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform(splitProxyList)
    .refine(
      (list) => list.every((e) => parseProxyRule(e) !== null),
      "must be IP addresses or CIDR ranges separated by commas, e.g. 10.0.0.7, 192.168.1.0/24",
    ),
  /** Multiplies the retry delays (10 s, 30 s, 2 min …): tests make them short. */
  WEBHOOK_RETRY_SCALE: z.coerce.number().positive().max(1).default(1),
  /** Failed attempts in a row after which an endpoint is turned off. */
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(1000).default(20),
});

export type TEnv = z.infer<typeof ZEnv> & {
  DATA_DIR: string;
  APP_URL: string;
  BACKUP_DIR: string;
  STORAGE: "disk" | "postgres";
};

/** Backups' folder when BACKUP_DIR is not set. */
export const defaultBackupDir = (dataDir: string) => path.join(dataDir, "backups");

export class EnvError extends Error {}

function blankToUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(ZEnv.shape)) {
    const v = source[key];
    out[key] = v === undefined || v.trim() === "" ? undefined : v.trim();
  }
  return out;
}

export function parseEnv({ source = process.env }: { source?: NodeJS.ProcessEnv } = {}): TEnv {
  const result = ZEnv.superRefine((e, ctx) => {
    const oidc = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!e[key])
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "is required when any OIDC_ setting is given",
          });
      }
    }
  }).safeParse(blankToUndefined(source));
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) =>
        `  ${i.path.join(".")}: ${i.message} (got ${JSON.stringify(source[String(i.path[0])])})`,
    );
    throw new EnvError(`Invalid setting(s):\n${lines.join("\n")}`);
  }
  const env = result.data;
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    ...env,
    DATA_DIR: dataDir,
    BACKUP_DIR: path.resolve(env.BACKUP_DIR ?? defaultBackupDir(dataDir)),
    // An external database may serve several instances: files go where all of them read.
    STORAGE: env.STORAGE ?? (env.DATABASE_URL ? "postgres" : "disk"),
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
  };
}

let cached: TEnv | undefined;
export function getEnv(): TEnv {
  cached ??= parseEnv();
  return cached;
}

export function dataPath(...parts: string[]): string {
  return path.join(getEnv().DATA_DIR, ...parts);
}

/** Whether an empty database gets the demo organisation (else a one-time setup link). */
export const wantsDemoData = ({ env }: { env: TEnv }) => env.DEMO_DATA ?? !env.DATABASE_URL;

/**
 * The auth secret: from AUTH_SECRET, else generated once into DATA_DIR (mode 600). With an
 * external database (DATABASE_URL) there may be several instances, each with its own DATA_DIR:
 * a secret of one would not open another's sessions, so it must be given.
 */
export function ensureAuthSecret({ env }: { env: TEnv }): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.DATABASE_URL) {
    throw new EnvError(
      "AUTH_SECRET is required when DATABASE_URL is set: every instance on that database must sign sessions with the same secret.\n" +
        'Make one with  openssl rand -base64 32  and give the same value to every instance, e.g.  AUTH_SECRET="$(openssl rand -base64 32)"',
    );
  }
  const file = path.join(env.DATA_DIR, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(env.DATA_DIR, { recursive: true });
  const secret = crypto.randomBytes(48).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The secret sessions are signed with (NEXTAUTH_SECRET when set, as next-auth reads it). */
export function getAuthSecret(): string {
  return process.env.NEXTAUTH_SECRET || ensureAuthSecret({ env: getEnv() });
}

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;
export const tmpRoot = () => os.tmpdir();
