import { formatDate } from "../dates";
import { db } from "../db";
import { getEnv } from "../env";
import type { TMail } from "../mail";
import { ZQuestionnaire } from "../questionnaires/questionnaire-schema";
import { getQuestions } from "../questionnaires/registry";
import type { TEventType } from "./types";

type TEventRow = {
  id: string;
  orgId: string;
  type: string;
  assessmentId: string | null;
  vendorId: string | null;
  findingId: string | null;
  payload: unknown;
};

const str = (v: unknown) => (typeof v === "string" ? v : "");
const PREFS = "You can choose which notifications you get by mail on your profile page:";

/**
 * Where an event's staff reader goes: the assessment's review page (at the finding, or the
 * question a thread is about), else the vendor's page.
 */
export function staffLink(
  e: Pick<TEventRow, "assessmentId" | "vendorId" | "findingId"> & { payload?: unknown },
) {
  const base = getEnv().APP_URL;
  const questionId = str((e.payload as Record<string, unknown> | null)?.questionId);
  const anchor = e.findingId
    ? `#finding-${e.findingId}`
    : /^[a-z][a-z0-9_]*$/.test(questionId)
      ? `#answer-${questionId}`
      : "";
  if (e.assessmentId) return `${base}/assessments/${e.assessmentId}${anchor}`;
  if (e.vendorId) return `${base}/vendors/${e.vendorId}`;
  return `${base}/inbox`;
}

/** The mail to a staff member about an event (plain text, one link to its place). */
export async function staffMail({ event }: { event: TEventRow }): Promise<Omit<TMail, "to">> {
  const p = (event.payload ?? {}) as Record<string, unknown>;
  const vendor = str(p.vendorName);
  const link = staffLink(event);
  const profile = `${getEnv().APP_URL}/profile`;
  const lines = (subject: string, ...body: string[]) => ({
    subject,
    text: ["Hello,", "", ...body, "", link, "", PREFS, profile].join("\n"),
  });
  switch (event.type as TEventType) {
    case "assessment.submitted":
      return lines(
        `${vendor} submitted its BC/DR questionnaire`,
        `${vendor} has submitted its answers. They are ready for your review:`,
      );
    case "thread.vendor_replied":
      return lines(
        `${vendor} replied on "${str(p.questionLabel)}"`,
        `${str(p.authorLabel) || vendor} replied on the thread you opened on "${str(p.questionLabel)}". Read the reply:`,
      );
    case "finding.due_soon":
    case "finding.overdue": {
      const overdue = event.type === "finding.overdue";
      return lines(
        `${overdue ? "Overdue" : "Due soon"}: finding "${str(p.title)}" (${vendor})`,
        `The finding "${str(p.title)}" on ${vendor}, which you own, ${overdue ? "was due on" : "is due on"} ${str(p.dueDate)}.`,
      );
    }
    case "risk_acceptance.expiring":
    case "risk_acceptance.expired": {
      const expired = event.type === "risk_acceptance.expired";
      return lines(
        `${expired ? "Expired" : "Expiring"}: risk acceptance for "${str(p.title)}" (${vendor})`,
        expired
          ? `The risk acceptance for the finding "${str(p.title)}" on ${vendor} expired on ${str(p.until)}; the finding is open again.`
          : `The risk acceptance for the finding "${str(p.title)}" on ${vendor} expires on ${str(p.until)}.`,
      );
    }
    default:
      return lines(`Resilience Ledger: ${event.type}`, "Something happened that concerns you:");
  }
}

/** The mail to a vendor contact; `url` is a fresh link to their questionnaire. */
export async function vendorMail({
  event,
  url,
}: {
  event: TEventRow;
  url: string;
}): Promise<Omit<TMail, "to">> {
  const p = (event.payload ?? {}) as Record<string, unknown>;
  const org = await db.organization.findUniqueOrThrow({
    where: { id: event.orgId },
    select: { name: true },
  });
  if (event.type === "assessment.changes_requested") {
    const a = await db.assessment.findUniqueOrThrow({
      where: { id: event.assessmentId ?? "" },
      select: { questionnaireVersion: { select: { definition: true } } },
    });
    // Parsed here rather than through lib/data (whose imports reach the session code), so the
    // job also runs in a plain Node process.
    const parsed = ZQuestionnaire.safeParse(a.questionnaireVersion.definition);
    const questions = parsed.success ? getQuestions({ questionnaire: parsed.data as never }) : [];
    const label = new Map(questions.map((q) => [q.id, q.label]));
    const ids = Array.isArray(p.questions) ? p.questions.map(String) : [];
    return {
      subject: `${org.name} asks for changes to your BC/DR questionnaire`,
      text: [
        "Hello,",
        "",
        `${org.name} has reviewed the BC/DR questionnaire of ${str(p.vendorName)} and reopened ${ids.length === 1 ? "one question" : `${ids.length} questions`} with a comment. Please look at ${ids.length === 1 ? "it" : "each"}, change the answer if needed, and submit again:`,
        "",
        ...ids.flatMap((id) => [`- ${label.get(id) ?? id}`, `  ${url}#q-${id}`]),
        "",
        "The link is personal to you; you can reply to the reviewer's comment on each question.",
      ].join("\n"),
    };
  }
  const accepted = event.type === "assessment.accepted";
  return {
    subject: `${org.name} has ${accepted ? "accepted" : "rejected"} your BC/DR questionnaire`,
    text: [
      "Hello,",
      "",
      `${org.name} has ${accepted ? "accepted" : "rejected"} the BC/DR questionnaire of ${str(p.vendorName)}${str(p.decidedOn) ? ` on ${formatDate(new Date(str(p.decidedOn)))}` : ""}.`,
      accepted
        ? "Thank you for your answers. Nothing more is needed from you for now."
        : "Your contact there will tell you what happens next.",
      "",
      "Your answers stay readable at your link:",
      url,
    ].join("\n"),
  };
}
