import type pg from "pg";

// Discrete fields rather than connectionString: with a connection string, the Prisma CLI's
// shadow database silently points back at the real one (measured; see README).
export function poolConfigFromUrl({ url }: { url: string }): pg.PoolConfig {
  const u = new URL(url);
  const sslmode = u.searchParams.get("sslmode");
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: decodeURIComponent(u.password) || undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
    ssl:
      sslmode && sslmode !== "disable"
        ? { rejectUnauthorized: sslmode === "verify-full" }
        : undefined,
  };
}
