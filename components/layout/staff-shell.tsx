import Link from "next/link";
import type { ReactNode } from "react";
import { SafeText } from "@/components/ui/safe-text";
import type { TSessionUser } from "@/lib/authz";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { InboxBell } from "./inbox-bell";
import { NAV_ITEMS } from "./nav";
import { SignOutButton } from "./sign-out-button";

export function StaffShell({
  user,
  orgName,
  unread,
  children,
}: {
  user: TSessionUser;
  orgName: string;
  /** The user's unread inbox entries, shown on the bell. */
  unread: number;
  children: ReactNode;
}) {
  const items = NAV_ITEMS.filter((i) => can({ role: user.role, permission: i.permission }));
  return (
    <div className="min-h-screen">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-6 py-3">
          <div className="flex items-center gap-8">
            <Link
              href="/dashboard"
              className="text-sm font-semibold uppercase tracking-widest text-indigo-200"
            >
              Resilience Ledger
            </Link>
            <nav aria-label="Main">
              <ul className="flex flex-wrap gap-1">
                {items.map((i) => (
                  <li key={i.href}>
                    <Link
                      href={i.href}
                      className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-200 hover:bg-slate-800 hover:text-white"
                    >
                      {i.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <div className="flex items-center gap-4">
            <InboxBell unread={unread} />
            <p className="text-right text-xs leading-tight text-slate-300">
              <Link
                href="/profile"
                className="block text-sm font-medium text-white underline-offset-2 hover:underline"
              >
                <SafeText text={user.name} />
                <span className="sr-only">, your profile</span>
              </Link>
              {ROLE_LABELS[user.role]} · <SafeText text={orgName} />
            </p>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-6 py-8">
        {children}
      </main>
    </div>
  );
}
