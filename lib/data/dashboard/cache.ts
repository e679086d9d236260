import { cache } from "react";

// Portfolio figures are cached per organisation: ten managers opening the dashboard at once
// share one set of queries. Everything an organisation's dashboard reads belongs to one
// generation, so every figure on a page is at least as fresh as that generation's start — the
// "figures as of" time the page prints.
//
// A generation serves for DASHBOARD_CACHE_MS. After that, the next request starts the next
// generation in the background (re-running the queries the old one answered) and pages keep
// showing the old figures, with their older time, until the new ones are all in: no page waits
// for the queries except the very first, or one after a long idle spell (MAX_STALE_MS).

export const DASHBOARD_CACHE_MS = 30_000;
const MAX_STALE_MS = 2 * DASHBOARD_CACHE_MS;
// Bounds: a generation holds at most this many results (filter and page combinations beyond it
// are loaded uncached), and the cache at most this many organisations.
const MAX_ENTRIES = 500;
const MAX_ORGS = 1000;

type TEntry = { value: Promise<unknown>; load: () => Promise<unknown>; used: boolean };
type TGeneration = { at: number; entries: Map<string, TEntry> };
type TOrgState = { current: TGeneration; next?: TGeneration };

const orgs = new Map<string, TOrgState>();

const newGeneration = (at: number): TGeneration => ({ at, entries: new Map() });

function put(generation: TGeneration, key: string, load: () => Promise<unknown>): TEntry {
  const value = load();
  const entry: TEntry = { value, load, used: false };
  generation.entries.set(key, entry);
  // Marked the way React's use() reads a settled promise: a widget rendering a cached result
  // then renders at once, without suspending and streaming a placeholder first.
  value.then(
    (result) => Object.assign(value, { status: "fulfilled", value: result }),
    (reason) => {
      Object.assign(value, { status: "rejected", reason });
      // A failed query is not remembered: the next request tries again.
      if (generation.entries.get(key) === entry) generation.entries.delete(key);
    },
  );
  return entry;
}

/**
 * Starts the next generation: the queries the current one was asked for, run again one at a
 * time — nobody waits for them, and one query at a time leaves the other core to the pages.
 */
function refresh(state: TOrgState, now: number) {
  const next = newGeneration(now);
  state.next = next;
  const used = [...state.current.entries].filter(([, entry]) => entry.used);
  void (async () => {
    for (const [key, entry] of used) {
      // A request may have asked for it already (after a long idle spell pages read `next`).
      if (next.entries.has(key)) continue;
      await put(next, key, entry.load).value.catch(() => {});
    }
    if (state.next !== next) return;
    state.current = next;
    state.next = undefined;
  })();
}

function servingGeneration(orgId: string): TGeneration {
  const now = Date.now();
  const state = orgs.get(orgId);
  if (!state) {
    const fresh: TOrgState = { current: newGeneration(now) };
    orgs.set(orgId, fresh);
    if (orgs.size > MAX_ORGS) orgs.delete(orgs.keys().next().value as string);
    return fresh.current;
  }
  const age = now - state.current.at;
  if (age < DASHBOARD_CACHE_MS) return state.current;
  if (!state.next) refresh(state, now);
  return age < MAX_STALE_MS ? state.current : (state.next as TGeneration);
}

// One generation per request: the "as of" line and every widget on a page read the same one.
const generationForRequest = cache(servingGeneration);

/** `load()`'s result, shared with every caller asking for `key` of `orgId` in the generation. */
export function cachedForOrg<T>({
  orgId,
  key,
  load,
}: {
  orgId: string;
  key: string;
  load: () => Promise<T>;
}): Promise<T> {
  const generation = generationForRequest(orgId);
  let entry = generation.entries.get(key);
  if (!entry) {
    if (generation.entries.size >= MAX_ENTRIES) return load();
    entry = put(generation, key, load);
  }
  entry.used = true;
  return entry.value as Promise<T>;
}

/** The same function, its result shared per input (which names the org) within a generation. */
export const memo =
  <I extends { orgId: string }, T>(name: string, load: (input: I) => Promise<T>) =>
  (input: I): Promise<T> =>
    cachedForOrg({
      orgId: input.orgId,
      key: `${name}:${JSON.stringify(input)}`,
      load: () => load(input),
    });

/** When the figures this request shows were read: each is this fresh or fresher. */
export function getDashboardAsOf({ orgId }: { orgId: string }): Date {
  return new Date(generationForRequest(orgId).at);
}
