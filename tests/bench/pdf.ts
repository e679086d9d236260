// npm run bench:pdf — first a kept report's download through the app (tests/bench/kept-pdf.ts:
// the demo app over HTTP; `BENCH_PDF_SKIP_KEPT=1` leaves it out), then the assessment report
// through react-pdf at 100 and 1,000 answer/flag rows (in the same worker the app uses), and
// the same 1,000-row report's HTML print view printed by a warm headless Chromium (page.pdf).
// First, a 200-site answer (the most allowed; issue 12 item 3): its distance table rows, the
// PDF's pages and size and the render time. `BENCH_PDF_SITES_ONLY=1` stops after that part;
// `BENCH_PDF_OUT=file.pdf` keeps that PDF to look at.
//
// Like with like: both sides get the same data and are timed warm (one untimed run first:
// module load, fonts and JIT for react-pdf; browser start and first layout for Chromium),
// then BENCH_RUNS (5) runs: the medians, and B/C as the median of the paired runs' ratios. The worker runs with NODE_ENV=production, as under
// `next start`. The print view gets the app's own Tailwind CSS, compiled here from
// app/globals.css, so Chromium lays out the styled page the app serves (without CSS it
// printed unstyled HTML, which is less work than the real print view).
import fs from "node:fs";
import { chromium } from "@playwright/test";
import tailwind from "@tailwindcss/postcss";
import postcss from "postcss";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PrintReport } from "@/components/reports/print-report";
import { renderPdf } from "@/lib/reports/render-pool";
import { buildManySites } from "../helpers/sites";
import { buildSyntheticReport } from "../helpers/synthetic-report";
import { benchKeptDownload } from "./kept-pdf";

// Read when the worker starts (after this line): React and react-pdf load their production builds.
Object.assign(process.env, { NODE_ENV: "production" });

/** Page objects in a PDF (either writer: Chromium nests its page tree, pdfkit does not). */
const pdfPageCount = (pdf: Uint8Array) =>
  Buffer.from(pdf)
    .toString("latin1")
    .match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function timeIt(fn: () => Promise<unknown>) {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push((performance.now() - t) / 1000);
  }
  return median(times);
}

async function appCss(): Promise<string> {
  const from = "app/globals.css";
  const out = await postcss([tailwind({ base: process.cwd() })]).process(
    fs.readFileSync(from, "utf8"),
    { from },
  );
  return out.css;
}

if (!process.env.BENCH_PDF_SKIP_KEPT) await benchKeptDownload();

const manySites = buildSyntheticReport({ rows: 40, sites: buildManySites({ count: 200 }) });
{
  let bytes: Uint8Array = new Uint8Array();
  const t = await timeIt(async () => {
    bytes = await renderPdf({ report: manySites });
  });
  if (process.env.BENCH_PDF_OUT) fs.writeFileSync(process.env.BENCH_PDF_OUT, bytes);
  console.log(
    `200 sites: ${manySites.distances.length} distance rows (all pairs: 19,900); pdf ${pdfPageCount(bytes)} pages, ${(bytes.byteLength / 1024).toFixed(0)} KB, ${t.toFixed(2)} s`,
  );
  if (process.env.BENCH_PDF_SITES_ONLY) process.exit(0);
}

const small = buildSyntheticReport({ rows: 100 });
const large = buildSyntheticReport({ rows: 1000 });
const a = await timeIt(() => renderPdf({ report: small }));
console.log(`react-pdf 100 rows: ${a.toFixed(2)} s`);

// B (react-pdf, 1,000 rows) and C (Chromium printing the print view of the same report) are
// timed in pairs, B then C, and the ratio is the median of the pairs' ratios: a load spike on
// this shared machine then slows one pair, not all the runs of one side.
const html = `<!doctype html><html><head><meta charset="utf-8"><style>${await appCss()}</style></head><body>${renderToStaticMarkup(createElement(PrintReport, { report: large }))}</body></html>`;
const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--headless"],
});
const page = await browser.newPage();
let pdfPages = 0;
let chromiumPages = 0;
const renderB = async () => {
  pdfPages = pdfPageCount(await renderPdf({ report: large }));
};
const renderC = async () => {
  await page.setContent(html, { waitUntil: "load" });
  chromiumPages = pdfPageCount(await page.pdf({ format: "A4", printBackground: true }));
};
const seconds = async (fn: () => Promise<void>) => {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
};
await renderB(); // warm-up of both sides
await renderC();
const pairs: { b: number; c: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  const pair = { b: await seconds(renderB), c: await seconds(renderC) };
  pairs.push(pair);
  console.log(
    `pair ${i + 1}: react-pdf ${pair.b.toFixed(2)} s, chromium ${pair.c.toFixed(2)} s, B/C ${(pair.b / pair.c).toFixed(2)}`,
  );
}
await browser.close();
const b = median(pairs.map((p) => p.b));
const c = median(pairs.map((p) => p.c));
const ratio = median(pairs.map((p) => p.b / p.c));
console.log(`react-pdf 1000 rows: ${b.toFixed(2)} s (${pdfPages} pages)`);
console.log(`chromium 1000 rows: ${c.toFixed(2)} s (${chromiumPages} pages)`);

const f = (n: number) => n.toFixed(2);
console.log(
  `pdf 100 rows ${f(a)} s; 1000 rows ${f(b)} s; chromium 1000 rows ${f(c)} s; growth B/A = ${f(b / a)}; vs chromium B/C = ${f(ratio)}`,
);
process.exit(0);
