import crypto from "node:crypto";
import { db, isUniqueViolation } from "../db";
import { problem } from "./problem";

// Idempotency-Key on POST: the first request claims the key (a unique row per token), runs,
// and stores its response; a retry with the same body gets that response again, the same key
// with another body 422, and a retry while the first still runs 409.

const KEY = /^[\x21-\x7e]{1,255}$/;

export function requestHash({
  method,
  path,
  body,
}: {
  method: string;
  path: string;
  body: string;
}) {
  return crypto.createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
}

export type TIdempotent = {
  tokenId: string;
  key: string;
  hash: string;
  run: () => Promise<Response>;
};

export async function withIdempotency({ tokenId, key, hash, run }: TIdempotent): Promise<Response> {
  if (!KEY.test(key))
    return problem(400, "Idempotency-Key must be 1 to 255 visible ASCII characters", {
      errors: [{ field: "Idempotency-Key", pointer: "", message: "not a valid key" }],
    });
  try {
    await db.apiIdempotencyKey.create({ data: { tokenId, key, requestHash: hash } });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const seen = await db.apiIdempotencyKey.findUnique({
      where: { tokenId_key: { tokenId, key } },
    });
    if (!seen)
      return problem(409, "The earlier request with this Idempotency-Key is still running");
    if (seen.requestHash !== hash)
      return problem(422, "This Idempotency-Key was used with a different request");
    if (seen.status === null)
      return problem(409, "The earlier request with this Idempotency-Key is still running");
    const headers: Record<string, string> = { "Idempotent-Replayed": "true" };
    if (seen.contentType) headers["Content-Type"] = seen.contentType;
    if (seen.location) headers.Location = seen.location;
    return new Response(seen.body, { status: seen.status, headers });
  }
  let response: Response;
  try {
    response = await run();
  } catch (e) {
    await db.apiIdempotencyKey.delete({ where: { tokenId_key: { tokenId, key } } });
    throw e;
  }
  // Only a success is kept: a refused request changed nothing and may be retried as it is.
  if (!response.ok) {
    await db.apiIdempotencyKey.delete({ where: { tokenId_key: { tokenId, key } } });
    return response;
  }
  const body = await response.text();
  await db.apiIdempotencyKey.update({
    where: { tokenId_key: { tokenId, key } },
    data: {
      status: response.status,
      body,
      contentType: response.headers.get("content-type"),
      location: response.headers.get("location"),
    },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}
