import type { TAssessment } from "@/lib/rules/engine";
import { SEVERITIES, type TFlag } from "@/lib/rules/types";

// A plain-text report for terminals and e-mails: rating first, then flags worst first.

export type TWrapTextInput = { text: string; width: number; indent: string };

export function wrapText({ text, width, indent }: TWrapTextInput): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
}

export type TFormatAssessmentTextInput = {
  assessment: Pick<TAssessment, "questionnaire" | "version" | "score" | "rating" | "flags"> & {
    asOf?: string;
  };
  width?: number;
};

export function formatAssessmentText({
  assessment,
  width = 80,
}: TFormatAssessmentTextInput): string {
  const { flags } = assessment;
  const out: string[] = [
    `Questionnaire ${assessment.questionnaire} ${assessment.version}${assessment.asOf ? `, as of ${assessment.asOf}` : ""}`,
    `Rating: ${assessment.rating.toUpperCase()}    Score: ${assessment.score}/100`,
    flags.length === 0
      ? "No risks found."
      : `${flags.length} finding${flags.length === 1 ? "" : "s"}:`,
  ];
  for (const severity of [...SEVERITIES].reverse()) {
    const group = flags.filter((f: TFlag) => f.severity === severity);
    if (group.length === 0) continue;
    out.push("", `${severity.toUpperCase()} (${group.length})`);
    for (const flag of group) {
      out.push(`  ${flag.code}: ${flag.title}`);
      out.push(wrapText({ text: flag.detail, width, indent: "      " }));
      out.push(
        wrapText({ text: `Questions: ${flag.questions.join(", ")}`, width, indent: "      " }),
      );
    }
  }
  return out.join("\n");
}
