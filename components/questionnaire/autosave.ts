"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { TSaveAnswer } from "@/lib/schemas/answer-save";

export type TSaved = { value: unknown; version: number };
export type TSaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  | { kind: "offline" }
  | { kind: "invalid"; message: string }
  | { kind: "locked"; message: string }
  | { kind: "conflict"; theirs: TSaved };

type TPending = { value: unknown; baseVersion: number; key: string };

type TRefusalBody = {
  value?: unknown;
  version?: number;
  message?: string;
  errors?: { path: string; expected: string; found: string }[];
};

function refusal(status: number, body: TRefusalBody): TSaveState {
  if (status === 409)
    return { kind: "conflict", theirs: { value: body.value, version: body.version ?? 0 } };
  if (status === 423) return { kind: "locked", message: body.message ?? "Answers are read-only." };
  const e = body.errors?.[0];
  return {
    kind: "invalid",
    message: e
      ? `${e.path}: expected ${e.expected}, found ${e.found}`
      : "This answer was not accepted.",
  };
}

const storageKey = (assessmentId: string) => `bcdr-unsaved-${assessmentId}`;
const newKey = () => crypto.randomUUID();

function readStored(assessmentId: string): Record<string, TPending> {
  try {
    return JSON.parse(localStorage.getItem(storageKey(assessmentId)) ?? "{}");
  } catch {
    return {};
  }
}

/**
 * Saves each answer as it is made. Unacknowledged saves are kept in localStorage and resent
 * (with the same idempotency key, so the server applies each at most once) after a reload,
 * when the browser comes back online, and every few seconds while offline.
 */
export function useAutosave({
  token,
  assessmentId,
  initial,
}: {
  token: string;
  assessmentId: string;
  initial: Record<string, TSaved>;
}) {
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState<Record<string, unknown>>(() =>
    Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, v.value])),
  );
  const [states, setStates] = useState<Record<string, TSaveState>>({});
  // False until answers left unsent by an earlier visit were read back from this browser:
  // until then the page must not claim that everything is saved.
  const [ready, setReady] = useState(false);
  const pending = useRef<Record<string, TPending>>({});
  const versions = useRef<Record<string, number>>(
    Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, v.version])),
  );
  const flushing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const persist = useCallback(() => {
    const entries = Object.keys(pending.current).length;
    if (entries) localStorage.setItem(storageKey(assessmentId), JSON.stringify(pending.current));
    else localStorage.removeItem(storageKey(assessmentId));
  }, [assessmentId]);

  const setState = useCallback(
    (id: string, s: TSaveState) => setStates((prev) => ({ ...prev, [id]: s })),
    [],
  );

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (const [id, p] of Object.entries(pending.current)) {
        setState(id, { kind: "saving" });
        let res: Response;
        try {
          res = await fetch(`/api/respond/${token}/answers`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({
              questionId: id,
              value: p.value,
              baseVersion: p.baseVersion,
              idempotencyKey: p.key,
            } satisfies TSaveAnswer),
          });
        } catch {
          setState(id, { kind: "offline" });
          return; // keep everything queued; retried when back online
        }
        const body = await res.json().catch(() => ({}));
        const current = pending.current[id];
        if (res.status === 200) {
          versions.current[id] = body.version;
          setSaved((prev) => ({ ...prev, [id]: { value: body.value, version: body.version } }));
          if (current?.key === p.key) {
            delete pending.current[id];
            setState(id, { kind: "saved", at: Date.now() });
          } else if (current) {
            current.baseVersion = body.version; // typed again meanwhile: that edit builds on this one
          }
        } else if (res.status === 409 || res.status === 422 || res.status === 423) {
          // A refused save settles this question only if nothing newer was typed meanwhile;
          // otherwise the newer edit goes out next and gets its own answer.
          if (current?.key === p.key) {
            delete pending.current[id];
            setState(id, refusal(res.status, body));
          }
        } else if (res.status === 404 || res.status === 410) {
          setState(id, {
            kind: "locked",
            message: "This link no longer works: your unsaved answers are kept in this browser.",
          });
          return;
        } else {
          setState(id, { kind: "offline" });
          return;
        }
        persist();
      }
    } finally {
      flushing.current = false;
      persist();
    }
    if (Object.keys(pending.current).length) timer.current = setTimeout(() => void flush(), 300);
  }, [token, persist, setState]);

  const change = useCallback(
    (id: string, value: unknown, { delayMs = 0 }: { delayMs?: number } = {}) => {
      setValues((prev) => ({ ...prev, [id]: value }));
      pending.current[id] = { value, baseVersion: versions.current[id] ?? 0, key: newKey() };
      persist();
      setState(id, { kind: "pending" });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush, persist, setState],
  );

  /** Conflict resolution: keep mine (save over theirs, knowingly) or take theirs. */
  const resolve = useCallback(
    (id: string, choice: "mine" | "theirs", theirs: TSaved) => {
      versions.current[id] = theirs.version;
      setSaved((prev) => ({ ...prev, [id]: theirs }));
      if (choice === "theirs") {
        setValues((prev) => ({ ...prev, [id]: theirs.value }));
        setState(id, { kind: "saved", at: Date.now() });
        return;
      }
      change(id, values[id]);
    },
    [change, values, setState],
  );

  useEffect(() => {
    // Answers typed before a reload, a crash or while offline: show them and send them again.
    const stored = readStored(assessmentId);
    if (Object.keys(stored).length) {
      pending.current = { ...stored, ...pending.current };
      setStates((prev) => ({
        ...prev,
        ...Object.fromEntries(Object.keys(stored).map((k) => [k, { kind: "pending" as const }])),
      }));
      setValues((prev) => ({
        ...prev,
        ...Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, v.value])),
      }));
      void flush();
    }
    setReady(true);
    const online = () => void flush();
    window.addEventListener("online", online);
    const retry = setInterval(() => {
      if (Object.keys(pending.current).length && navigator.onLine) void flush();
    }, 5000);
    return () => {
      window.removeEventListener("online", online);
      clearInterval(retry);
    };
  }, [assessmentId, flush]);

  const unsaved = Object.values(states).filter(
    (s) => s.kind === "pending" || s.kind === "saving" || s.kind === "offline",
  ).length;
  return { values, saved, states, change, resolve, flush, unsaved, ready };
}
