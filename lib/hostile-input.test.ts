import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { readArticleSubmission } from "@/lib/articles/form";
import { articleMetaSchema, pasteFormatSchema } from "@/lib/articles/schemas";
import {
  claimFilterSchema,
  createClaimSchema,
  deleteClaimQuerySchema,
  reassignClaimSchema,
  sourceSchema,
  updateClaimSchema,
  reviewClaimSchema,
} from "@/lib/claims/schemas";
import { parseCursor } from "@/lib/claims/feed";
import { Problem } from "@/lib/errors";
import { MAX_INT } from "@/lib/ids";
import { createAccountSchema, resetPasswordSchema, updateAccountSchema } from "@/lib/users/admin-schemas";
import { signInSchema } from "@/lib/users/schemas";
import { replySchema } from "@/lib/discussion/schemas";
import { inboxDoneSchema } from "@/lib/inbox/schemas";
import { dismissSuggestionSchema, uncheckedParamSchema } from "@/lib/claim-suggestions/schemas";
import { preferencesSchema } from "@/lib/users/preferences";

/*
 * The hostile-input suite, unit half (e2e/hostile-input.spec.ts is the HTTP half): every shared
 * schema against inputs a broken or hostile client sends. One row per input: its name, the
 * input, and what must happen — refused with a message a person can act on (the API answers
 * it as a 4xx), or cleaned to exactly the given value. Add a row to extend it.
 */

/** What a row expects: refused with a message matching `message`, or parsed and cleaned to `value`. */
type Expected = { refused: RegExp } | { cleaned: unknown };
type Row = [name: string, input: unknown, expected: Expected];
const refused = (message: RegExp = /./): Expected => ({ refused: message });
const cleaned = (value: unknown): Expected => ({ cleaned: value });

/** zod's own wording ("Invalid input: expected string, received number"): not for a person. */
const ZOD_DEFAULT = /expected .+, received|^Invalid input$|^Too (big|small)/;

function check(schema: ZodType, [, input, expected]: Row) {
  const result = schema.safeParse(input);
  if ("cleaned" in expected) {
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toEqual(expected.cleaned);
    return;
  }
  expect(result.success, `parsed to ${JSON.stringify(result.data)}`).toBe(false);
  const messages = result.error!.issues.map((issue) => issue.message);
  // The first issue becomes the API's `error` (problemFromZod); every one is shown in `details`.
  expect(messages[0]).toMatch(expected.refused);
  for (const message of messages) expect(message).not.toMatch(ZOD_DEFAULT);
}

// Hostile strings, by kind.
const LONE_SURROGATES = ["\ud800", "\udfff", "before \ud800 after", "\udc00\ud800", "😀\ud83d"];
const CONTROLS = {
  NUL: "\u0000",
  BEL: "\u0007",
  ESC: "\u001b",
  backspace: "\b",
  DEL: "\u007f",
  "CSI (C1)": "\u009b",
} as const;
const RLO = "\u202e";

// ---------------------------------------------------------------------------------------------
// Article details (the "Add article" form and POST /api/articles)

const META = { title: "Budget passes", outlet: "", author: "", url: "", publishedAt: "" };
const meta = (changes: Record<string, unknown>) => ({ ...META, ...changes });
const metaOut = (changes: Record<string, unknown>) => ({ title: "Budget passes", ...changes });

const articleMetaRows: Row[] = [
  ["title missing", { ...META, title: undefined }, refused(/title is missing/i)],
  ["title empty", meta({ title: "" }), refused(/give the article a title/i)],
  ["title only spaces and tabs", meta({ title: " \t  " }), refused(/give the article a title/i)],
  ["title only control characters", meta({ title: "\u0000\u0007\u001b" }), refused(/give the article a title/i)],
  ["title only bidi overrides", meta({ title: `${RLO}\u202d\u2066` }), refused(/give the article a title/i)],
  ["title over 300 characters", meta({ title: "T".repeat(301) }), refused(/300 characters/)],
  ["title of 100,000 characters", meta({ title: "T".repeat(100_000) }), refused(/300 characters/)],
  ["title a number", meta({ title: 42 }), refused(/title must be text/i)],
  ["title an array", meta({ title: ["Budget"] }), refused(/title must be text/i)],
  ["title an object", meta({ title: { toString: "x" } }), refused(/title must be text/i)],
  ["title null", meta({ title: null }), refused(/title must be text/i)],
  ...LONE_SURROGATES.map((s, i): Row => [
    `title with lone surrogate #${i + 1}`,
    meta({ title: `Budget ${s}` }),
    refused(/broken character/),
  ]),
  ...Object.entries(CONTROLS).map(([name, c]): Row => [
    `title with ${name}`,
    meta({ title: `Budget${c} passes` }),
    cleaned(metaOut({ title: "Budget passes" })),
  ]),
  ["title with U+202E", meta({ title: `Budget ${RLO}sessap` }), cleaned(metaOut({ title: "Budget sessap" }))],
  ["title with a line break", meta({ title: "Budget\r\npasses" }), cleaned(metaOut({ title: "Budget passes" }))],
  ["outlet with lone surrogate", meta({ outlet: "\ud800" }), refused(/outlet contains a broken character/i)],
  ["outlet over 200 characters", meta({ outlet: "O".repeat(201) }), refused(/200 characters/)],
  ["outlet a number", meta({ outlet: 7 }), refused(/outlet must be text/i)],
  [
    "outlet with ESC and U+202E",
    meta({ outlet: `Daily\u001b ${RLO}Post` }),
    cleaned(metaOut({ outlet: "Daily Post" })),
  ],
  ["author with lone surrogate", meta({ author: "Ann \udbff" }), refused(/author contains a broken character/i)],
  ["author over 200 characters", meta({ author: "A".repeat(201) }), refused(/200 characters/)],
  ["author with NUL", meta({ author: "Ann\u0000 Lee" }), cleaned(metaOut({ author: "Ann Lee" }))],
  ["url javascript:", meta({ url: "javascript:alert(1)" }), refused(/http:\/\/ or https:\/\//)],
  ["url JaVaScRiPt: with leading space", meta({ url: " JaVaScRiPt:alert(1)" }), refused(/http:\/\/ or https:\/\//)],
  ["url javascript: split by a tab", meta({ url: "java\tscript:alert(1)" }), refused(/http:\/\/ or https:\/\//)],
  ["url data:", meta({ url: "data:text/html,<script>alert(1)</script>" }), refused(/http:\/\/ or https:\/\//)],
  ["url vbscript:", meta({ url: "vbscript:msgbox(1)" }), refused(/http:\/\/ or https:\/\//)],
  ["url file:", meta({ url: "file:///etc/passwd" }), refused(/http:\/\/ or https:\/\//)],
  ["url protocol-relative", meta({ url: "//evil.example/x" }), refused(/http:\/\/ or https:\/\//)],
  ["url without a host", meta({ url: "http://" }), refused(/http:\/\/ or https:\/\//)],
  ["url not a URL", meta({ url: "budget passes" }), refused(/http:\/\/ or https:\/\//)],
  ["url over 2,000 characters", meta({ url: `https://example.org/${"a".repeat(2000)}` }), refused(/2,000 characters/)],
  ["url with lone surrogate", meta({ url: "https://example.org/\ud800" }), refused(/broken character/)],
  ["url a number", meta({ url: 80 }), refused(/link must be text/i)],
  ["publishedAt 2022-02-30", meta({ publishedAt: "2022-02-30" }), refused(/not a real date/)],
  ["publishedAt 2021-02-29 (not a leap year)", meta({ publishedAt: "2021-02-29" }), refused(/not a real date/)],
  ["publishedAt 2022-04-31", meta({ publishedAt: "2022-04-31" }), refused(/not a real date/)],
  ["publishedAt month 13", meta({ publishedAt: "2022-13-01" }), refused(/not a real date/)],
  ["publishedAt month 00", meta({ publishedAt: "2022-00-10" }), refused(/not a real date/)],
  ["publishedAt day 00", meta({ publishedAt: "2022-01-00" }), refused(/not a real date/)],
  ["publishedAt year 0999", meta({ publishedAt: "0999-12-31" }), refused(/not a real date/)],
  ["publishedAt five-digit year", meta({ publishedAt: "20222-01-01" }), refused(/YYYY-MM-DD/)],
  ["publishedAt with slashes", meta({ publishedAt: "2022/01/01" }), refused(/YYYY-MM-DD/)],
  ["publishedAt without zero padding", meta({ publishedAt: "2022-1-1" }), refused(/YYYY-MM-DD/)],
  ["publishedAt with a time", meta({ publishedAt: "2022-01-01T00:00:00Z" }), refused(/YYYY-MM-DD/)],
  ["publishedAt with a space", meta({ publishedAt: " 2022-01-01" }), refused(/YYYY-MM-DD/)],
  ["publishedAt a word", meta({ publishedAt: "yesterday" }), refused(/YYYY-MM-DD/)],
  ["publishedAt a timestamp number", meta({ publishedAt: 1640995200000 }), refused(/publication date/)],
  ["publishedAt with NUL", meta({ publishedAt: "2022-01-01\u0000" }), refused(/YYYY-MM-DD/)],
];

// ---------------------------------------------------------------------------------------------
// Claims (POST /api/articles/{id}/annotations, PATCH /api/annotations/{id})

const CREATE = { position: { start: 0, end: 6 }, quote: { exact: "Budget", prefix: "", suffix: " passes" } };
const create = (changes: Record<string, unknown>) => ({ ...CREATE, ...changes });
const at = (start: unknown, end: unknown) => create({ position: { start, end } });
const quote = (changes: Record<string, unknown>) => create({ quote: { ...CREATE.quote, ...changes } });

const createClaimRows: Row[] = [
  ["body null", null, refused()],
  ["body an array", [CREATE], refused()],
  ["body a string", JSON.stringify(CREATE), refused()],
  ["body empty", {}, refused()],
  ["position missing", { quote: CREATE.quote }, refused(/position/i)],
  ["quote missing", { position: CREATE.position }, refused(/quote/i)],
  ["position an array", create({ position: [0, 6] }), refused(/position/i)],
  ["quote an array", create({ quote: ["Budget"] }), refused(/quote/i)],
  ["start negative", at(-1, 6), refused(/cannot be negative/)],
  ["start a fraction", at(0.5, 6), refused(/whole numbers/)],
  ["start a string", at("0", 6), refused(/whole numbers/)],
  ["start null", at(null, 6), refused(/whole numbers/)],
  ["start NaN", at(NaN, 6), refused(/whole numbers/)],
  ["end Infinity (1e999 in JSON)", at(0, Infinity), refused(/whole numbers|beyond/)],
  ["end -Infinity", at(0, -Infinity), refused(/whole numbers|negative/)],
  ["end 2^31", at(0, MAX_INT + 1), refused(/beyond any article/)],
  ["end 1e300", at(0, 1e300), refused(/whole numbers|beyond/)],
  ["end before start", at(6, 2), refused(/end after it starts/)],
  ["end equal to start", at(3, 3), refused(/end after it starts/)],
  ["position with an extra key", create({ position: { start: 0, end: 6, length: 6 } }), refused(/length/)],
  ["quote.exact empty", quote({ exact: "" }), refused(/quoted passage is empty/)],
  ["quote.exact over 5,000 characters", quote({ exact: "q".repeat(5001) }), refused(/5,000 characters/)],
  ["quote.exact a number", quote({ exact: 5 }), refused(/quoted passage must be text/i)],
  ["quote.prefix over 200 characters", quote({ prefix: "p".repeat(201) }), refused(/200 characters/)],
  ["quote.suffix an object", quote({ suffix: {} }), refused(/must be text/)],
  ["quote.prefix missing", create({ quote: { exact: "Budget", suffix: "" } }), refused(/is missing/)],
  ...LONE_SURROGATES.flatMap((s, i): Row[] => [
    [`quote.exact with lone surrogate #${i + 1}`, quote({ exact: `Budget${s}` }), refused(/broken character/)],
    [`quote.prefix with lone surrogate #${i + 1}`, quote({ prefix: s }), refused(/broken character/)],
    [`quote.suffix with lone surrogate #${i + 1}`, quote({ suffix: s }), refused(/broken character/)],
    [
      `note with lone surrogate #${i + 1}`,
      create({ note: `Checked ${s}` }),
      refused(/note contains a broken character/i),
    ],
  ]),
  ["status unknown", create({ status: "PROBABLY" }), refused(/status must be one of/i)],
  ["status lower case", create({ status: "verified" }), refused(/status must be one of/i)],
  ["status a number", create({ status: 1 }), refused(/status must be one of/i)],
  ["status null", create({ status: null }), refused(/status must be one of/i)],
  ["note over 5,000 characters", create({ note: "n".repeat(5001) }), refused(/5,000 characters/)],
  ["note a number", create({ note: 12 }), refused(/note must be text/i)],
  ["note an array", create({ note: ["a", "b"] }), refused(/note must be text/i)],
  ["note null", create({ note: null }), refused(/note must be text/i)],
  ["an unknown key", create({ authorId: "someone-else" }), refused(/authorId/)],
  [
    "a __proto__ key",
    JSON.parse(`{"__proto__":{"admin":true},${JSON.stringify(CREATE).slice(1)}`),
    refused(/__proto__/),
  ],
  ["a constructor key", create({ constructor: { prototype: { admin: true } } }), refused(/constructor/)],
  ...Object.entries(CONTROLS).map(([name, c]): Row => [
    `note with ${name}`,
    create({ note: `Checked${c} twice` }),
    cleaned({ ...CREATE, note: "Checked twice" }),
  ]),
  [
    "note with NEL, VT and FF (line breaks)",
    create({ note: "One\u0085Two\vThree\fFour" }),
    cleaned({ ...CREATE, note: "One\nTwo\nThree\nFour" }),
  ],
  ["note with CRLF and tab", create({ note: "One\r\n\tTwo" }), cleaned({ ...CREATE, note: "One\n\tTwo" })],
  [
    "note with U+202E (kept in multi-line text)",
    create({ note: `a ${RLO}b` }),
    cleaned({ ...CREATE, note: `a ${RLO}b` }),
  ],
];

const SOURCE = { url: "https://stats.example.org/budget", title: "Council budget" };
const withSource = (source: unknown) => ({ version: 1, addSources: [source] });

const updateClaimRows: Row[] = [
  ["body null", null, refused()],
  ["body an array", [{ version: 1 }], refused()],
  ["body a number", 42, refused()],
  ["version missing", { note: "x" }, refused(/send the claim's version/i)],
  ["version 0", { version: 0 }, refused(/versions start at 1/i)],
  ["version negative", { version: -3 }, refused(/versions start at 1/i)],
  ["version a fraction", { version: 1.5 }, refused(/whole number/)],
  ["version a string", { version: "1" }, refused(/send the claim's version/i)],
  ["version null", { version: null }, refused(/send the claim's version/i)],
  ["version true", { version: true }, refused(/send the claim's version/i)],
  ["version an array", { version: [1] }, refused(/send the claim's version/i)],
  ["version NaN", { version: NaN }, refused(/send the claim's version/i)],
  ["version Infinity", { version: Infinity }, refused(/version/i)],
  ["version 2^31", { version: MAX_INT + 1 }, refused(/no such version/)],
  ["version 2^53", { version: 2 ** 53 }, refused(/version/i)],
  ["status unknown", { version: 1, status: "TRUE-ish" }, refused(/status must be one of/i)],
  ["note over 5,000 characters", { version: 1, note: "n".repeat(5001) }, refused(/5,000 characters/)],
  ["note an object", { version: 1, note: { text: "x" } }, refused(/note must be text/i)],
  ...LONE_SURROGATES.map((s, i): Row => [
    `note with lone surrogate #${i + 1}`,
    { version: 1, note: s },
    refused(/broken character/),
  ]),
  ["addSources an object", { version: 1, addSources: SOURCE }, refused(/addSources/)],
  [
    "addSources an array of strings",
    { version: 1, addSources: [SOURCE.url] },
    refused(/A source must be a JSON object/),
  ],
  [
    "addSources 21 sources",
    { version: 1, addSources: Array.from({ length: 21 }, () => SOURCE) },
    refused(/at most 20 sources/),
  ],
  ["removeSourceIds a string", { version: 1, removeSourceIds: "abc" }, refused(/removeSourceIds/)],
  ["removeSourceIds numbers", { version: 1, removeSourceIds: [1, 2] }, refused(/named by its id/)],
  ["removeSourceIds a path", { version: 1, removeSourceIds: ["../../etc/passwd"] }, refused(/named by its id/)],
  ["removeSourceIds with NUL", { version: 1, removeSourceIds: ["abc\u0000"] }, refused(/named by its id/)],
  ["removeSourceIds with an SQL quote", { version: 1, removeSourceIds: ["x' OR '1'='1"] }, refused(/named by its id/)],
  ["removeSourceIds 65-character id", { version: 1, removeSourceIds: ["a".repeat(65)] }, refused(/named by its id/)],
  [
    "removeSourceIds 51 ids",
    { version: 1, removeSourceIds: Array.from({ length: 51 }, (_, i) => `id${i}`) },
    refused(/at most 50/),
  ],
  ["an unknown key", { version: 1, authorId: "me" }, refused(/authorId/)],
  ["a __proto__ key", JSON.parse('{"version":1,"__proto__":{"isAdmin":true}}'), refused(/__proto__/)],
  ["a constructor key", { version: 1, constructor: {} }, refused(/constructor/)],
  ["a prototype key", { version: 1, prototype: {} }, refused(/prototype/)],
  [
    "a source with a __proto__ key",
    { version: 1, addSources: [JSON.parse(`{"__proto__":{},"url":"${SOURCE.url}","title":"t"}`)] },
    refused(/__proto__/),
  ],
  ["note with BEL", { version: 1, note: "Rings\u0007" }, cleaned({ version: 1, note: "Rings" })],
];

const sourceRows: Row[] = [
  ["url missing", { title: "t" }, refused(/link is missing/i)],
  ["title missing", { url: SOURCE.url }, refused(/source title is missing/i)],
  ["url javascript:", { ...SOURCE, url: "javascript:alert(document.cookie)" }, refused(/http:\/\/ or https:\/\//)],
  [
    "url javascript: with entity-like padding",
    { ...SOURCE, url: "\u0000javascript:alert(1)" },
    refused(/http:\/\/ or https:\/\//),
  ],
  [
    "url data:",
    { ...SOURCE, url: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" },
    refused(/http:\/\/ or https:\/\//),
  ],
  ["url ftp:", { ...SOURCE, url: "ftp://files.example.org/x.pdf" }, refused(/http:\/\/ or https:\/\//)],
  ["url mailto:", { ...SOURCE, url: "mailto:a@example.org" }, refused(/http:\/\/ or https:\/\//)],
  ["url blob:", { ...SOURCE, url: "blob:https://example.org/1" }, refused(/http:\/\/ or https:\/\//)],
  [
    "url over 2,000 characters",
    { ...SOURCE, url: `https://e.org/?q=${"x".repeat(1990)}` },
    refused(/2,000 characters/),
  ],
  ["url of 60,000 characters", { ...SOURCE, url: `https://e.org/${"x".repeat(60_000)}` }, refused(/2,000 characters/)],
  ["url an array", { ...SOURCE, url: [SOURCE.url] }, refused(/link must be text/i)],
  ["title empty", { ...SOURCE, title: "" }, refused(/give the source a title/i)],
  ["title only NUL and BEL", { ...SOURCE, title: "\u0000\u0007" }, refused(/give the source a title/i)],
  ["title over 300 characters", { ...SOURCE, title: "t".repeat(301) }, refused(/300 characters/)],
  ["publisher over 200 characters", { ...SOURCE, publisher: "p".repeat(201) }, refused(/200 characters/)],
  ["excerpt over 2,000 characters", { ...SOURCE, excerpt: "e".repeat(2001) }, refused(/2,000 characters/)],
  ["publisher a number", { ...SOURCE, publisher: 3 }, refused(/publisher must be text/i)],
  ["excerpt an array", { ...SOURCE, excerpt: ["a"] }, refused(/excerpt must be text/i)],
  ["an unknown key", { ...SOURCE, addedById: "x" }, refused(/addedById/)],
  ...LONE_SURROGATES.flatMap((s, i): Row[] => [
    [
      `title with lone surrogate #${i + 1}`,
      { ...SOURCE, title: `Budget ${s}` },
      refused(/source title contains a broken character/i),
    ],
    [
      `publisher with lone surrogate #${i + 1}`,
      { ...SOURCE, publisher: s },
      refused(/publisher contains a broken character/i),
    ],
    [
      `excerpt with lone surrogate #${i + 1}`,
      { ...SOURCE, excerpt: `A ${s} B` },
      refused(/excerpt contains a broken character/i),
    ],
  ]),
  ...Object.entries(CONTROLS).flatMap(([name, c]): Row[] => [
    [`title with ${name}`, { ...SOURCE, title: `Council${c} budget` }, cleaned({ ...SOURCE, title: "Council budget" })],
    [
      `publisher with ${name}`,
      { ...SOURCE, publisher: `City${c} Office` },
      cleaned({ ...SOURCE, publisher: "City Office" }),
    ],
  ]),
  ["title with U+202E", { ...SOURCE, title: `${RLO}tegdub` }, cleaned({ ...SOURCE, title: "tegdub" })],
  [
    "publisher with U+202E and U+2066",
    { ...SOURCE, publisher: `\u2066City${RLO}` },
    cleaned({ ...SOURCE, publisher: "City" }),
  ],
  [
    "url with U+202E",
    { ...SOURCE, url: `https://stats.example.org/${RLO}fdp.exe` },
    cleaned({ ...SOURCE, url: "https://stats.example.org/fdp.exe" }),
  ],
  ["url with NUL", { ...SOURCE, url: "https://stats.example.org/bud\u0000get" }, cleaned(SOURCE)],
  [
    "excerpt with ESC and backspace",
    { ...SOURCE, excerpt: "Spent\u001b[31m 4.2\b million" },
    cleaned({ ...SOURCE, excerpt: "Spent[31m 4.2 million" }),
  ],
  ["excerpt only control characters", { ...SOURCE, excerpt: "\u0000\u0001" }, cleaned(SOURCE)],
];

// ---------------------------------------------------------------------------------------------
// Query parameters and sign-in

const queryRows: Row[] = [
  ["user empty", { user: "" }, refused(/filter by user "me" or by an editor's id/i)],
  ["user with a space", { user: "a b" }, refused(/filter by user/i)],
  ["user with NUL", { user: "me\u0000" }, refused(/filter by user/i)],
  ["user with lone surrogate", { user: "\ud800" }, refused(/filter by user/i)],
  ["user 65 characters", { user: "u".repeat(65) }, refused(/filter by user/i)],
  ["user an SQL fragment", { user: "' OR 1=1 --" }, refused(/filter by user/i)],
  ["status unknown", { status: "MAYBE" }, refused(/status must be one of/i)],
  ["status empty", { status: "" }, refused(/status must be one of/i)],
  ["status lower case", { status: "unverified" }, refused(/status must be one of/i)],
];

/** `?since=` is checked by parseCursor (400: a cursor this server never handed out). */
const cursorRows: Array<[name: string, cursor: string]> = [
  ["since with lone surrogate", "\ud800"],
  ["since with NUL", "1\u0000"],
  ["since negative", "-1"],
  ["since a fraction", "1.5"],
  ["since in exponent form", "1e3"],
  ["since empty", ""],
  ["since 16 digits", "9".repeat(16)],
  ["since hexadecimal", "0x10"],
  ["since a word", "yesterday"],
  ["since with a space", " 1"],
];

const deleteQueryRows: Row[] = [
  ["version a word", { version: "one" }, refused(/version/i)],
  ["version empty", { version: "" }, refused(/version/i)],
  ["version 0", { version: "0" }, refused(/version/i)],
  ["version negative", { version: "-1" }, refused(/version/i)],
  ["version a fraction", { version: "1.5" }, refused(/version/i)],
  ["version Infinity", { version: "Infinity" }, refused(/version/i)],
  ["version NaN", { version: "NaN" }, refused(/version/i)],
  ["version 2^31", { version: String(MAX_INT + 1) }, refused(/version/i)],
  ["version 1e400", { version: "1e400" }, refused(/version/i)],
  ["version hexadecimal", { version: "0x10" }, refused(/version/i)],
  ["version with NUL", { version: "1\u0000" }, refused(/version/i)],
];

const signInRows: Row[] = [
  ["email missing", { password: "secret" }, refused(/email address is missing/i)],
  ["email not an address", { email: "editor", password: "secret" }, refused(/enter an email address/i)],
  ["email with lone surrogate", { email: "a\ud800@example.org", password: "secret" }, refused(/broken character/)],
  ["email over 320 characters", { email: `${"a".repeat(320)}@example.org`, password: "secret" }, refused(/email/i)],
  ["email an array", { email: ["a@example.org"], password: "secret" }, refused(/email address must be text/i)],
  ["password missing", { email: "a@example.org" }, refused(/password is missing/i)],
  ["password empty", { email: "a@example.org", password: "" }, refused(/enter your password/i)],
  ["password with lone surrogate", { email: "a@example.org", password: "pa\udc00ss" }, refused(/broken character/)],
  ["password over 200 characters", { email: "a@example.org", password: "p".repeat(201) }, refused(/password/i)],
  ["password a number", { email: "a@example.org", password: 123456 }, refused(/password must be text/i)],
];

const reviewRows: Row[] = [
  ["body null", null, refused()],
  ["body an array", [], refused()],
  ["version missing", { decision: "approve" }, refused(/send the claim's version/i)],
  ["version a string", { version: "2", decision: "approve" }, refused(/send the claim's version/i)],
  ["version 2^31", { version: MAX_INT + 1, decision: "approve" }, refused(/no such version/)],
  ["decision missing", { version: 1 }, refused(/decision is "approve" or "return"/)],
  ["decision unknown", { version: 1, decision: "reject" }, refused(/decision is "approve" or "return"/)],
  ["decision a number", { version: 1, decision: 1 }, refused(/decision is "approve" or "return"/)],
  ["return without a comment", { version: 1, decision: "return" }, refused(/needs a comment/)],
  ["return with a blank comment", { version: 1, decision: "return", comment: " \n " }, refused(/needs a comment/)],
  ["comment over 2,000 characters", { version: 1, decision: "return", comment: "c".repeat(2001) }, refused(/2,000 characters/)],
  ["comment a number", { version: 1, decision: "return", comment: 7 }, refused(/comment must be text/i)],
  ...LONE_SURROGATES.map((s, i): Row => [
    `comment with lone surrogate #${i + 1}`,
    { version: 1, decision: "return", comment: s },
    refused(/broken character/),
  ]),
  ["an unknown field", { version: 1, decision: "approve", state: "signed_off" }, refused(/"state"/)],
  ["comment trimmed", { version: 1, decision: "return", comment: "  Cite it.\n" }, cleaned({ version: 1, decision: "return", comment: "Cite it." })],
];

const pasteFormatRows: Row[] = [
  ["format docx (a file, not pasted text)", "docx", refused(/plain text, Markdown or HTML/)],
  ["format upper case", "HTML", refused(/plain text, Markdown or HTML/)],
  ["format an executable", "exe", refused(/plain text, Markdown or HTML/)],
  ["format with NUL", "txt\u0000", refused(/plain text, Markdown or HTML/)],
];

const ACCOUNT = { name: "Nia Newcomer", email: "nia@example.org", role: "EDITOR" };
const account = (changes: Record<string, unknown>) => ({ ...ACCOUNT, ...changes });
const createAccountRows: Row[] = [
  ["account a list", [], refused(/The account must be a JSON object/)],
  ["account null", null, refused(/The account must be a JSON object/)],
  ["name missing", { email: "nia@example.org", role: "EDITOR" }, refused(/The name is missing/)],
  ["name blank", account({ name: " \t " }), refused(/Enter the person's name/)],
  ["name over 200 characters", account({ name: "n".repeat(201) }), refused(/longer than 200/)],
  ["name with lone surrogate", account({ name: "Nia \ud800" }), refused(/broken character/)],
  ["name a number", account({ name: 7 }), refused(/The name must be text/)],
  ["email not an address", account({ email: "nia" }), refused(/Enter an email address/)],
  ["role missing", account({ role: undefined }), refused(/role must be one of/)],
  ["role unknown", account({ role: "ROOT" }), refused(/role must be one of: EDITOR, ADMIN/)],
  ["role lower case", account({ role: "editor" }), refused(/role must be one of/)],
  ["password of 11 characters", account({ password: "p".repeat(11) }), refused(/at least 12 characters/)],
  ["password over 200 characters", account({ password: "p".repeat(201) }), refused(/at most 200/)],
  ["password null", account({ password: null }), refused(/The password must be text/)],
  ["unknown field", account({ admin: true }), refused(/does not know: "admin"/)],
  ["planted __proto__", JSON.parse('{"name":"N","email":"n@example.org","role":"EDITOR","__proto__":{}}'), refused(/"__proto__"/)],
  ["email and name cleaned, empty password means generate", account({ name: " Nia ", email: " NIA@Example.org ", password: "" }), cleaned({ name: "Nia", email: "nia@example.org", role: "EDITOR" })],
];
const updateAccountRows: Row[] = [
  ["nothing to change", {}, refused(/Send a new role, or active/)],
  ["active as text", { active: "false" }, refused(/active is true/)],
  ["active as 0", { active: 0 }, refused(/active is true/)],
  ["role unknown", { role: "OWNER" }, refused(/role must be one of/)],
  ["deactivatedAt sent directly", { deactivatedAt: null }, refused(/does not know: "deactivatedAt"/)],
];
const resetPasswordRows: Row[] = [
  ["password short", { password: "short" }, refused(/at least 12 characters/)],
  ["password a number", { password: 1234567890123 }, refused(/The password must be text/)],
  ["password with lone surrogate", { password: "a long password \udfff" }, refused(/broken character/)],
  ["unknown field", { newPassword: "a long enough password" }, refused(/does not know: "newPassword"/)],
];
const reassignRows: Row[] = [
  ["version missing", { authorId: "cabcdefghijklmnopqrstuvw" }, refused(/version/i)],
  ["authorId missing", { version: 1 }, refused(/authorId is the id/)],
  ["authorId a path", { version: 1, authorId: "../admin" }, refused(/authorId is the id/)],
  ["unknown field", { version: 1, authorId: "cabcdefghijklmnopqrstuvw", status: "VERIFIED" }, refused(/does not know: "status"/)],
];

const replyRows: Row[] = [
  ["text missing", {}, refused(/reply is missing/i)],
  ["text empty", { text: "" }, refused(/write something/i)],
  ["text of whitespace", { text: " \n\t " }, refused(/write something/i)],
  ["text of control characters only", { text: "\u0000\u0007" }, refused(/write something/i)],
  ["text of 5,001 characters", { text: "x".repeat(5001) }, refused(/at most 5,000/)],
  ["text a number", { text: 5 }, refused(/reply must be text/i)],
  ["text with a lone surrogate", { text: "a\ud800" }, refused(/broken character/)],
  ["an unknown field", { text: "Hi", claimId: "x" }, refused(/does not know/)],
  ["text trimmed and cleaned", { text: "  Hi\u0000 there \n" }, cleaned({ text: "Hi there" })],
  ["text of exactly 5,000 characters", { text: "y".repeat(5000) }, cleaned({ text: "y".repeat(5000) })],
];

const inboxDoneRows: Row[] = [
  ["keys missing", {}, refused(/keys/)],
  ["keys empty", { keys: [] }, refused(/at least one/)],
  ["keys a string", { keys: "reply:x" }, refused(/must be a list/)],
  ["a key empty", { keys: [""] }, refused(/empty/)],
  ["501 keys", { keys: Array.from({ length: 501 }, (_, i) => `k${i}`) }, refused(/at most 500/)],
  ["done a string", { keys: ["k"], done: "yes" }, refused(/true or false/)],
];

const preferencesRows: Row[] = [
  ["nothing to change", {}, refused(/Name a preference to change/)],
  ["suggestClaims a string", { suggestClaims: "yes" }, refused(/true or false/)],
  ["suggestClaims a number", { suggestClaims: 1 }, refused(/true or false/)],
  ["suggestClaims null", { suggestClaims: null }, refused(/true or false/)],
  ["an unknown field", { suggestClaims: true, theme: "dark" }, refused(/does not know: "theme"/)],
  ["an array", [{ suggestClaims: true }], refused()],
  ["suggestClaims true", { suggestClaims: true }, cleaned({ suggestClaims: true })],
];

const dismissRows: Row[] = [
  ["an unknown field", { textKey: "x" }, refused(/does not know: "textKey"/)],
  ["an array", [], refused()],
  ["a string", "dismiss", refused()],
  ["an empty object", {}, cleaned({})],
];

const uncheckedRows: Row[] = [
  ["a word", "yes", refused(/unchecked is 1/)],
  ["2", "2", refused(/unchecked is 1/)],
  ["with NUL", "1\u0000", refused(/unchecked is 1/)],
  ["1", "1", cleaned(true)],
  ["0", "0", cleaned(false)],
  ["left out", undefined, cleaned(false)],
];

const TABLES: Array<[schema: string, ZodType, Row[]]> = [
  ["createAccountSchema", createAccountSchema, createAccountRows],
  ["updateAccountSchema", updateAccountSchema, updateAccountRows],
  ["resetPasswordSchema", resetPasswordSchema, resetPasswordRows],
  ["reassignClaimSchema", reassignClaimSchema, reassignRows],
  ["articleMetaSchema", articleMetaSchema, articleMetaRows],
  ["createClaimSchema", createClaimSchema, createClaimRows],
  ["updateClaimSchema", updateClaimSchema, updateClaimRows],
  ["sourceSchema", sourceSchema, sourceRows],
  [
    "updateClaimSchema (addSources)",
    updateClaimSchema,
    sourceRows.filter(([, , e]) => "refused" in e).map(([name, input, e]): Row => [name, withSource(input), e]),
  ],
  ["claimFilterSchema", claimFilterSchema, queryRows],
  ["deleteClaimQuerySchema", deleteClaimQuerySchema, deleteQueryRows],
  ["signInSchema", signInSchema, signInRows],
  ["pasteFormatSchema", pasteFormatSchema, pasteFormatRows],
  ["replySchema", replySchema, replyRows],
  ["inboxDoneSchema", inboxDoneSchema, inboxDoneRows],
  ["preferencesSchema", preferencesSchema, preferencesRows],
  ["dismissSuggestionSchema", dismissSuggestionSchema, dismissRows],
  ["uncheckedParamSchema", uncheckedParamSchema, uncheckedRows],
  ["reviewClaimSchema", reviewClaimSchema, reviewRows],
];

// ---------------------------------------------------------------------------------------------
// The whole "Add article" form (lib/articles/form.ts): FormData in, Problem or ZodError out.

type FormRow = [name: string, fields: Record<string, string | File>, message: RegExp];
const formOf = (fields: Record<string, string | File>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
};
const formRows: FormRow[] = [
  ["no title", { text: "Body." }, /give the article a title/i],
  ["no text and no file", { title: "T" }, /article is empty/i],
  ["text only whitespace", { title: "T", text: " \n\t " }, /article is empty/i],
  ["an empty file and no text", { title: "T", file: new File([], "a.txt") }, /article is empty/i],
  ["a .pdf file", { title: "T", file: new File(["%PDF-1.4"], "a.pdf") }, /not a supported file/],
  ["a file without extension", { title: "T", file: new File(["x"], "article") }, /not a supported file/],
  ["an .exe file", { title: "T", file: new File(["MZ"], "setup.exe") }, /not a supported file/],
  [
    "a file over 2 MB",
    { title: "T", file: new File([new Uint8Array(2 * 1024 * 1024 + 1)], "a.txt") },
    /larger than 2 MB/,
  ],
  ["pasted text over 2 MB", { title: "T", text: "é".repeat(1024 * 1024 + 1) }, /larger than 2 MB/],
  ["an unknown paste format", { title: "T", text: "Body.", format: "rtf" }, /plain text, Markdown or HTML/],
  [
    "a title of only NUL (a form cannot carry a lone surrogate: FormData makes it U+FFFD)",
    { title: "\u0000", text: "Body." },
    /give the article a title/i,
  ],
  ["publishedAt 2022-02-30", { title: "T", text: "Body.", publishedAt: "2022-02-30" }, /not a real date/],
];

async function formProblem(fields: Record<string, string | File>): Promise<string> {
  try {
    await readArticleSubmission(formOf(fields));
  } catch (error) {
    if (error instanceof Problem) return error.message;
    if (error instanceof Error && "issues" in error)
      return (error as { issues: Array<{ message: string }> }).issues[0]!.message;
    throw error;
  }
  throw new Error("the form was accepted");
}

describe("hostile input, schemas", () => {
  for (const [schema, zod, rows] of TABLES) {
    describe(schema, () => {
      it.each(rows.map((row) => [row[0], row] as const))("%s", (_name, row) => check(zod, row));
    });
  }

  describe("parseCursor (?since=)", () => {
    it.each(cursorRows)("%s", (_name, cursor) => {
      expect(() => parseCursor(cursor)).toThrow(
        expect.objectContaining({ kind: "malformed", message: expect.stringMatching(/"since" must be a cursor/) }),
      );
    });
  });

  describe("readArticleSubmission", () => {
    it.each(formRows)("%s", async (_name, fields, message) => {
      expect(await formProblem(fields)).toMatch(message);
    });
  });

  it("has at least 200 distinct bad inputs, each row named once", () => {
    const names = [
      ...TABLES.map(([schema, , rows]) => rows.map((row) => `${schema}: ${row[0]}`)).flat(),
      ...formRows.map((row) => `form: ${row[0]}`),
      ...cursorRows.map((row) => `cursor: ${row[0]}`),
    ];
    expect(new Set(names).size).toBe(names.length);
    console.info(`hostile input, schemas: ${names.length} bad inputs`);
    expect(names.length).toBeGreaterThanOrEqual(200);
  });
});
