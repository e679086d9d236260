import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { drainServer, isDraining, trackRequests } from "@/lib/ops/shutdown";

// Guards against a rolling restart losing an acknowledged answer: SIGTERM used to close the
// server and exit after at most 5 s whatever was in flight, while /api/ready still said 200.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function get(port: number, path: string) {
  return new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
    http
      .get({ port, path, agent: false }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () =>
          resolve({ status: res.statusCode!, body, connection: res.headers.connection }),
        );
      })
      .on("error", reject);
  });
}

describe("draining on SIGTERM", () => {
  it("says not ready, keeps serving for the grace, refuses new connections, finishes the ones in flight", async () => {
    const server = http.createServer(async (req, res) => {
      if (req.url === "/slow") await sleep(800); // an autosave still writing
      res.end(isDraining() ? `draining ${req.url}` : `ok ${req.url}`);
    });
    trackRequests({ server });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;

    expect(await get(port, "/before")).toMatchObject({ status: 200, body: "ok /before" });
    const slow = get(port, "/slow");
    await sleep(50);
    const drained = drainServer({ server, graceMs: 300, limitMs: 5_000 });
    // During the grace the instance still answers, each response closing its connection.
    expect(await get(port, "/grace")).toEqual({
      status: 200,
      body: "draining /grace",
      connection: "close",
    });
    await sleep(350);
    await expect(get(port, "/after")).rejects.toThrow(/ECONNREFUSED/);
    expect(await slow).toMatchObject({ status: 200, body: "draining /slow" });
    expect(await drained).toEqual({ unfinished: 0 });
  });
});
