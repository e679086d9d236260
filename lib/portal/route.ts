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

/** Reads a JSON body of at most `maxBytes`; a 1 MB string never reaches the database. */
export async function readJson(req: Request, maxBytes = 256 * 1024): Promise<unknown> {
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes)
    throw new BodyError(`The request is larger than ${Math.round(maxBytes / 1024)} KB.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError("The request body is not valid JSON.");
  }
}

export class BodyError extends Error {}
