import { TIERS } from "@/lib/rules/types";

const human = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replaceAll("_", " ");

/** The tier choices of the list searches. */
export const TIER_OPTIONS = TIERS.map((t) => ({ value: t, label: human(t) }));

/** "1 vendor found", "12 vendors found, page 2 of 3". */
export function describeResults({
  total,
  page,
  pageCount,
  noun,
}: {
  total: number;
  page: number;
  pageCount: number;
  noun: [string, string];
}): string {
  const count = `${new Intl.NumberFormat("en").format(total)} ${total === 1 ? noun[0] : noun[1]} found`;
  return pageCount > 1 ? `${count}, page ${page} of ${pageCount}` : count;
}
