import { type ReactNode, Suspense, use } from "react";

// A widget's data is usually already cached (lib/data/dashboard/cache.ts marks settled
// promises the way React's use() does). Then the widget renders in place; only when its query
// is still running does it get a Suspense boundary and stream in behind a placeholder. Always
// suspending cost every request a placeholder, a hidden copy and a swap script per widget.

type TSettled<T> = Promise<T> & { status?: string; value?: T };

export function WhenReady<T>({
  data,
  fallback,
  children,
}: {
  data: Promise<T>;
  fallback: ReactNode;
  children: (value: T) => ReactNode;
}) {
  const settled = data as TSettled<T>;
  if (settled.status === "fulfilled") return children(settled.value as T);
  return (
    <Suspense fallback={fallback}>
      <Await data={data}>{children}</Await>
    </Suspense>
  );
}

function Await<T>({ data, children }: { data: Promise<T>; children: (value: T) => ReactNode }) {
  return children(use(data));
}
