import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { articleMetaSchema } from "@/lib/articles/schemas";
import { createClaimSchema, deleteClaimQuerySchema, sourceSchema, updateClaimSchema } from "@/lib/claims/schemas";
import { MAX_INT } from "@/lib/ids";
import { signInSchema } from "@/lib/users/schemas";

/*
 * The hostile-input suite, property-based part: generated strings (every UTF-16 code unit,
 * lone surrogates included, and text salted with the characters the rules are about), numbers
 * and objects against the shared schemas. Whatever comes in, a parse either fails with issues
 * that each carry a message of our own, or succeeds with output that is well-formed Unicode,
 * free of the control characters the field does not allow, free of bidi overrides in a
 * single-line field, and that parses again to itself.
 */

const RUNS = { numRuns: 300 };

/** zod's own wording ("Invalid input: expected string, received number"): not for a person. */
const ZOD_DEFAULT = /expected .+, received|^Invalid input$|^Too (big|small)/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** Strings of any UTF-16 code units: unpaired surrogates, controls, everything. */
const codeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
  maxLength: 60,
});
/** Text with the troublesome characters mixed into ordinary words. */
const salted = fc.string({
  unit: fc.oneof(
    fc.constantFrom("a", "Z", " ", "é", "😀", "\t", "\n", "\r\n", "\r", "\v", "\f", "\u0085", "\u00a0", "\u2028"),
    fc.constantFrom(
      "\u0000",
      "\u0007",
      "\b",
      "\u001b",
      "\u007f",
      "\u009b",
      "\u202e",
      "\u202a",
      "\u2066",
      "\u2069",
      "\ufeff",
    ),
    fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff", "\ud83d"),
  ),
  maxLength: 40,
});
/** Full Unicode (well-formed) and raw binary strings, as fast-check generates them. */
const anyText = fc.oneof(
  codeUnits,
  salted,
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);

function expectOwnMessages(result: { success: boolean; error?: { issues: Array<{ message: string }> } }) {
  expect(result.error!.issues.length).toBeGreaterThan(0);
  for (const { message } of result.error!.issues) {
    expect(message.length).toBeGreaterThan(5);
    expect(message).not.toMatch(ZOD_DEFAULT);
  }
}

type Kind = "single-line" | "multi-line" | "well-formed";

/** Every string output of a parse, with where it is: the fields' rules apply to each. */
function strings(value: unknown, path = ""): Array<[string, string]> {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${path}[${i}]`));
  if (value && typeof value === "object" && !(value instanceof Date))
    return Object.entries(value).flatMap(([key, item]) => strings(item, path ? `${path}.${key}` : key));
  return [];
}

function checkText(kind: Kind, text: string) {
  expect(text.isWellFormed()).toBe(true);
  if (kind === "single-line") {
    expect(text).not.toMatch(CONTROL);
    expect(text).not.toMatch(BIDI);
    expect(text).toBe(text.trim());
  }
  if (kind === "multi-line") expect(text).not.toMatch(CONTROL_BUT_TAB_AND_NEWLINE);
}

/** The property, for one schema: `kindOf(path)` says which rules a string output at `path` follows. */
function holds(schema: ZodType, input: unknown, kindOf: (path: string) => Kind) {
  const result = schema.safeParse(input);
  if (!result.success) return expectOwnMessages(result);
  for (const [path, text] of strings(result.data)) checkText(kindOf(path), text);
  const again = schema.safeParse(result.data);
  expect(again.error?.issues).toBeUndefined();
  expect(again.data).toEqual(result.data);
}

const meta = articleMetaSchema.shape;
const source = sourceSchema.shape;
const claim = createClaimSchema.shape;

const SINGLE_LINE_FIELDS: Array<[string, ZodType]> = [
  ["article title", meta.title],
  ["outlet", meta.outlet],
  ["author", meta.author],
  ["article link", meta.url],
  ["source link", source.url],
  ["source title", source.title],
  ["publisher", source.publisher],
];
const MULTI_LINE_FIELDS: Array<[string, ZodType]> = [
  ["note", claim.note],
  ["excerpt", source.excerpt],
];

describe("hostile input, properties", () => {
  for (const [name, schema] of SINGLE_LINE_FIELDS) {
    it(`${name}: refused with a message, or one clean trimmed line that parses to itself`, () => {
      fc.assert(
        fc.property(anyText, (text) => holds(schema, text, () => "single-line")),
        RUNS,
      );
    });
  }

  for (const [name, schema] of MULTI_LINE_FIELDS) {
    it(`${name}: refused with a message, or well-formed text with only tab and newline as controls`, () => {
      fc.assert(
        fc.property(anyText, (text) => holds(schema, text, () => "multi-line")),
        RUNS,
      );
    });
  }

  it("links that pass are http(s) and nothing else", () => {
    const links = fc.oneof(
      fc.webUrl(),
      fc
        .tuple(
          fc.constantFrom(
            "javascript:",
            "data:",
            "vbscript:",
            "file:",
            " JaVaScRiPt:",
            "java\tscript:",
            "\u0000javascript:",
          ),
          anyText,
        )
        .map(([scheme, rest]) => scheme + rest),
      anyText,
    );
    fc.assert(
      fc.property(links, (link) => {
        const result = source.url.safeParse(link);
        if (!result.success) return expectOwnMessages(result);
        expect(["http:", "https:"]).toContain(new URL(result.data as string).protocol);
      }),
      RUNS,
    );
  });

  it("quotes are refused when broken, and otherwise kept exactly (they must match the article)", () => {
    const quote = claim.quote;
    fc.assert(
      fc.property(anyText, anyText, anyText, (exact, prefix, suffix) => {
        const result = quote.safeParse({ exact, prefix, suffix });
        if (!result.success) return expectOwnMessages(result);
        expect(result.data).toEqual({ exact, prefix, suffix });
        for (const [, text] of strings(result.data)) checkText("well-formed", text);
      }),
      RUNS,
    );
  });

  it("publication dates that pass are the calendar day that was sent", () => {
    const days = fc.oneof(
      fc
        .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 33 }))
        .map(
          ([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
        ),
      anyText,
    );
    fc.assert(
      fc.property(days, (day) => {
        const result = meta.publishedAt.safeParse(day);
        if (!result.success) return expectOwnMessages(result);
        const date = result.data as Date | undefined;
        if (day === "") expect(date).toBeUndefined();
        else expect(date!.toISOString().slice(0, 10)).toBe(day);
      }),
      RUNS,
    );
  });

  it("versions and offsets that pass are whole numbers a PostgreSQL Int holds", () => {
    const numbers = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.maxSafeInteger(),
      fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 31, 2 ** 53),
    );
    fc.assert(
      fc.property(numbers, numbers, numbers, (version, start, end) => {
        const update = updateClaimSchema.safeParse({ version });
        if (update.success)
          expect(
            Number.isInteger(update.data.version) && update.data.version >= 1 && update.data.version <= MAX_INT,
          ).toBe(true);
        else expectOwnMessages(update);
        const position = claim.position.safeParse({ start, end });
        if (!position.success) return expectOwnMessages(position);
        for (const offset of Object.values(position.data))
          expect(Number.isInteger(offset) && offset >= 0 && offset <= MAX_INT).toBe(true);
      }),
      RUNS,
    );
  });

  it("DELETE ?version= passes only as digits naming a version", () => {
    const queries = fc.oneof(fc.integer().map(String), fc.double().map(String), anyText);
    fc.assert(
      fc.property(queries, (version) => {
        const result = deleteClaimQuerySchema.safeParse({ version });
        if (!result.success) return expectOwnMessages(result);
        expect(String(result.data.version)).toBe(version.replace(/^0+(?=\d)/, ""));
      }),
      RUNS,
    );
  });

  it("whole write inputs of any shape: refused with messages, or clean and stable", () => {
    const sourceLike = fc.record(
      { url: fc.oneof(fc.webUrl(), anyText), title: anyText, publisher: anyText, excerpt: anyText },
      { requiredKeys: ["url", "title"] },
    );
    const inputs = fc.oneof(
      fc.anything(),
      fc.jsonValue(),
      fc.record(
        {
          version: fc.oneof(fc.integer(), fc.anything()),
          note: anyText,
          status: fc.oneof(anyText, fc.constantFrom("VERIFIED", "UNPROVEN")),
          addSources: fc.array(sourceLike, { maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
      fc.dictionary(
        fc.constantFrom("__proto__", "constructor", "prototype", "version", "note", "toString"),
        fc.anything(),
      ),
    );
    const kindOfUpdate = (path: string): Kind => (/(note|excerpt)$/.test(path) ? "multi-line" : "single-line");
    fc.assert(
      fc.property(inputs, (input) => {
        holds(updateClaimSchema, input, kindOfUpdate);
        holds(sourceSchema, input, (path) => (path === "excerpt" ? "multi-line" : "single-line"));
        holds(createClaimSchema, input, (path) =>
          path.startsWith("quote.") ? "well-formed" : path === "note" ? "multi-line" : "single-line",
        );
      }),
      RUNS,
    );
  });

  it("sign-in: refused with a message, or a trimmed lower-case address and the password exactly as typed", () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), anyText), anyText, (email, password) => {
        const result = signInSchema.safeParse({ email, password });
        if (!result.success) return expectOwnMessages(result);
        expect(result.data.email).toBe(email.trim().toLowerCase());
        expect(result.data.password).toBe(password);
        expect(result.data.password.isWellFormed()).toBe(true);
      }),
      RUNS,
    );
  });
});
