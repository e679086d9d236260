import { DECAY_KINDS, getLastEvidenceDates, type TDecayKind } from "@/lib/data/dashboard";
import { readResolvedRequirements } from "@/lib/data/requirements";
import {
  addMonthsUtc,
  formatDate,
  getTodayUtc,
  isOlderThanMonths,
  parseIsoDate,
} from "@/lib/dates";
import { evidenceMaxAgeMonths, TIER_DEFAULTS } from "@/lib/scoring";

/** Last DR test, restore test and plan review from the latest answers, with when each goes stale. */
export async function VendorEvidenceDates({
  orgId,
  vendorId,
}: {
  orgId: string;
  vendorId: string;
}) {
  const { latest, evidence } = await getLastEvidenceDates({ orgId, vendorId });
  // The latest assessment's requirements as every reader shows them (policy included).
  const resolved = latest
    ? readResolvedRequirements({
        stored: latest.resolvedRequirements,
        requirements: latest.requirements,
        policy: latest.org.policy,
      })
    : undefined;
  const testAge =
    resolved?.max_test_age_months ??
    (latest ? TIER_DEFAULTS[latest.vendor.tier].max_test_age_months : 12);
  const today = parseIsoDate({ text: getTodayUtc() })!;
  return (
    <dl className="space-y-2 text-sm">
      {(Object.keys(DECAY_KINDS) as TDecayKind[]).map((k) => {
        const value = latest?.answers.find((a) => a.questionId === k)?.value;
        const text = typeof value === "string" ? value : null;
        const date = text ? parseIsoDate({ text }) : null;
        const months = evidenceMaxAgeMonths({ kind: k, maxTestAgeMonths: testAge });
        const staleOn = text ? addMonthsUtc(new Date(`${text}T00:00:00Z`), months) : null;
        // The engine's own rule: stale once today is on or after the date plus the months.
        const stale = date ? isOlderThanMonths({ date, asOf: today, months }) : false;
        return (
          <div key={k} className="flex justify-between gap-2">
            <dt className="font-medium text-slate-600">{DECAY_KINDS[k]}</dt>
            <dd className="text-right">
              {text ? formatDate(text, { empty: text }) : "not reported"}
              {staleOn && (
                <span
                  className={`block text-xs ${stale ? "font-medium text-red-700" : "text-slate-500"}`}
                >
                  {stale ? "stale since" : "stale on"} {formatDate(staleOn)}
                </span>
              )}
            </dd>
          </div>
        );
      })}
      <div className="flex justify-between gap-2">
        <dt className="font-medium text-slate-600">Last evidence file</dt>
        <dd className="text-right">
          {evidence ? formatDate(evidence.evidenceDate ?? evidence.createdAt) : "none uploaded"}
        </dd>
      </div>
    </dl>
  );
}
