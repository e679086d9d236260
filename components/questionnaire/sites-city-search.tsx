"use client";

import { useEffect, useState } from "react";
import type { TCity } from "@/lib/geo/city-index";

const DEBOUNCE_MS = 200;
const MIN_CHARS = 2;

export type TCitySearchStatus = "idle" | "loading" | "done" | "error";
export type TUseCitySearchInput = { query: string };

/** Debounced /api/cities lookup; a newer query aborts the one in flight. */
export function useCitySearch({ query }: TUseCitySearchInput) {
  const [cities, setCities] = useState<TCity[]>([]);
  const [status, setStatus] = useState<TCitySearchStatus>("idle");
  const q = query.trim().slice(0, 80);

  useEffect(() => {
    if (q.length < MIN_CHARS) {
      setCities([]);
      setStatus("idle");
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setStatus("loading");
      try {
        const res = await fetch(`/api/cities?q=${encodeURIComponent(q)}`, {
          signal: controller.signal,
        });
        if (!res.ok) throw new Error(`city search answered ${res.status}`);
        const body = (await res.json()) as { data: TCity[] };
        setCities(body.data);
        setStatus("done");
      } catch (e) {
        if (controller.signal.aborted) return;
        console.warn(e);
        setCities([]);
        setStatus("error");
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  return { cities, status };
}
