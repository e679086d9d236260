// The PDF render worker. A plain .mjs file, spawned by path (render-pool.ts): Turbopack never
// bundles it, so the same file runs under `next start`, `next dev`, tsx and vitest. It loads
// the TypeScript renderer through tsx's loader (a runtime dependency), once per worker.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register({ tsconfig: path.join(workerData.root, "tsconfig.json") });
const { renderReportPdf } = await import(
  pathToFileURL(path.join(workerData.root, "components/pdf/render.tsx")).href
);

parentPort.on("message", async ({ id, report }) => {
  let last = 0;
  const onProgress = (fraction) => {
    // Throttled: a 200-page report would otherwise post 200 messages.
    if (fraction - last < 0.02 && fraction < 1) return;
    last = fraction;
    parentPort.postMessage({ id, progress: fraction });
  };
  try {
    const buffer = await renderReportPdf({ report, onProgress });
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
    parentPort.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.stack || e.message : String(e) });
  }
});
parentPort.postMessage({ ready: true });
