// npm run bench:portal — the vendor's first visit, as a phone on a mobile network feels it. The app
// as `npm start` brings it up (embedded database, demo data, production build) plus one sent
// assessment and its vendor link; then, for the portal page and for /login:
// - the first-load JavaScript: every <script src> of the page's HTML (but `nomodule` ones) fetched and gzipped here
//   (level 9, as a CDN would send it), summed; and the HTML itself gzipped;
// - Lighthouse (npm package, Debian's Chromium) with its default mobile profile and simulated
//   throttling (Moto G Power, slow 4G): LCP, the median of BENCH_RUNS (3) runs.
// Last line: `portal first-load JS A KB gzip; HTML B KB gzip; LCP C ms`. Goal: A ≤ 200, C ≤ 2500.
//
// Where the weight came from, and what was cut (issue 23; measured by this bench, gzip):
// - Before: portal 296.3 KB JS (of which 38.6 KB were the nomodule polyfills, which this bench
//   counted by mistake: React writes `noModule` after `src`), HTML 97.7 KB, LCP 3161 ms;
//   /login 234.2 KB JS. Counted right: portal 257.7 KB, /login 195.6 KB.
// - The sites map: world-atlas's country shapes and topojson (~40 KB) were in the portal's
//   JavaScript, and the drawn world (~200 KB of SVG path, 78 KB gzip) in its HTML. The browser
//   now draws only the points and arcs (d3-geo's projection) over a basemap file the server
//   draws per view (app/api/respond/[token]/basemap; components/geo/linked-world-map.tsx).
// - Barrel imports: the client imported lib/questionnaires (both core questionnaires' JSON,
//   ~11 KB) and the extension and thread schemas for a prefix and a status list.
//   Together: portal 257.7 → 205.9 KB JS, HTML 97.7 → 18.1 KB.
// - zod: the browser's checks (a site, a country code, the sign-in form) are zod/mini schemas,
//   the same ones the server parses with; zod's full build left both pages. zod's core stays
//   (~23 KB: its schemas module does not tree-shake). Portal 205.9 → 198.5 KB.
// - /login: next-auth/react (signIn, with SessionProvider and its babel runtime) replaced by the
//   same two requests (lib/identity/sign-in-client.ts); with zod/mini, 195.6 → 180.6 KB.
// - After: portal 198.5 KB JS, HTML 18.2 KB, LCP 1918 ms (runs 1765, 3152, 1918); /login
//   180.6 KB, LCP 995 ms. What is left is mostly the framework (react-dom ~64 KB, the Next.js
//   router and runtime ~90 KB), zod's core, react-hook-form on /login and d3-geo in the portal.
//
// Env: BENCH_RUNS (3), BENCH_PORT (a free one), NEXT_DIST_DIR (.next-bench).
import zlib from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { createPrismaClient } from "@/lib/db";
import { ensureSeedQuestionnaireVersion } from "@/prisma/seed";
import { insertPortalLink } from "../helpers/portal-link";
import { startDemoApp } from "./demo-app";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const log = (s: string) => console.log(`[bench] ${s}`);
const kb = (n: number) => (n / 1024).toFixed(1);
const gzip = (b: Buffer) => zlib.gzipSync(b, { level: 9 }).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The page's HTML and the scripts it loads on first visit, each gzipped. */
async function weigh(url: string) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
  const html = Buffer.from(await res.arrayBuffer());
  // A `nomodule` script (the framework's polyfills) is never fetched by a browser that runs modules.
  // React writes the attribute after src (`<script src="…" noModule="">`): look at the whole tag.
  const srcs = [...html.toString("utf8").matchAll(/<script\b([^>]*)>/g)]
    .filter((m) => !/\snomodule\b/i.test(m[1]!))
    .flatMap((m) => {
      const src = /\ssrc="([^"]+)"/.exec(m[1]!)?.[1];
      return src ? [new URL(src.replaceAll("&amp;", "&"), url).toString()] : [];
    });
  let js = 0;
  for (const src of new Set(srcs)) {
    const r = await fetch(src);
    if (!r.ok) throw new Error(`${src} answered HTTP ${r.status}`);
    js += gzip(Buffer.from(await r.arrayBuffer()));
  }
  return { js, html: gzip(html), scripts: new Set(srcs).size, htmlRaw: html.length };
}

async function lcp(url: string, port: number) {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
  });
  const audits = result?.lhr.audits;
  const ms = audits?.["largest-contentful-paint"]?.numericValue;
  if (typeof ms !== "number") throw new Error(`Lighthouse gave no LCP for ${url}`);
  return {
    lcp: ms,
    fcp: audits?.["first-contentful-paint"]?.numericValue ?? Number.NaN,
    tbt: audits?.["total-blocking-time"]?.numericValue ?? Number.NaN,
  };
}

log("starting the app on a fresh DATA_DIR (builds first when the sources changed)…");
const app = await startDemoApp({ distDir: process.env.NEXT_DIST_DIR ?? ".next-bench" });
const db = createPrismaClient({ url: app.databaseUrl });
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  const qv = await ensureSeedQuestionnaireVersion({ prisma: db });
  const { token } = await insertPortalLink(db, {
    email: "bench@vendor.example",
    questionnaireVersionId: qv.id,
    dueDate: new Date(Date.now() + 14 * 86_400_000),
  });
  const pages = { portal: `${app.baseUrl}/respond/${token}`, login: `${app.baseUrl}/login` };
  for (const url of Object.values(pages)) await weigh(url); // compiles nothing, warms caches
  chrome = await chromeLauncher.launch({
    chromePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
    ],
  });
  const results: Record<string, { js: number; html: number; lcp: number }> = {};
  for (const [name, url] of Object.entries(pages)) {
    const w = await weigh(url);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await lcp(url, chrome.port));
    const m = median(runs.map((r) => r.lcp));
    const at = runs.find((r) => r.lcp === m)!;
    log(
      `${name}: ${w.scripts} scripts, JS ${kb(w.js)} KB gzip; HTML ${kb(w.html)} KB gzip (${kb(w.htmlRaw)} KB); ` +
        `LCP ${runs.map((r) => r.lcp.toFixed(0)).join(", ")} ms (median ${m.toFixed(0)}; its FCP ${at.fcp.toFixed(0)} ms, TBT ${at.tbt.toFixed(0)} ms)`,
    );
    results[name] = { js: w.js, html: w.html, lcp: m };
  }
  const l = results.login!;
  console.log(
    `login first-load JS ${kb(l.js)} KB gzip; HTML ${kb(l.html)} KB gzip; LCP ${l.lcp.toFixed(0)} ms`,
  );
  const p = results.portal!;
  console.log(
    `portal first-load JS ${kb(p.js)} KB gzip; HTML ${kb(p.html)} KB gzip; LCP ${p.lcp.toFixed(0)} ms`,
  );
} finally {
  chrome?.kill();
  await db.$disconnect();
  await app.stop();
}
process.exit(0);
