// npm run bench:pdf — the assessment report through react-pdf at 100 and 1,000 answer/flag
// rows (in the same worker the app uses), and the same 1,000-row report's HTML print view
// printed by a warm headless Chromium (page.pdf). No server or database needed.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PrintReport } from "@/components/reports/print-report";
import { renderPdf } from "@/lib/reports/render-pool";
import { buildSyntheticReport } from "@/lib/reports/synthetic";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function timeIt(fn: () => Promise<unknown>) {
  await fn(); // warm-up: module load, fonts, JIT
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push((performance.now() - t) / 1000);
  }
  return median(times);
}

function tailwindCss(): string {
  // The print view's utility classes, from the app's last build when there is one.
  for (const dir of [process.env.NEXT_DIST_DIR, ".next-pdf", ".next"].filter(Boolean) as string[]) {
    const css = path.join(dir, "static", "chunks");
    if (!fs.existsSync(css)) continue;
    const files = fs.readdirSync(css).filter((f) => f.endsWith(".css"));
    if (files.length)
      return files.map((f) => fs.readFileSync(path.join(css, f), "utf8")).join("\n");
  }
  return "";
}

const small = buildSyntheticReport({ rows: 100 });
const large = buildSyntheticReport({ rows: 1000 });
const a = await timeIt(() => renderPdf({ report: small }));
console.log(`react-pdf 100 rows: ${a.toFixed(2)} s`);
const b = await timeIt(() => renderPdf({ report: large }));
console.log(`react-pdf 1000 rows: ${b.toFixed(2)} s`);

const html = `<!doctype html><html><head><meta charset="utf-8"><style>${tailwindCss()}</style></head><body>${renderToStaticMarkup(createElement(PrintReport, { report: large }))}</body></html>`;
const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--headless"],
});
const page = await browser.newPage();
const c = await timeIt(async () => {
  await page.setContent(html, { waitUntil: "load" });
  await page.pdf({ format: "A4", printBackground: true });
});
await browser.close();
console.log(`chromium 1000 rows: ${c.toFixed(2)} s`);

const f = (n: number) => n.toFixed(2);
console.log(
  `pdf 100 rows ${f(a)} s; 1000 rows ${f(b)} s; chromium 1000 rows ${f(c)} s; growth B/A = ${f(b / a)}; vs chromium B/C = ${f(b / c)}`,
);
process.exit(0);
