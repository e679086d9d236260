// Upload sizes, in one place: the app's check, the message and the framework's body limit
// (next.config.ts) all read these. No imports, so next.config.ts can load it.

/** The largest evidence file accepted. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * The largest upload request: the file plus the form's other fields and multipart framing.
 * Next.js cuts a request body at this size before the route sees it (proxyClientMaxBodySize),
 * so it must sit above MAX_UPLOAD_BYTES: a file just under the limit must arrive whole, and a
 * larger one must still arrive far enough to be refused with a message naming the limit.
 */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;

/** "10 MB", as the messages say it. */
export const MAX_UPLOAD_TEXT = `${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;
