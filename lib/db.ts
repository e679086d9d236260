import { PrismaPg } from "@prisma/adapter-pg";
import { poolConfigFromUrl } from "./db/pg-config";
import { resolveDatabaseUrlSync } from "./db/url";
import { Prisma, PrismaClient } from "./generated/prisma/client";

export { Prisma } from "./generated/prisma/client";

/**
 * A pooled client. When the server goes away (restarted, a backend killed), pg drops each
 * broken connection from the pool (an idle one at once, a busy one when released), so the
 * next queries connect afresh: the app recovers without a restart. A server that does not
 * answer at all fails a request after 15 s instead of holding it forever.
 */
export function createPrismaClient({ url }: { url: string }): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({
      ...poolConfigFromUrl({ url }),
      max: 10,
      connectionTimeoutMillis: 15_000,
    }),
  });
}

// One client per process, created on first use (Next.js reloads modules; globalThis survives).
const holder = globalThis as unknown as { __bcdrPrisma?: PrismaClient };

export function getDb(): PrismaClient {
  holder.__bcdrPrisma ??= createPrismaClient({ url: resolveDatabaseUrlSync() });
  return holder.__bcdrPrisma;
}

/** Lets tests and CLI commands point the process at a specific database. */
export function setDb(client: PrismaClient | undefined) {
  holder.__bcdrPrisma = client;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb() as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    return typeof value === "function"
      ? (value as (...a: unknown[]) => unknown).bind(client)
      : value;
  },
});

/** Whether a query failed on a unique index: another request wrote the same row first. */
export function isUniqueViolation(e: unknown): boolean {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (e.code === "P2002") return true;
  // A raw query ($queryRaw) reports it as P2010, with the driver's kind of error.
  const cause = (e.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)?.cause;
  return e.code === "P2010" && cause?.kind === "UniqueConstraintViolation";
}
