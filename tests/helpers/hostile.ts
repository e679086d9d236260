import fc from "fast-check";

// Hostile text for the property tests and the hostile-input e2e spec: markup and script URLs
// (must be shown as text), SQL fragments (must be stored as text), right-to-left overrides,
// other scripts, combining marks and astral characters (must come back byte for byte).
export const PAYLOADS = {
  script: "<script>alert(1)</script>",
  img: '"><img src=x onerror=alert(document.domain)>',
  jsUrl: "javascript:alert(1)",
  dropTable: `'; DROP TABLE "Vendor"; --`,
  orTrue: "' OR '1'='1",
  rtl: "\u202Eevil\u202C",
  hebrew: "שלום עולם",
  arabic: "مرحبا بالعالم",
  zalgo: "Z\u0335\u0321a\u0336l\u0334g\u0338o",
  astral: "🦄𝕏👩🏽‍💻",
} as const;

/** Every payload in one string (about 170 characters; no commas, no leading or trailing space). */
export const ALL_PAYLOADS = Object.values(PAYLOADS).join(" ");

/** Strings a form must refuse with a message naming the field. */
export const REFUSED = {
  nul: "before\u0000after",
  loneSurrogate: "half \uD83E of an emoji",
} as const;

const HOSTILE_SAMPLES = [
  ...Object.values(PAYLOADS),
  ALL_PAYLOADS,
  ...Object.values(REFUSED),
  "\uD800",
  "x\uDC00y",
  " padded ",
  "",
];

/** Any UTF-16 code unit, so lone surrogates and NUL come up as often as letters. */
export const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Strings of every kind, with extra weight near `max`, and now and then a megabyte. */
export function anyText(max: number) {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE_SAMPLES), weight: 3 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 3 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: codeUnit, maxLength: 20 }), weight: 2 },
    {
      arbitrary: fc
        .tuple(fc.integer({ min: -3, max: 3 }), fc.constantFrom("x", "é", "🦄", "א"))
        .map(([d, c]) => c.repeat(Math.max(0, Math.ceil((max + d) / c.length)))),
      weight: 2,
    },
    { arbitrary: fc.constant("y".repeat(1_000_000)), weight: 1 },
  );
}

/** What PostgreSQL text stores and gives back unchanged: UTF-8 encodable and no NUL. */
export const isStorable = (value: string) =>
  !value.includes("\u0000") && Buffer.from(value, "utf8").toString("utf8") === value;

/** A valid site answer, for properties that replace one of its fields. */
export const SAMPLE_SITE = {
  id: "site-1",
  name: "Frankfurt",
  role: "primary",
  provider: "AWS",
  city: "Frankfurt am Main",
  country: "DE",
  lat: 50.11,
  lon: 8.68,
};
