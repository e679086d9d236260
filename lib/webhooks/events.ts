import type { TEventType } from "../events/types";

/** The event types an endpoint may subscribe to, with the words the admin page shows. */
export const WEBHOOK_EVENTS = {
  "assessment.submitted": "Assessment submitted by the vendor",
  "assessment.accepted": "Assessment decided: accepted",
  "assessment.rejected": "Assessment decided: rejected",
  "flag.raised": "Flag raised at high or critical severity",
  "finding.overdue": "Finding overdue",
  "risk_acceptance.expiring": "Risk acceptance expiring",
} as const satisfies Partial<Record<TEventType, string>>;

export type TWebhookEvent = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as [
  TWebhookEvent,
  ...TWebhookEvent[],
];
