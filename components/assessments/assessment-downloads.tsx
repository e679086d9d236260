// The assessment's spreadsheet downloads (issue 22): the offline workbook, filled with the
// confirmed answers or blank, and the answers, flags and findings as XLSX or CSV. Plain links:
// the browser downloads each file, and the routes check the session and organisation.

const LINK = "text-indigo-800 underline";

export function AssessmentDownloads({ assessmentId }: { assessmentId: string }) {
  const base = `/api/assessments/${assessmentId}`;
  return (
    <nav aria-label="Spreadsheet downloads" className="text-sm">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        <li>
          <a className={LINK} href={`${base}/answers.xlsx`} download>
            Offline workbook (with answers)
          </a>
        </li>
        <li>
          <a className={LINK} href={`${base}/answers.xlsx?blank=1`} download>
            Blank workbook
          </a>
        </li>
        <li>
          <a className={LINK} href={`${base}/export.xlsx`} download>
            Answers, flags and findings (XLSX)
          </a>
        </li>
        {(["answers", "flags", "findings"] as const).map((part) => (
          <li key={part}>
            <a className={LINK} href={`${base}/export.csv?part=${part}`} download>
              {part[0]!.toUpperCase() + part.slice(1)} (CSV)
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
