import { readFileSync, writeFileSync } from "node:fs";
import { formatParseErrors, parseAssessmentFile, type TParseError } from "@/lib/questionnaires";
import { writeAnswersWorkbook } from "@/lib/spreadsheets/write";

// npm run --silent answers:xlsx -- IN.json OUT.xlsx
// Turns an `assess` input file into the filled offline workbook; `assess OUT.xlsx` then reads it
// exactly as it reads IN.json. Exit 0, or 2 with one line per problem and no file written.

const USAGE = "usage: npm run --silent answers:xlsx -- IN.json OUT.xlsx";

function fail(errors: readonly TParseError[]): number {
  process.stderr.write(
    `answers:xlsx: refused, nothing written.\n${formatParseErrors({ errors })}\n${USAGE}\n`,
  );
  return 2;
}

async function main(argv: readonly string[]): Promise<number> {
  const [input, output, ...rest] = argv;
  if (!input || !output || rest.length > 0 || !output.endsWith(".xlsx"))
    return fail([{ path: "arguments", expected: "IN.json OUT.xlsx", found: JSON.stringify(argv) }]);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(input, "utf8"));
  } catch (error) {
    return fail([
      { path: "IN.json", expected: "a readable JSON file", found: (error as Error).message },
    ]);
  }
  const parsed = parseAssessmentFile({ input: value });
  if (!parsed.ok) return fail(parsed.errors);
  writeFileSync(output, await writeAnswersWorkbook(parsed.value));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
