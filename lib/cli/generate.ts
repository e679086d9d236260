import { spawnSync } from "node:child_process";
import path from "node:path";

// `prisma generate` works offline only while DATABASE_URL parses as a URL; it never connects.
const r = spawnSync(path.join("node_modules", ".bin", "prisma"), ["generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || "postgresql://localhost:5432/placeholder",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(r.status ?? 1);
