import { LRUCache } from "lru-cache";
import { getEnv } from "../../env";
import { type TVendorFilters, vendorFiltersToParams } from "./filters";
import { readDashboardSnapshot, type TDashboardSnapshot } from "./snapshot";

// Dashboard snapshots are shared per organisation and filter set: ten managers opening the
// dashboard at once share one read (lru-cache coalesces concurrent fetches of a key). A page
// takes one snapshot and shows only what it holds, with its time as "Figures as of".
//
// A snapshot serves for the cache life. After that, the next request gets the old snapshot (its
// older time printed) while lru-cache reads the next one in the background
// (stale-while-revalidate); only the first request, or one after a long idle spell (two lives),
// waits for a fresh read rather than show figures that old.

type TKeyInput = { orgId: string; filters: TVendorFilters };

export type TSnapshotCache = {
  /** How long a snapshot serves before the next request refreshes it. */
  lifeMs: number;
  get(input: TKeyInput): Promise<TDashboardSnapshot>;
};

export type TCreateSnapshotCacheInput = {
  lifeMs: number;
  /** Snapshots kept (organisations × filter sets); the least recently used go first. */
  max?: number;
  read?: (input: TKeyInput) => Promise<TDashboardSnapshot>;
};

export function createSnapshotCache({
  lifeMs,
  max = 500,
  read = readDashboardSnapshot,
}: TCreateSnapshotCacheInput): TSnapshotCache {
  const lru = new LRUCache<string, TDashboardSnapshot, TKeyInput>({
    max,
    ttl: lifeMs,
    allowStale: true,
    fetchMethod: (_key, _stale, { context }) => read(context),
  });
  return {
    lifeMs,
    get({ orgId, filters }) {
      const key = `${orgId}?${vendorFiltersToParams({ filters })}`;
      // The remaining life is negative once stale, -lifeMs at two lives old (0 when absent).
      const tooOld = lru.getRemainingTTL(key) <= -lifeMs;
      return lru.forceFetch(key, { context: { orgId, filters }, allowStale: !tooOld });
    },
  };
}

// One cache per process, kept on globalThis: Next.js may load this module more than once.
const holder = globalThis as unknown as { __bcdrDashboardCache?: TSnapshotCache };

function defaultCache(): TSnapshotCache {
  holder.__bcdrDashboardCache ??= createSnapshotCache({
    lifeMs: getEnv().DASHBOARD_CACHE_SECONDS * 1000,
  });
  return holder.__bcdrDashboardCache;
}

/** The dashboard's figures for one page: every figure on it comes from this one snapshot. */
export function getDashboardSnapshot(input: TKeyInput): Promise<TDashboardSnapshot> {
  return defaultCache().get(input);
}

/** How long the dashboard's figures are shared, for the page to say so. */
export const dashboardCacheLifeMs = (): number => defaultCache().lifeMs;
