import { PrismaPg } from "@prisma/adapter-pg";
import { poolConfigFromUrl } from "./db/pg-config";
import { resolveDatabaseUrlSync } from "./db/url";
import { PrismaClient } from "./generated/prisma/client";

export { Prisma } from "./generated/prisma/client";

export function createPrismaClient({ url }: { url: string }): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ ...poolConfigFromUrl({ url }), max: 10 }) });
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
