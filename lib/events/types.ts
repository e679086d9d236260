/** Every kind of event the outbox records, with the words a person reads for it. */
export const EVENT_TYPES = {
  "assessment.submitted": "A vendor submitted an assessment",
  "assessment.changes_requested": "Changes were requested from a vendor",
  "assessment.accepted": "An assessment was accepted",
  "assessment.rejected": "An assessment was rejected",
  "flag.raised": "A vendor's answers raised a high or critical flag",
  "thread.vendor_replied": "A vendor replied on a question's thread",
  "finding.due_soon": "A finding you own is due soon",
  "finding.overdue": "A finding you own is overdue",
  "risk_acceptance.expiring": "A risk acceptance is expiring",
  "risk_acceptance.expired": "A risk acceptance expired",
} as const;

export type TEventType = keyof typeof EVENT_TYPES;

/** The kinds a staff member receives (by mail and in the inbox), hence may turn off by mail. */
export const STAFF_EVENT_TYPES = [
  "assessment.submitted",
  "thread.vendor_replied",
  "finding.due_soon",
  "finding.overdue",
  "risk_acceptance.expiring",
  "risk_acceptance.expired",
] as const satisfies readonly TEventType[];

export type TStaffEventType = (typeof STAFF_EVENT_TYPES)[number];

export const isStaffEventType = (t: string): t is TStaffEventType =>
  (STAFF_EVENT_TYPES as readonly string[]).includes(t);
