import { readFileSync } from "node:fs";
import {
  describeFound,
  formatParseErrors,
  parseAssessmentFile,
  type TParseError,
} from "@/lib/questionnaires";
import {
  assessAnswers,
  formatAssessmentText,
  getRulesVersion,
  getTodayUtc,
  isValidIsoDate,
} from "@/lib/rules";
import { readAnswersWorkbook } from "@/lib/spreadsheets/read";

// npm run --silent assess -- FILE [--as-of YYYY-MM-DD] [--format json|text]
// FILE is JSON, or an .xlsx workbook (lib/spreadsheets) read into the same checks.
// Exit 0 with a report on stdout, or 2 with one "path: expected ...; found ..." line per
// problem on stderr and nothing on stdout.

const USAGE = "usage: npm run --silent assess -- FILE [--as-of YYYY-MM-DD] [--format json|text]";

type TCliOptions = { file: string; asOf: string; format: "json" | "text" };

type TParseArgsInput = { argv: readonly string[] };

function parseArgs({ argv }: TParseArgsInput): { options?: TCliOptions; errors: TParseError[] } {
  const errors: TParseError[] = [];
  const files: string[] = [];
  let asOf = getTodayUtc();
  let format: string = "json";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith("--") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (name === "--as-of" || name === "--format") {
      const value = inline ?? argv[++i];
      if (name === "--as-of") asOf = value ?? "";
      else format = value ?? "";
      if (name === "--as-of" && (value === undefined || !isValidIsoDate({ text: value }))) {
        const expected = "a real date written YYYY-MM-DD";
        errors.push({ path: "--as-of", expected, found: describeFound({ value }) });
      }
      if (name === "--format" && value !== "json" && value !== "text") {
        errors.push({
          path: "--format",
          expected: '"json" or "text"',
          found: describeFound({ value }),
        });
      }
    } else if (arg.startsWith("-") && arg !== "-") {
      errors.push({
        path: arg,
        expected: "--as-of or --format",
        found: describeFound({ value: arg }),
      });
    } else files.push(arg);
  }
  if (files.length !== 1) {
    const found = files.length === 0 ? "nothing" : describeFound({ value: files });
    errors.push({ path: "FILE", expected: "exactly one answers file", found });
  }
  const file = files[0];
  if (errors.length > 0 || file === undefined) return { errors };
  return { options: { file, asOf, format: format as "json" | "text" }, errors };
}

function readJson(file: string): { value?: unknown; errors: TParseError[] } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    const found =
      code === "ENOENT"
        ? `no file at ${JSON.stringify(file)}`
        : `${code} at ${JSON.stringify(file)}`;
    return { errors: [{ path: "FILE", expected: "a readable JSON file", found }] };
  }
  try {
    return { value: JSON.parse(text), errors: [] };
  } catch (error) {
    const found = `text that is not JSON (${(error as Error).message})`;
    return { errors: [{ path: "FILE", expected: "a JSON object", found }] };
  }
}

function fail(errors: readonly TParseError[]): number {
  process.stderr.write(
    `assess: refused, nothing scored.\n${formatParseErrors({ errors })}\n${USAGE}\n`,
  );
  return 2;
}

/** A workbook (.xlsx, made by answers:xlsx or downloaded from the app) or a JSON file. */
async function readAssessmentFile(file: string) {
  if (!/\.xlsx$/i.test(file)) {
    const json = readJson(file);
    if (json.errors.length > 0) return { ok: false as const, errors: json.errors };
    return parseAssessmentFile({ input: json.value });
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    return {
      ok: false as const,
      errors: [
        {
          path: "FILE",
          expected: "a readable workbook",
          found: `${code} at ${JSON.stringify(file)}`,
        },
      ],
    };
  }
  return readAnswersWorkbook(bytes);
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs({ argv });
  if (!args.options) return fail(args.errors);
  const { file, asOf, format } = args.options;
  const parsed = await readAssessmentFile(file);
  if (!parsed.ok) return fail(parsed.errors);
  const { questionnaire, requirements, answers } = parsed.value;
  const judged = assessAnswers({ questionnaire, requirements, answers, asOf });
  // The version the answers were judged by: the rules' own, even for a file that names an
  // older questionnaire version (its answers are a subset of the current questions).
  const assessment = { ...judged, version: getRulesVersion() };
  if (format === "text") {
    process.stdout.write(`${formatAssessmentText({ assessment, width: 80 })}\n`);
    return 0;
  }
  const { score, rating, flags } = assessment;
  const report = {
    questionnaire: questionnaire.id,
    version: assessment.version,
    score,
    rating,
    flags,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
