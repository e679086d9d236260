"use client";

export type TSitesPagerProps = {
  pageCount: number;
  page: number;
  total: number;
  perPage: number;
  /** Whether a page holds a site with an error or still incomplete. */
  attention: (page: number) => boolean;
  onPage: (page: number) => void;
};

/** Pages of the sites editor, when there are more sites than fit one page of fields. */
export function SitesPager({
  pageCount,
  page,
  total,
  perPage,
  attention,
  onPage,
}: TSitesPagerProps) {
  return (
    <nav aria-label="Pages of sites" className="space-y-2">
      <p className="text-sm text-slate-700">
        {total} sites, shown {perPage} at a time. The map and the distances below cover them all.
      </p>
      <ul className="flex flex-wrap gap-1.5">
        {Array.from({ length: pageCount }, (_, p) => {
          const from = p * perPage + 1;
          const to = Math.min(total, (p + 1) * perPage);
          const flagged = attention(p);
          return (
            <li key={from}>
              <button
                type="button"
                aria-current={p === page ? "page" : undefined}
                onClick={() => onPage(p)}
                className={`rounded px-2 py-1 text-xs font-medium ring-1 ring-inset ${
                  p === page
                    ? "bg-indigo-700 text-white ring-indigo-700"
                    : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50"
                }`}
              >
                Sites {from}–{to}
                {flagged && <span className="sr-only"> (needs attention)</span>}
                {flagged && <span aria-hidden="true"> ⚠</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
