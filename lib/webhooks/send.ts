import http from "node:http";
import https from "node:https";
import { type TLookup, webhookAgent } from "./address";

export type TPostResult = { status: number } | { error: string };

/**
 * One POST of a webhook. Redirects are not followed (a 3xx counts as a failure: a redirect
 * could point anywhere), the body of the answer is discarded, and the whole call is given
 * `timeoutMs`. The agent refuses non-public addresses at connect time (./address.ts).
 */
export function postWebhook({
  url,
  body,
  headers,
  timeoutMs = 10_000,
  allowed,
  lookup,
}: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs?: number;
  allowed?: readonly string[];
  lookup?: TLookup;
}): Promise<TPostResult> {
  const target = new URL(url);
  const request = target.protocol === "https:" ? https.request : http.request;
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: TPostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = request(target, {
      method: "POST",
      agent: webhookAgent({ url: target, allowed }),
      ...(lookup ? { lookup } : {}),
      headers: {
        "content-type": "application/json",
        "user-agent": "ResilienceLedger-Webhooks/1",
        "content-length": String(Buffer.byteLength(body)),
        ...headers,
      },
    });
    // The whole call, answer included: a receiver that trickles its answer is cut off too.
    const timer = setTimeout(() => {
      done({ error: `no answer within ${timeoutMs / 1000} s` });
      req.destroy();
    }, timeoutMs);
    req.on("response", (res) => {
      res.resume(); // the receiver's words are not ours to keep
      res.on("end", () => done({ status: res.statusCode ?? 0 }));
      res.on("error", () => done({ error: "the answer broke off" }));
    });
    req.on("error", (e) => done({ error: shortError(e) }));
    req.end(body);
  });
}

/** A short reason for the log: the error's message, cut to one line. */
function shortError(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  const text = `${code ? `${code}: ` : ""}${e.message}`.split("\n")[0] ?? "error";
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}
