"use client";

import { useEffect, useState } from "react";

const UTC = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/**
 * A time of day in the reader's own time zone. The server does not know that zone, so the
 * page is rendered with the UTC time (labelled) and the browser swaps in its local time,
 * with the zone's short name, once it has loaded.
 */
export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    const fmt = new Intl.DateTimeFormat(undefined, {
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "short",
    });
    setLocal(fmt.format(new Date(iso)));
  }, [iso]);
  return (
    <time dateTime={iso} className={className}>
      {local ?? `${UTC.format(new Date(iso))} UTC`}
    </time>
  );
}
