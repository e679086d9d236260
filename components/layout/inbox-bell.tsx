import Link from "next/link";

/** More than this shows as "99+" on the badge; the accessible name keeps the exact figure. */
const BADGE_MAX = 99;

/**
 * The header's link to the inbox. Its accessible name carries the unread count, so a screen
 * reader hears "Notifications, 3 unread"; the icon and badge are for the eye only.
 */
export function InboxBell({ unread }: { unread: number }) {
  return (
    <Link
      href="/inbox"
      aria-label={`Notifications, ${unread} unread`}
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-200 ring-1 ring-slate-600 hover:bg-slate-800 hover:text-white"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="h-5 w-5"
      >
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <span
          aria-hidden="true"
          data-testid="inbox-badge"
          className="absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
        >
          {unread > BADGE_MAX ? `${BADGE_MAX}+` : unread}
        </span>
      )}
    </Link>
  );
}
