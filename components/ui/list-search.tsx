import Form from "next/form";
import Link from "next/link";
import { Button } from "./button";
import { SelectField, TextField } from "./field";

type TOption = { value: string; label: string };

export type TListSearchProps = {
  /** The list's path: the form submits its fields there as search params. */
  action: string;
  /** Names the search form, e.g. "Search vendors". */
  label: string;
  values: { q?: string; status?: string; owner?: string; tier?: string };
  statuses: TOption[];
  owners: TOption[];
  tiers: TOption[];
  /** Values in the URL that were ignored, each message naming its field. */
  errors: string[];
  /** "12 vendors found": announced when a search changes it. */
  resultText: string;
};

const ANY = { value: "", label: "Any" };

/**
 * A list's search: name, status, owner and tier, kept in the URL (a plain GET form, so a link,
 * a reload or the back button restores it; next/form navigates without a full reload, so the
 * result count below is announced by screen readers when it changes).
 */
export function ListSearch({
  action,
  label,
  values,
  statuses,
  owners,
  tiers,
  errors,
  resultText,
}: TListSearchProps) {
  return (
    <div className="mb-4 space-y-3">
      <Form
        action={action}
        aria-label={label}
        // A new search (back button included) remounts the fields with the URL's values.
        key={JSON.stringify(values)}
        className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-5"
      >
        <TextField
          id="search-q"
          name="q"
          type="search"
          label="Name"
          defaultValue={values.q ?? ""}
          maxLength={200}
        />
        <SelectField
          id="search-status"
          name="status"
          label="Status"
          defaultValue={values.status ?? ""}
          options={statuses}
        />
        <SelectField
          id="search-owner"
          name="owner"
          label="Owner"
          defaultValue={values.owner ?? ""}
          options={[ANY, ...owners]}
        />
        <SelectField
          id="search-tier"
          name="tier"
          label="Tier"
          defaultValue={values.tier ?? ""}
          options={[ANY, ...tiers]}
        />
        <div className="flex items-center gap-3">
          <Button type="submit">Search</Button>
          <Link className="text-sm text-indigo-800 underline" href={action}>
            Clear
          </Link>
        </div>
      </Form>
      {errors.length > 0 && (
        <ul role="alert" className="rounded-md bg-amber-50 p-2 text-sm text-amber-900">
          {errors.map((e) => (
            <li key={e}>Ignored: {e}</li>
          ))}
        </ul>
      )}
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {resultText}
      </p>
    </div>
  );
}
