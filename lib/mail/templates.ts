import { formatDate } from "../dates";
import { getEnv } from "../env";

type TInviteMail = {
  orgName: string;
  vendorName: string;
  token: string;
  dueDate: Date | null;
  personal?: string;
};

export const formatDay = (d: Date | null) => formatDate(d, { empty: "no fixed date" });

export const respondUrl = (token: string) => `${getEnv().APP_URL}/respond/${token}`;

export function invitationMail({ orgName, vendorName, token, dueDate, personal }: TInviteMail) {
  return {
    subject: `${orgName} asks ${vendorName} for its BC/DR questionnaire`,
    text: [
      "Hello,",
      "",
      `${orgName} is reviewing the business-continuity and disaster-recovery arrangements of ${vendorName}.`,
      ...(personal ? ["", personal] : []),
      "",
      "Please answer the questionnaire at this private link (no account needed; you can save and come back):",
      respondUrl(token),
      "",
      `Due date: ${formatDay(dueDate)}`,
      "The link is personal to you. You can invite colleagues from inside the questionnaire.",
    ].join("\n"),
  };
}

type TReminderMail = {
  orgName: string;
  vendorName: string;
  dueDate: Date | null;
  overdue: boolean;
  /** A new link to the same invitation (links are stored only as hashes, so none can be repeated). */
  token: string;
  support: string;
};

export function reminderMail({
  orgName,
  vendorName,
  dueDate,
  overdue,
  token,
  support,
}: TReminderMail) {
  return {
    subject: overdue
      ? `Overdue: BC/DR questionnaire for ${orgName}`
      : `Reminder: BC/DR questionnaire for ${orgName} is due ${formatDay(dueDate)}`,
    text: [
      "Hello,",
      "",
      overdue
        ? `The BC/DR questionnaire ${orgName} sent to ${vendorName} was due on ${formatDay(dueDate)} and has not been submitted yet.`
        : `A reminder that the BC/DR questionnaire ${orgName} sent to ${vendorName} is due on ${formatDay(dueDate)}.`,
      "",
      "Your answers so far are saved. Continue at this private link (the one in your invitation email works too):",
      respondUrl(token),
      "",
      `Questions, or the link does not work? Ask ${support || orgName}.`,
    ].join("\n"),
  };
}
