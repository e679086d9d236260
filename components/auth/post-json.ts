import type { TActionResult } from "@/lib/errors";

/** Sends a signed-out form's values to its route handler; the answer has the action result shape. */
export async function postJson<T>(url: string, values: unknown): Promise<TActionResult<T>> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(values),
  });
  if (res.status === 429) {
    return { error: "Too many requests. Wait a few minutes and try again.", status: 409 };
  }
  return res.json();
}
