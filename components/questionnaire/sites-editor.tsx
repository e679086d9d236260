"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { LinkedWorldMap } from "@/components/geo/linked-world-map";
import { SitesOverviewView } from "@/components/questionnaire/sites-overview-view";
import { SitesPager } from "@/components/questionnaire/sites-pager";
import { SitesSiteFields } from "@/components/questionnaire/sites-site-fields";
import { Button } from "@/components/ui/button";
import { validateSites } from "@/lib/geo/site-errors";
import { describeSiteDraft, type TSiteDraft } from "@/lib/questionnaires/site-draft-list";
import { ZSite } from "@/lib/questionnaires/site-schema";
import type { TSite } from "@/lib/rules/types";

export type TSitesEditorProps = {
  value: TSite[];
  /** Called with the whole list on every change. A coordinate not (yet) a number is NaN. */
  onChange: (next: TSite[]) => void;
  disabled?: boolean;
  /** Marks primary–secondary pairs closer than this in the distances table. */
  minSeparationKm?: number;
  /** The sites the backup answer names (backup_site_ids): the table lists their nearest primary. */
  backupIds?: readonly string[];
  /** Messages keyed by answer path: "sites", "sites[0]", "sites[0].lat" ("answers." optional). */
  errors?: Record<string, string>;
  /** The portal's basemap route (app/api/respond/[token]/basemap): the map is drawn over it. */
  basemapUrl?: string;
};

const SITE_ID = /^site-(\d+)$/;
/**
 * Sites shown at once. Each site's fields are ~6 KB of HTML: 200 sites (the most allowed) made
 * the portal page 1.9 MB even with the bounded distance table, so past this many the editor
 * shows one page of sites at a time (the map and the distance table still show them all).
 */
export const SITES_PER_PAGE = 20;

/** Groups errors by site index, then field ("" for the site as a whole). */
function groupErrors(errors: Readonly<Record<string, string>>) {
  const bySite = new Map<number, Record<string, string>>();
  let list: string | undefined;
  for (const [key, message] of Object.entries(errors)) {
    const match = /^(?:answers\.)?sites(?:\[(\d+)\](?:\.(\w+))?)?$/.exec(key);
    if (!match) continue;
    if (match[1] === undefined) {
      list ??= message;
      continue;
    }
    const index = Number(match[1]);
    const fields = bySite.get(index) ?? {};
    fields[match[2] ?? ""] ??= message;
    bySite.set(index, fields);
  }
  return { list, bySite };
}

const NONE: Readonly<Record<string, string>> = {};

/** Why a site is still a draft (not part of the answer), or undefined when it is complete. */
function incompleteOf(site: TSite, index: number): string | undefined {
  if (ZSite.safeParse(site).success) return undefined;
  return describeSiteDraft({ draft: site as TSiteDraft, index });
}

export function SitesEditor(props: TSitesEditorProps) {
  const {
    value,
    onChange,
    disabled,
    minSeparationKm,
    backupIds,
    errors = NONE,
    basemapUrl,
  } = props;
  const idPrefix = useId();
  // Grows only: an id handed out once is never handed out again in this session, even after
  // its site is removed, so a stale reference (backup_site_ids) cannot land on a new site.
  const lastNumber = useRef(0);
  const nameInputs = useRef(new Map<string, HTMLInputElement>());
  const pendingFocus = useRef<string | null>(null);

  const given = useMemo(() => groupErrors(errors), [errors]);
  const local = useMemo(() => groupErrors(validateSites({ sites: value })), [value]);
  const [pageWanted, setPage] = useState(0);
  const pageCount = Math.max(1, Math.ceil(value.length / SITES_PER_PAGE));
  const page = Math.min(pageWanted, pageCount - 1);
  const paged = value.length > SITES_PER_PAGE;
  const first = paged ? page * SITES_PER_PAGE : 0;
  const shown = paged ? value.slice(first, first + SITES_PER_PAGE) : value;
  const pageOf = (index: number) => Math.floor(index / SITES_PER_PAGE);

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    // The list is empty after a removal: the Add button is the one place left to go.
    const el =
      target === "" ? document.getElementById(`${idPrefix}-add`) : nameInputs.current.get(target);
    el?.focus();
  });

  function addSite() {
    for (const site of value) {
      const n = Number(SITE_ID.exec(site.id)?.[1] ?? 0);
      if (n > lastNumber.current) lastNumber.current = n;
    }
    lastNumber.current += 1;
    const id = `site-${lastNumber.current}`;
    const role: TSite["role"] = value.some((s) => s.role === "primary") ? "secondary" : "primary";
    const site: TSite = {
      id,
      name: "",
      role,
      provider: "",
      city: "",
      country: "",
      lat: Number.NaN,
      lon: Number.NaN,
    };
    pendingFocus.current = id;
    setPage(pageOf(value.length));
    onChange([...value, site]);
  }

  function removeSite(index: number) {
    const next = value.filter((_, i) => i !== index);
    pendingFocus.current = (next[index] ?? next[index - 1])?.id ?? "";
    setPage(pageOf(next[index] ? index : Math.max(0, index - 1)));
    onChange(next);
  }

  const seen = new Set<string>();
  const keyOf = (site: TSite, index: number) => {
    const key = seen.has(site.id) ? `${site.id}#${index}` : site.id;
    seen.add(site.id);
    return key;
  };

  return (
    <div className="space-y-6">
      {(given.list ?? local.list) && (
        <p className="text-sm text-red-700" role="alert">
          {given.list ?? local.list}
        </p>
      )}
      {value.length === 0 && (
        <p className="text-sm text-slate-600">
          No sites yet. Add every facility that stores or processes the data, backups included.
        </p>
      )}
      {paged && (
        <SitesPager
          pageCount={pageCount}
          page={page}
          total={value.length}
          perPage={SITES_PER_PAGE}
          attention={(p) =>
            value
              .slice(p * SITES_PER_PAGE, (p + 1) * SITES_PER_PAGE)
              .some(
                (site, i) =>
                  given.bySite.has(p * SITES_PER_PAGE + i) ||
                  local.bySite.has(p * SITES_PER_PAGE + i) ||
                  incompleteOf(site, p * SITES_PER_PAGE + i) !== undefined,
              )
          }
          onPage={setPage}
        />
      )}
      {shown
        .map((site, shownIndex) => ({ site, index: first + shownIndex }))
        .map(({ site, index }) => (
          <SitesSiteFields
            key={keyOf(site, index)}
            site={site}
            index={index}
            idPrefix={`${idPrefix}-site-${index}`}
            errors={given.bySite.get(index) ?? NONE}
            incomplete={incompleteOf(site, index)}
            localErrors={local.bySite.get(index) ?? NONE}
            disabled={disabled}
            registerFirstInput={(el) => {
              if (el) nameInputs.current.set(site.id, el);
              else nameInputs.current.delete(site.id);
            }}
            onChange={(next) => onChange(value.map((s, i) => (i === index ? next : s)))}
            onRemove={() => removeSite(index)}
          />
        ))}
      <Button id={`${idPrefix}-add`} variant="secondary" onClick={addSite} disabled={disabled}>
        Add site
      </Button>
      <SitesOverviewView
        sites={value}
        backupIds={backupIds}
        minSeparationKm={minSeparationKm}
        map={basemapUrl ? (map) => <LinkedWorldMap {...map} basemapUrl={basemapUrl} /> : undefined}
      />
    </div>
  );
}
