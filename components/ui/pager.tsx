import Link from "next/link";

export type TPagerProps = {
  /** Names the navigation landmark, e.g. "Vendor list pages". */
  label: string;
  page: number;
  pageCount: number;
  hrefOf: (page: number) => string;
};

const link = "rounded-md px-2.5 py-1 ring-1 ring-slate-300 hover:bg-slate-50";

/** The pages near this one, the first and the last: a few links however many pages there are. */
function pagesToShow(page: number, pageCount: number): number[] {
  const shown = new Set([1, pageCount]);
  for (let p = page - 2; p <= page + 2; p += 1) if (p >= 1 && p <= pageCount) shown.add(p);
  return [...shown].sort((a, b) => a - b);
}

/** Page links of a list paginated in the database; the URL holds the page. */
export function Pager({ label, page, pageCount, hrefOf }: TPagerProps) {
  if (pageCount <= 1) return null;
  const pages = pagesToShow(page, pageCount);
  return (
    <nav aria-label={label} className="mt-4 text-sm">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <Link className={link} href={hrefOf(page - 1)}>
              Previous
            </Link>
          </li>
        )}
        {pages.map((p, i) => (
          <li key={p} className="flex items-center gap-2">
            {i > 0 && p - (pages[i - 1] ?? p) > 1 && <span aria-hidden="true">…</span>}
            {p === page ? (
              <span aria-current="page" className="rounded-md bg-indigo-700 px-2.5 py-1 text-white">
                <span className="sr-only">Page </span>
                {p}
              </span>
            ) : (
              <Link className={link} href={hrefOf(p)}>
                <span className="sr-only">Page </span>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount && (
          <li>
            <Link className={link} href={hrefOf(page + 1)}>
              Next
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
