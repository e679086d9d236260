// Server-rendered times: UTC, so the page reads the same for every admin and every server.
export function formatDateTime(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatAge({ date, now }: { date: Date; now: Date }): string {
  const minutes = Math.max(0, Math.round((now.getTime() - date.getTime()) / 60_000));
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export function formatDuration({ from, to }: { from: Date; to: Date }): string {
  return `${((to.getTime() - from.getTime()) / 1000).toFixed(1)} s`;
}
