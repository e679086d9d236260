// When a question's thread takes messages and how long one may be, without the schemas: the
// vendor portal's client code needs only these (lib/schemas/thread.ts re-exports them).

/** The assessment states in which a question's thread takes new messages (both sides). */
export const THREAD_OPEN_STATUSES = ["submitted", "changes_requested"] as const;

export const isThreadOpen = (status: string) =>
  (THREAD_OPEN_STATUSES as readonly string[]).includes(status);

/** A thread message's longest body, in characters: the reviewer's request has the same cap. */
export const THREAD_BODY_MAX = 2000;
