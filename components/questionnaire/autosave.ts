"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  mergeSiteDrafts,
  splitSiteDrafts,
  type TSiteDraft,
} from "@/lib/questionnaires/site-draft-list";
import { ZSite } from "@/lib/questionnaires/site-schema";
import type { TSite } from "@/lib/rules/types";
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

/**
 * An edit not yet acknowledged. `refused`: the server answered 409 or 422; it stays here (and in
 * localStorage) until the person changes or resolves it, but is not resent on its own.
 */
type TPending = { value: unknown; baseVersion: number; key: string; refused?: boolean };

type TRefusalBody = {
  value?: unknown;
  drafts?: unknown;
  version?: number;
  message?: string;
  errors?: { path: string; expected: string; found: string }[];
};

/**
 * "answers.sites[0].name" → "Site 1 name": where the refused part is, as the form numbers it.
 * A draft's index ("answers.sites.drafts[0]") is turned into its place in the whole list.
 */
function sayWhere(path: string, itemName: string | undefined, sent: unknown): string {
  const m = /^answers\.\w+(\.drafts)?(?:\[(\d+)\](?:\.(\w+))?)?/.exec(path);
  if (!m || m[2] === undefined) return "This answer";
  let index = Number(m[2]);
  if (m[1] && Array.isArray(sent)) {
    const places = sent.flatMap((site, i) => (ZSite.safeParse(site).success ? [] : [i]));
    index = places[index] ?? index;
  }
  return `${itemName ?? "Entry"} ${index + 1}${m[3] ? ` ${m[3]}` : ""}`;
}

function refusal(
  status: number,
  body: TRefusalBody,
  draftsOf: (id: string, value: unknown, drafts: unknown) => unknown,
  id: string,
  where: { itemName?: string; sent: unknown },
): TSaveState {
  if (status === 409)
    return {
      kind: "conflict",
      theirs: { value: draftsOf(id, body.value, body.drafts), version: body.version ?? 0 },
    };
  if (status === 423) return { kind: "locked", message: body.message ?? "Answers are read-only." };
  const e = body.errors?.[0];
  return {
    kind: "invalid",
    message: e
      ? `Not saved: ${sayWhere(e.path, where.itemName, where.sent)} needs ${e.expected}.`
      : "Not saved: this answer was not accepted.",
  };
}

/** States in which what the person typed is not (yet) stored on the server. */
const UNSAVED = new Set<TSaveState["kind"]>([
  "pending",
  "saving",
  "offline",
  "invalid",
  "conflict",
  "locked",
]);
const REFUSED = new Set<TSaveState["kind"]>(["invalid", "conflict", "locked"]);

const hasUnsent = (pending: Record<string, TPending>) =>
  Object.values(pending).some((p) => !p.refused);

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
  draftQuestions = [],
  itemNames = {},
}: {
  token: string;
  assessmentId: string;
  initial: Record<string, TSaved>;
  /** Sites questions: their incomplete items are sent as drafts, beside the answer. */
  draftQuestions?: readonly string[];
  /** What one item of a list answer is called in messages: { sites: "Site", … }. */
  itemNames?: Readonly<Record<string, string>>;
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

  // Read through a ref: the callbacks below (and the effect that depends on flush) stay stable
  // however the caller builds these lists.
  const options = useRef({ draftQuestions, itemNames });
  options.current = { draftQuestions, itemNames };
  const keepsDrafts = useCallback((id: string) => options.current.draftQuestions.includes(id), []);
  /** The request for one edit: a sites list goes out as its complete sites plus drafts. */
  const request = useCallback(
    (id: string, p: TPending): TSaveAnswer => {
      const base = { questionId: id, baseVersion: p.baseVersion, idempotencyKey: p.key };
      if (!keepsDrafts(id) || !Array.isArray(p.value)) return { ...base, value: p.value };
      const { complete, drafts } = splitSiteDrafts({ sites: p.value });
      return { ...base, value: complete, drafts };
    },
    [keepsDrafts],
  );
  /** What the editor shows for a stored answer: its sites and its drafts, in order. */
  const shown = useCallback(
    (id: string, value: unknown, drafts: unknown) =>
      keepsDrafts(id) && (Array.isArray(value) || Array.isArray(drafts))
        ? mergeSiteDrafts({
            sites: Array.isArray(value) ? (value as TSite[]) : [],
            drafts: Array.isArray(drafts) ? (drafts as TSiteDraft[]) : [],
          })
        : value,
    [keepsDrafts],
  );

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (const [id, p] of Object.entries(pending.current)) {
        if (p.refused) continue;
        setState(id, { kind: "saving" });
        let res: Response;
        try {
          res = await fetch(`/api/respond/${token}/answers`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(request(id, p)),
          });
        } catch {
          setState(id, { kind: "offline" });
          return; // keep everything queued; retried when back online
        }
        const body = await res.json().catch(() => ({}));
        const current = pending.current[id];
        if (res.status === 200) {
          versions.current[id] = body.version;
          const stored = shown(id, body.value, body.drafts);
          setSaved((prev) => ({ ...prev, [id]: { value: stored, version: body.version } }));
          if (current?.key === p.key) {
            delete pending.current[id];
            setState(id, { kind: "saved", at: Date.now() });
          } else if (current) {
            current.baseVersion = body.version; // typed again meanwhile: that edit builds on this one
          }
        } else if (res.status === 409 || res.status === 422 || res.status === 423) {
          // A refused save settles this question only if nothing newer was typed meanwhile;
          // otherwise the newer edit goes out next and gets its own answer. What was refused
          // stays in this browser (a 423 never can be saved, so it is dropped), and counts as
          // not saved until the person changes it or takes the other version.
          if (current?.key === p.key) {
            if (res.status === 423) delete pending.current[id];
            else current.refused = true;
            setState(
              id,
              refusal(res.status, body, shown, id, {
                itemName: options.current.itemNames[id],
                sent: p.value,
              }),
            );
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
    if (hasUnsent(pending.current)) timer.current = setTimeout(() => void flush(), 300);
  }, [token, persist, setState, request, shown]);

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
        delete pending.current[id];
        persist();
        setValues((prev) => ({ ...prev, [id]: theirs.value }));
        setState(id, { kind: "saved", at: Date.now() });
        return;
      }
      change(id, values[id]);
    },
    [change, values, setState, persist],
  );

  useEffect(() => {
    // Answers typed before a reload, a crash or while offline: show them and send them again.
    const stored = readStored(assessmentId);
    // Refused before the reload: sent once more, so the page says again why (or saves it now).
    for (const p of Object.values(stored)) delete p.refused;
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
      if (hasUnsent(pending.current) && navigator.onLine) void flush();
    }, 5000);
    return () => {
      window.removeEventListener("online", online);
      clearInterval(retry);
    };
  }, [assessmentId, flush]);

  const unsaved = Object.values(states).filter((s) => UNSAVED.has(s.kind)).length;
  const refused = Object.values(states).filter((s) => REFUSED.has(s.kind)).length;
  return { values, saved, states, change, resolve, flush, unsaved, refused, ready };
}
