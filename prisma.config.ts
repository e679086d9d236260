import { defineConfig } from "prisma/config";
import { createMigrateAdapter } from "./lib/db/migrate-adapter";
import { resolveDatabaseUrlSync } from "./lib/db/url";

// The Prisma CLI runs offline through its JS schema engine and adapter-pg (Prisma 7 would
// download a native engine). The adapter carries three workarounds: lib/db/migrate-adapter.ts.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => createMigrateAdapter({ url: resolveDatabaseUrlSync() }),
});
