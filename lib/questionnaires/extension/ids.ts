// The prefixes that mark an organisation's own questions and flags (issue 19), without the
// schemas: the vendor portal's client code needs only these, not the core questionnaires the
// schemas check ids against (lib/questionnaires/extension/schema.ts re-exports them).

/** Every extension question and section id starts with this. */
export const EXTENSION_ID_PREFIX = "x_";
/** Every code an organisation's rule raises starts with this. */
export const ORG_FLAG_PREFIX = "ORG_";

export const isExtensionId = (id: string) => id.startsWith(EXTENSION_ID_PREFIX);
export const isOrgFlagCode = (code: string) => code.startsWith(ORG_FLAG_PREFIX);
/** How every screen and report says a flag comes from the organisation's rules, not the engine. */
export const ORG_RULE_LABEL = "Organisation's rule";
/** A flag's code as printed: an organisation's code says where it comes from. */
export const describeFlagCode = (code: string) =>
  isOrgFlagCode(code) ? `${code} · ${ORG_RULE_LABEL}` : code;
