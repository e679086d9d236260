"use client";

/**
 * Under an answer carried over from earlier answers (or an imported file): it counts as
 * unanswered until the vendor confirms it here or changes it, either of which saves it.
 */
const FROM = {
  previous: "your answer to the last assessment",
  questionnaire: "your answer to the earlier version of this questionnaire",
  import: "from the file you imported",
} as const;

export function CarriedNotice({
  questionId,
  questionLabel,
  from,
  onConfirm,
}: {
  questionId: string;
  questionLabel: string;
  from: keyof typeof FROM;
  onConfirm(): void;
}) {
  const id = `q-${questionId}-carried`;
  return (
    <div
      className="mb-3 flex flex-wrap items-center justify-between gap-2 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900 ring-1 ring-sky-200"
      data-testid={`carried-${questionId}`}
    >
      <p id={id}>
        <span className="font-semibold">Carried over — confirm or change.</span> This is{" "}
        {FROM[from]}; it counts as unanswered until you confirm it or change it.
      </p>
      <button
        type="button"
        aria-label={`Confirm: ${questionLabel}`}
        aria-describedby={id}
        onClick={onConfirm}
        className="rounded-md bg-white px-3 py-1 font-semibold ring-1 ring-sky-300 hover:bg-sky-100"
      >
        Confirm
      </button>
    </div>
  );
}
