import { describe, expect, test } from "vitest";
import { RULES } from "@/lib/rules/definitions";
import { flagOptions, flagTitle } from "@/lib/rules/flag-titles";
import { FLAG_CODES } from "@/lib/rules/types";

// Flags were named three ways ("BACKUP_SHARED_DEPENDENCY", "Dr test tabletop only", the plain
// title): one helper maps a code to the engine's own title, wherever a person reads a flag.
describe("flagTitle", () => {
  test("every flag code has its rule's title", () => {
    for (const code of FLAG_CODES) {
      const rule = RULES.find((r) => r.code === code);
      expect(rule, code).toBeDefined();
      expect(flagTitle(code)).toBe(rule?.title);
    }
    expect(flagTitle("DR_TEST_TABLETOP_ONLY")).not.toMatch(/^Dr test/);
  });

  test("a code no rule knows (an older engine's) is spelled out, not shown raw", () => {
    expect(flagTitle("LEGACY_CHECK_GONE")).toBe("Legacy check gone");
  });

  test("select options: the title, with the code as secondary text", () => {
    const options = flagOptions();
    expect(options.map((o) => o.value)).toEqual([...FLAG_CODES]);
    expect(options.find((o) => o.value === "BACKUP_SHARED_DEPENDENCY")?.label).toBe(
      `${flagTitle("BACKUP_SHARED_DEPENDENCY")} (BACKUP_SHARED_DEPENDENCY)`,
    );
  });
});
