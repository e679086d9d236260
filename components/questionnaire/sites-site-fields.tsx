"use client";

import { type ChangeEvent, useState } from "react";
import { SitesCityCombobox } from "@/components/questionnaire/sites-city-combobox";
import { SiteNumberInput } from "@/components/questionnaire/sites-number-input";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { getCountryName, isCountryCode } from "@/lib/questionnaires/countries";
import type { TSite } from "@/lib/rules/types";

export const ROLE_OPTIONS: { value: TSite["role"]; label: string }[] = [
  { value: "primary", label: "Primary: runs production" },
  { value: "secondary", label: "Secondary: takes over if the primary fails" },
  { value: "backup", label: "Backup: holds backup copies" },
  { value: "processing", label: "Processing: works on the data, keeps no copy" },
];

export type TSitesSiteFieldsProps = {
  site: TSite;
  index: number;
  idPrefix: string;
  onChange: (next: TSite) => void;
  onRemove: () => void;
  /** Messages keyed by field name (lat, country, …); "" for the site as a whole. */
  errors: Readonly<Record<string, string>>;
  /** Messages from local validation, shown once the vendor has left the field. */
  localErrors: Readonly<Record<string, string>>;
  disabled?: boolean;
  /** Set while the site is a draft: what it still needs, shown until it is complete. */
  incomplete?: string;
  registerFirstInput?: (el: HTMLInputElement | null) => void;
};

type TOptionalKey = "region" | "facility";

export function SitesSiteFields(props: TSitesSiteFieldsProps) {
  const { site, index, idPrefix, onChange, onRemove, errors, localErrors, disabled } = props;
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const n = index + 1;
  const id = (field: string) => `${idPrefix}-${field}`;
  const touch = (field: string) => () =>
    setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));
  const errorOf = (field: string) =>
    errors[field] ?? (touched.has(field) ? localErrors[field] : undefined);
  const set = (patch: Partial<TSite>) => onChange({ ...site, ...patch });
  const setOptional = (key: TOptionalKey, text: string) => {
    // Blank optional fields are left out, so the saved answer has no empty facility names.
    const { [key]: _dropped, ...rest } = site;
    onChange(text === "" ? rest : { ...rest, [key]: text });
  };
  /** Any field's id, the error it shows, and the blur that lets local errors show. */
  const wired = (field: string) => ({ id: id(field), error: errorOf(field), onBlur: touch(field) });
  const text = (field: "name" | "provider" | TOptionalKey) => ({
    ...wired(field),
    value: site[field] ?? "",
    disabled,
    autoComplete: "off",
    onChange: (e: ChangeEvent<HTMLInputElement>) =>
      field === "name" || field === "provider"
        ? set({ [field]: e.target.value })
        : setOptional(field, e.target.value),
  });
  const coordinate = (field: "lat" | "lon") => ({
    ...wired(field),
    value: site[field],
    disabled,
    onValueChange: (v: number) => set({ [field]: v }),
  });
  const siteError = errors[""] ?? localErrors[""];
  const country = site.country;

  return (
    <fieldset
      // The shared TextField has no disabled look of its own; grey every disabled control here.
      className="rounded-lg p-4 ring-1 ring-slate-200 [&_:disabled]:bg-slate-50 [&_:disabled]:text-slate-500"
      disabled={disabled}
      aria-describedby={props.incomplete ? id("incomplete") : undefined}
    >
      <legend className="px-1 text-sm font-semibold text-slate-900">
        {`Site ${n}${site.name.trim() ? `: ${site.name.trim()}` : ""}`}
      </legend>
      {props.incomplete && (
        <p
          id={id("incomplete")}
          data-testid="site-incomplete"
          className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          <span className="font-semibold">Incomplete:</span> {props.incomplete}. It is kept as a
          draft and becomes part of your answer once complete.
        </p>
      )}
      {siteError && (
        <p className="mb-3 text-sm text-red-700" role="alert">
          {siteError}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField
          {...text("name")}
          ref={props.registerFirstInput}
          label="Name"
          placeholder="e.g. Frankfurt production"
        />
        <SelectField
          {...wired("role")}
          label="Role"
          value={site.role}
          options={ROLE_OPTIONS}
          onChange={(e) => set({ role: e.target.value as TSite["role"] })}
        />
        <TextField
          {...text("provider")}
          label="Provider"
          placeholder="e.g. AWS, Equinix, own data center"
        />
        <SitesCityCombobox
          {...wired("city")}
          label="City"
          value={site.city}
          disabled={disabled}
          onValueChange={(city) => set({ city })}
          onPick={(c) => set({ city: c.name, country: c.country, lat: c.lat, lon: c.lon })}
        />
        <TextField
          {...wired("country")}
          label="Country code"
          value={country}
          maxLength={2}
          autoComplete="off"
          spellCheck={false}
          hint={
            isCountryCode(country)
              ? getCountryName({ code: country })
              : "Two letters, e.g. DE, IE, US."
          }
          onChange={(e) => set({ country: e.target.value.toUpperCase().trim() })}
        />
        <div className="grid grid-cols-2 gap-3">
          <SiteNumberInput {...coordinate("lat")} label="Latitude" hint="South is negative." />
          <SiteNumberInput {...coordinate("lon")} label="Longitude" hint="West is negative." />
        </div>
        <TextField
          {...text("region")}
          label="Region (optional)"
          placeholder="e.g. eu-west-1"
          hint="The provider's own name for the region."
        />
        <TextField
          {...text("facility")}
          label="Facility (optional)"
          placeholder="e.g. FR5"
          hint="Building or campus. Sites naming the same facility count as one place."
        />
        <div className="flex items-end justify-end">
          <Button variant="danger" aria-label={`Remove site ${n}`} onClick={onRemove}>
            Remove
          </Button>
        </div>
      </div>
    </fieldset>
  );
}
