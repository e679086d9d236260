import { crossOriginRefused, isSameOrigin } from "../security/origin";
import { LinkError, requireLink, type TLinkState } from "./access";

type TValidLink = Extract<TLinkState, { state: "valid" }>;

/** Runs a vendor-portal API call for a valid link: 404 unknown, 410 expired/revoked, 403 cross-site. */
export async function withLink(
  req: Request,
  params: Promise<{ token: string }>,
  fn: (link: TValidLink) => Promise<Response>,
): Promise<Response> {
  if (req.method !== "GET" && !isSameOrigin(req)) return crossOriginRefused();
  const { token } = await params;
  try {
    return await fn(await requireLink({ token }));
  } catch (e) {
    if (e instanceof LinkError) return Response.json({ error: e.message }, { status: e.status });
    throw e;
  }
}

/**
 * Reads a JSON body of at most `maxBytes`, so a 1 MB string never reaches a handler (let alone
 * the database). A larger body is refused as soon as its declared length or the bytes read so
 * far exceed the limit: it is never held in memory whole.
 */
export async function readJson(req: Request, maxBytes = 256 * 1024): Promise<unknown> {
  const tooLarge = () =>
    new BodyError(`The request is larger than ${Math.round(maxBytes / 1024)} KB.`);
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new BodyError("The request body is not valid JSON.");
  }
  const tooDeep = findTooDeep(value, MAX_JSON_DEPTH);
  if (tooDeep !== null) {
    throw new BodyError(
      `${tooDeep || "The request body"} is nested more than ${MAX_JSON_DEPTH} levels deep.`,
    );
  }
  return value;
}

/** Deeper than any answer (a list of sites is 3 levels); far below what overflows the stack. */
export const MAX_JSON_DEPTH = 32;

/**
 * The top-level field holding a value nested deeper than `max` ("" for the body itself), or null.
 * JSON.parse takes any depth, but JSON.stringify, Prisma and zod recurse and overflow the stack
 * at a few thousand levels: a 500. Walked with a stack of its own, so this check cannot overflow.
 */
export function findTooDeep(value: unknown, max: number): string | null {
  const stack: { v: unknown; depth: number; field: string }[] = [{ v: value, depth: 0, field: "" }];
  while (stack.length > 0) {
    const { v, depth, field } = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth >= max) return field;
    const entries = Array.isArray(v) ? v.map((x) => ["", x] as const) : Object.entries(v);
    for (const [key, child] of entries) {
      stack.push({ v: child, depth: depth + 1, field: depth === 0 && key ? key : field });
    }
  }
  return null;
}

export class BodyError extends Error {}
