import type { APIRequestContext, APIResponse } from "@playwright/test";
import {
  SENTENCES,
  SOURCE,
  annotationsUrl,
  claimUrl,
  createArticle,
  createClaim,
  selectorFor,
  type TestArticle,
} from "./api-helpers";
import { E2E_PORT } from "./env";
import { createUser, db, type TestUser } from "./factories";
import { expect, signInApi, test } from "./fixtures";

/*
 * The hostile-input suite, HTTP half (lib/hostile-input.test.ts is the schemas' half): bad input
 * sent to every write route and to the read routes' parameters, through the real server. Each
 * row is one input and the status it must get: a 4xx with a JSON `error` a person can read,
 * never a 500, and nothing stored — the editor's articles, the article's claims, sources,
 * history and change sequence, and the claim itself are the same after the request as before.
 * The last table holds the inputs that are cleaned rather than refused (control characters,
 * bidirectional overrides): stored, but without the characters. Add a row to extend a table.
 */

/** What each row may use: the signed-in editor's article, their claim (with one source) and its current version. */
interface World {
  article: TestArticle;
  claimId: string;
  sourceId: string;
  version: number;
  /** The editor's own reply on the claim. */
  replyId: string;
  /** A suggestion on the article (its sentences are check-worthy), not dismissed. */
  suggestionId: string;
}

/** A body sent exactly as given, with its own Content-Type. */
interface Raw {
  raw: Buffer;
  contentType: string;
}
// A Buffer, because Playwright would JSON-encode a string into a valid JSON string.
const raw = (body: string | Buffer, contentType = "application/json"): Raw => ({ raw: Buffer.from(body), contentType });
const isRaw = (input: unknown): input is Raw => typeof input === "object" && input !== null && "raw" in input;

type JsonInput = Raw | ((world: World) => unknown);
type Row<Input> = [name: string, input: Input, status: number];

const LONE_SURROGATES: Array<[string, string]> = [
  ["lone high surrogate", "\ud800"],
  ["lone low surrogate", "\udfff"],
  ["reversed pair", "\udc00\ud800"],
  ["emoji cut in half", "Checked 😀\ud83d"],
];
const CONTROLS: Array<[string, string]> = [
  ["NUL", "\u0000"],
  ["BEL", "\u0007"],
  ["ESC", "\u001b"],
  ["backspace", "\b"],
  ["DEL", "\u007f"],
];
const RLO = "\u202e";
const OVER_64_KB = "x".repeat(65 * 1024);

// ---------------------------------------------------------------------------------------------
// POST /api/articles/{id}/annotations (JSON)

const claimBody = (world: World) => selectorFor(world.article.text, SENTENCES.bridge);
const withClaim = (changes: Record<string, unknown>) => (world: World) => ({ ...claimBody(world), ...changes });
const withQuote = (changes: Record<string, unknown>) => (world: World) => {
  const body = claimBody(world);
  return { ...body, quote: { ...body.quote, ...changes } };
};
const at = (start: unknown, end: unknown) => withClaim({ position: { start, end } });

const CREATE_CLAIM: Array<Row<JsonInput>> = [
  ["empty body", raw(""), 400],
  ["truncated JSON", raw('{"position": {"start": 0'), 400],
  ["single-quoted JSON", raw("{'position': {'start': 0, 'end': 5}}"), 400],
  ["trailing comma", raw('{"note": "x",}'), 400],
  ["NaN literal", raw('{"position": {"start": NaN, "end": 5}}'), 400],
  ["JSON followed by garbage", raw('{"note": "x"} trailing'), 400],
  ["JavaScript instead of JSON", raw("undefined"), 400],
  ["JSON as text/plain", (world) => raw(JSON.stringify(claimBody(world)), "text/plain"), 400],
  [
    "JSON as a form content type",
    (world) => raw(JSON.stringify(claimBody(world)), "application/x-www-form-urlencoded"),
    400,
  ],
  ["JSON as multipart", (world) => raw(JSON.stringify(claimBody(world)), "multipart/form-data; boundary=x"), 400],
  ["JSON as octet-stream", (world) => raw(JSON.stringify(claimBody(world)), "application/octet-stream"), 400],
  ["JSON as text/html", (world) => raw(JSON.stringify(claimBody(world)), "text/html"), 400],
  ["body over 64 KB", withClaim({ note: OVER_64_KB }), 413],
  ["null", raw("null"), 422],
  ["a number", raw("42"), 422],
  ["a string", raw('"claim"'), 422],
  ["true", raw("true"), 422],
  ["an array", (world) => [claimBody(world)], 422],
  ["an empty object", () => ({}), 422],
  ["20,000 nested arrays", raw(`${"[".repeat(20_000)}${"]".repeat(20_000)}`), 422],
  ["a BOM before an empty object", raw(Buffer.from("\ufeff{}")), 422],
  ["position missing", (world) => ({ quote: claimBody(world).quote }), 422],
  ["quote missing", (world) => ({ position: claimBody(world).position }), 422],
  ["position an array", withClaim({ position: [0, 10] }), 422],
  ["quote a string", withClaim({ quote: SENTENCES.bridge }), 422],
  ["start negative", at(-1, 10), 422],
  ["start a fraction", at(0.5, 10), 422],
  ["start a string", at("0", 10), 422],
  ["start null", at(null, 10), 422],
  [
    "end 1e999 (Infinity)",
    raw('{"position":{"start":0,"end":1e999},"quote":{"exact":"x","prefix":"","suffix":""}}'),
    422,
  ],
  ["end -1e999", raw('{"position":{"start":0,"end":-1e999},"quote":{"exact":"x","prefix":"","suffix":""}}'), 422],
  ["end 2^31", at(0, 2 ** 31), 422],
  ["end 2^53 + 2", at(0, 2 ** 53 + 2), 422],
  ["end 1e308", at(0, 1e308), 422],
  ["end before start", at(10, 2), 422],
  ["a zero-length passage", at(4, 4), 422],
  ["a position outside the text", at(100_000, 100_010), 422],
  ["a quote that does not match the text", withQuote({ exact: SENTENCES.mayor }), 422],
  ["quote.exact empty", withQuote({ exact: "" }), 422],
  ["quote.exact over 5,000 characters", withQuote({ exact: "q".repeat(5001) }), 422],
  ["quote.prefix over 200 characters", withQuote({ prefix: "p".repeat(201) }), 422],
  ["quote.suffix a number", withQuote({ suffix: 7 }), 422],
  ["quote with an extra key", withQuote({ type: "TextQuoteSelector" }), 422],
  ["status unknown", withClaim({ status: "PROBABLY" }), 422],
  ["status lower case", withClaim({ status: "verified" }), 422],
  ["status an array", withClaim({ status: ["VERIFIED"] }), 422],
  ["status Verified without a source", withClaim({ status: "VERIFIED" }), 422],
  ["note over 5,000 characters", withClaim({ note: "n".repeat(5001) }), 422],
  ["note a number", withClaim({ note: 5 }), 422],
  ["note an object", withClaim({ note: { text: "x" } }), 422],
  ["note null", withClaim({ note: null }), 422],
  ["an authorId of someone else", withClaim({ authorId: "someone-else" }), 422],
  ["a __proto__ key", (world) => raw(`{"__proto__":{"admin":true},${JSON.stringify(claimBody(world)).slice(1)}`), 422],
  ["a constructor key", withClaim({ constructor: { prototype: { admin: true } } }), 422],
  [
    "a prototype key in position",
    (world) => ({ ...claimBody(world), position: { ...claimBody(world).position, prototype: {} } }),
    422,
  ],
  [
    "duplicated note, the last one broken",
    (world) => raw(`${JSON.stringify({ ...claimBody(world), note: "ok" }).slice(0, -1)},"note":"\\ud800"}`),
    422,
  ],
  [
    "duplicated status, the last one unknown",
    (world) => raw(`${JSON.stringify({ ...claimBody(world), status: "UNPROVEN" }).slice(0, -1)},"status":"NOPE"}`),
    422,
  ],
  ...LONE_SURROGATES.flatMap(([name, s]): Array<Row<JsonInput>> => [
    [`note with ${name}`, withClaim({ note: `Checked ${s}` }), 422],
    [`quote.exact with ${name}`, withQuote({ exact: `${SENTENCES.bridge}${s}` }), 422],
    [`quote.prefix with ${name}`, withQuote({ prefix: s }), 422],
    [`quote.suffix with ${name}`, withQuote({ suffix: s }), 422],
  ]),
];

// ---------------------------------------------------------------------------------------------
// PATCH /api/annotations/{id} (JSON); `version` is the claim's current one unless the row is about it

const change = (changes: Record<string, unknown>) => (world: World) => ({ version: world.version, ...changes });
const addSource = (changes: Record<string, unknown>) => change({ addSources: [{ ...SOURCE, ...changes }] });

const PATCH_CLAIM: Array<Row<JsonInput>> = [
  ["empty body", raw(""), 400],
  ["truncated JSON", raw('{"version": 1, "note": '), 400],
  ["a comment in JSON", raw('{"version": 1 /* me */}'), 400],
  ["Infinity literal", raw('{"version": Infinity}'), 400],
  ["JSON as text/plain", (world) => raw(JSON.stringify({ version: world.version, note: "x" }), "text/plain"), 400],
  [
    "JSON as a form content type",
    (world) => raw(JSON.stringify({ version: world.version }), "application/x-www-form-urlencoded"),
    400,
  ],
  [
    "no content type at all (octet-stream)",
    (world) => raw(Buffer.from(JSON.stringify({ version: world.version })), "application/octet-stream"),
    400,
  ],
  ["body over 64 KB", change({ note: OVER_64_KB }), 413],
  ["null", raw("null"), 422],
  ["an array", (world) => [{ version: world.version }], 422],
  ["a number", raw("1"), 422],
  ["version missing", () => ({ note: "No version" }), 422],
  ["version 0", change({ version: 0 }), 422],
  ["version negative", change({ version: -1 }), 422],
  ["version a fraction", (world) => ({ version: world.version + 0.5 }), 422],
  ["version a string", (world) => ({ version: String(world.version) }), 422],
  ["version null", change({ version: null }), 422],
  ["version true", change({ version: true }), 422],
  ["version an array", (world) => ({ version: [world.version] }), 422],
  ["version an object", (world) => ({ version: { value: world.version } }), 422],
  ["version 1e999 (Infinity)", raw('{"version": 1e999}'), 422],
  ["version 2^31", change({ version: 2 ** 31 }), 422],
  ["version 2^53", change({ version: 2 ** 53 }), 422],
  ["version 1e308", change({ version: 1e308 }), 422],
  ["a stale version", (world) => ({ version: world.version - 1, note: "Lost update" }), 409],
  ["a version from the future", (world) => ({ version: world.version + 1, note: "Too soon" }), 409],
  ["status unknown", change({ status: "TRUE-ish" }), 422],
  ["status a number", change({ status: 2 }), 422],
  [
    "status Verified after removing the only source",
    (world) => ({ version: world.version, status: "VERIFIED", removeSourceIds: [world.sourceId] }),
    422,
  ],
  ["note over 5,000 characters", change({ note: "n".repeat(5001) }), 422],
  ["note an array", change({ note: ["a"] }), 422],
  ["note a boolean", change({ note: false }), 422],
  ["an unknown key", change({ authorId: "someone-else" }), 422],
  ["a __proto__ key", (world) => raw(`{"version":${world.version},"__proto__":{"isAdmin":true}}`), 422],
  ["a constructor key", change({ constructor: { name: "Admin" } }), 422],
  ["a prototype key", change({ prototype: { polluted: true } }), 422],
  ["a deleted flag", change({ deletedAt: "2020-01-01" }), 422],
  [
    "duplicated version, the last one a string",
    (world) => raw(`{"version":${world.version},"note":"x","version":"${world.version}"}`),
    422,
  ],
  ["addSources an object", change({ addSources: SOURCE }), 422],
  ["addSources a string", change({ addSources: SOURCE.url }), 422],
  ["addSources an array of strings", change({ addSources: [SOURCE.url] }), 422],
  [
    "addSources 21 sources",
    change({ addSources: Array.from({ length: 21 }, (_, i) => ({ ...SOURCE, title: `Source ${i}` })) }),
    422,
  ],
  ["a source without url", change({ addSources: [{ title: "No link" }] }), 422],
  ["a source without title", change({ addSources: [{ url: SOURCE.url }] }), 422],
  ["a source with an unknown key", addSource({ addedById: "someone-else" }), 422],
  [
    "a source with a __proto__ key",
    (world) =>
      raw(`{"version":${world.version},"addSources":[{"__proto__":{"x":1},"url":"${SOURCE.url}","title":"t"}]}`),
    422,
  ],
  ["a source link javascript:", addSource({ url: "javascript:alert(document.cookie)" }), 422],
  ["a source link JavaScript: with a leading space", addSource({ url: "  JavaScript:alert(1)" }), 422],
  ["a source link javascript: with a NUL first", addSource({ url: "\u0000javascript:alert(1)" }), 422],
  ["a source link javascript: split by a tab", addSource({ url: "java\tscript:alert(1)" }), 422],
  ["a source link javascript: split by a line break", addSource({ url: "java\nscript:alert(1)" }), 422],
  ["a source link data:", addSource({ url: "data:text/html,<script>alert(1)</script>" }), 422],
  ["a source link data: base64", addSource({ url: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" }), 422],
  ["a source link vbscript:", addSource({ url: "vbscript:msgbox(1)" }), 422],
  ["a source link file:", addSource({ url: "file:///etc/passwd" }), 422],
  ["a source link ftp:", addSource({ url: "ftp://files.example.org/x.pdf" }), 422],
  ["a source link mailto:", addSource({ url: "mailto:desk@example.org" }), 422],
  ["a source link protocol-relative", addSource({ url: "//evil.example/x" }), 422],
  ["a source link without a host", addSource({ url: "https://" }), 422],
  ["a source link that is a sentence", addSource({ url: "see the council website" }), 422],
  ["a source link over 2,000 characters", addSource({ url: `https://example.org/${"a".repeat(2000)}` }), 422],
  ["a source link of 50,000 characters", addSource({ url: `https://example.org/${"a".repeat(50_000)}` }), 422],
  ["a source link a number", addSource({ url: 8080 }), 422],
  ["a source title empty", addSource({ title: "" }), 422],
  ["a source title of spaces", addSource({ title: "   " }), 422],
  ["a source title of control characters only", addSource({ title: "\u0000\u0007\u001b" }), 422],
  ["a source title of bidi controls only", addSource({ title: `${RLO}\u2066` }), 422],
  ["a source title over 300 characters", addSource({ title: "t".repeat(301) }), 422],
  ["a source title an object", addSource({ title: { en: "Title" } }), 422],
  ["a publisher over 200 characters", addSource({ publisher: "p".repeat(201) }), 422],
  ["a publisher a number", addSource({ publisher: 42 }), 422],
  ["an excerpt over 2,000 characters", addSource({ excerpt: "e".repeat(2001) }), 422],
  ["an excerpt an array", addSource({ excerpt: ["a", "b"] }), 422],
  ["removeSourceIds a string", (world) => ({ version: world.version, removeSourceIds: world.sourceId }), 422],
  ["removeSourceIds numbers", change({ removeSourceIds: [1, 2] }), 422],
  ["removeSourceIds a path", change({ removeSourceIds: ["../../etc/passwd"] }), 422],
  [
    "removeSourceIds with NUL",
    (world) => ({ version: world.version, removeSourceIds: [`${world.sourceId}\u0000`] }),
    422,
  ],
  ["removeSourceIds with a lone surrogate", change({ removeSourceIds: ["\ud800"] }), 422],
  ["removeSourceIds an SQL fragment", change({ removeSourceIds: ["x' OR '1'='1"] }), 422],
  ["removeSourceIds a 65-character id", change({ removeSourceIds: ["a".repeat(65)] }), 422],
  ["removeSourceIds an id that does not exist", change({ removeSourceIds: ["clnosuchsource000000000000"] }), 422],
  ["removeSourceIds 51 ids", change({ removeSourceIds: Array.from({ length: 51 }, (_, i) => `id${i}`) }), 422],
  ...LONE_SURROGATES.flatMap(([name, s]): Array<Row<JsonInput>> => [
    [`note with ${name}`, change({ note: s }), 422],
    [`source title with ${name}`, addSource({ title: `Budget ${s}` }), 422],
    [`publisher with ${name}`, addSource({ publisher: s }), 422],
    [`excerpt with ${name}`, addSource({ excerpt: `A ${s} B` }), 422],
    [`source link with ${name}`, addSource({ url: `https://example.org/${s}` }), 422],
  ]),
];

// ---------------------------------------------------------------------------------------------
// DELETE /api/annotations/{id}?version=… (the query is the whole input)

const DELETE_CLAIM: Array<Row<(world: World) => string>> = [
  ["version a word", () => "?version=one", 422],
  ["version empty", () => "?version=", 422],
  ["version 0", () => "?version=0", 422],
  ["version negative", () => "?version=-1", 422],
  ["version a fraction", (world) => `?version=${world.version}.5`, 422],
  ["version Infinity", () => "?version=Infinity", 422],
  ["version NaN", () => "?version=NaN", 422],
  ["version 2^31", () => `?version=${2 ** 31}`, 422],
  ["version 1e400", () => "?version=1e400", 422],
  ["version in exponent form", (world) => `?version=${world.version}e0`, 422],
  ["version hexadecimal", () => "?version=0x1", 422],
  ["version with a leading space", (world) => `?version=%20${world.version}`, 422],
  ["version with NUL", (world) => `?version=${world.version}%00`, 422],
  ["version with a broken UTF-8 byte", () => "?version=%ED%A0%80", 422],
  ["version 20 digits", () => `?version=${"9".repeat(20)}`, 422],
  ["duplicated version, the last one a word", (world) => `?version=${world.version}&version=one`, 422],
  ["a stale version", (world) => `?version=${world.version - 1}`, 409],
  ["a version from the future", (world) => `?version=${world.version + 1}`, 409],
];

// ---------------------------------------------------------------------------------------------
// POST /api/annotations/{id}/replies and PATCH /api/replies/{id} (JSON, one schema: replySchema)

const REPLY: Array<Row<JsonInput>> = [
  ["empty body", raw(""), 400],
  ["truncated JSON", raw('{"text": "x'), 400],
  ["JSON as text/plain", raw(JSON.stringify({ text: "Hello" }), "text/plain"), 400],
  ["a list instead of an object", () => [{ text: "Hello" }], 422],
  ["text missing", () => ({}), 422],
  ["text empty", () => ({ text: "" }), 422],
  ["text of spaces and line breaks", () => ({ text: " \n\t \r\n" }), 422],
  ["text of control characters only", () => ({ text: "\u0000\u0007\u001b" }), 422],
  ["text of 5,001 characters", () => ({ text: "x".repeat(5001) }), 422],
  ["text of 60,000 characters", () => ({ text: "x".repeat(60_000) }), 422],
  ["text over 64 KB", () => ({ text: OVER_64_KB }), 413],
  ["text a number", () => ({ text: 42 }), 422],
  ["text null", () => ({ text: null }), 422],
  ["text a list", () => ({ text: ["Hello"] }), 422],
  ["an unknown field", () => ({ text: "Hello", authorId: "someone-else" }), 422],
  ["a planted __proto__", raw('{"text": "Hello", "__proto__": {"admin": true}}'), 422],
  ...LONE_SURROGATES.map(([name, s]): Row<JsonInput> => [`text with ${name}`, () => ({ text: `Reply ${s}` }), 422]),
];

// GET /api/search (query string): refused filters are 422; any text in q is searched (SEARCH_TEXTS)
const SEARCH: Array<[name: string, query: string, status: number]> = [
  ["an unknown kind", "q=minsk&kind=tweets", 422],
  ["an unknown status", "q=minsk&status=TRUE", 422],
  ["an unknown review state", "q=minsk&review=maybe", 422],
  ["an editor id with a quote", "q=minsk&editor=%27%20OR%201%3D1", 422],
  ["a date that is not YYYY-MM-DD", "q=minsk&from=yesterday", 422],
  ["a date that does not exist", "q=minsk&from=2026-02-31", 422],
  ["from after to", "q=minsk&from=2026-03-02&to=2026-03-01", 422],
  ["a cursor that is not a number", "q=minsk&cursor=abc", 422],
  ["a cursor too deep", "q=minsk&cursor=5000", 422],
  ["an unknown field", "q=minsk&sort=rank", 422],
  ["a query over 10,000 characters", `q=${"x".repeat(10_001)}`, 422],
];
/** Text a person may type: answered with results (maybe none), never a database error. */
const SEARCH_TEXTS = ['"', '"Minsk talks', "talks*", "NEAR(minsk talks)", "-", "-minsk", "minsk AND OR NOT", "title:minsk ^", "'; DROP TABLE \"Claim\"; --", "%", "\\", "x".repeat(10_000)];

// POST /api/inbox/done (JSON)
const INBOX_DONE: Array<Row<JsonInput>> = [
  ["empty body", raw(""), 400],
  ["keys missing", () => ({}), 422],
  ["keys not a list", () => ({ keys: "reply:x" }), 422],
  ["keys empty", () => ({ keys: [] }), 422],
  ["a key empty", () => ({ keys: [""] }), 422],
  ["a key a number", () => ({ keys: [1] }), 422],
  ["a key over 200 characters", () => ({ keys: ["k".repeat(201)] }), 422],
  ["501 keys", () => ({ keys: Array.from({ length: 501 }, (_, i) => `reply:${i}`) }), 422],
  ["done not a boolean", () => ({ keys: ["reply:x"], done: "yes" }), 422],
  ["an unknown field", () => ({ keys: ["reply:x"], userId: "someone-else" }), 422],
  ["a key with a lone surrogate", () => ({ keys: ["reply:\ud800"] }), 422],
];

// PATCH /api/profile/preferences (JSON)
const PREFERENCES: Array<Row<JsonInput>> = [
  ["empty body", raw(""), 400],
  ["JSON as text/plain", raw('{"suggestClaims":true}', "text/plain"), 400],
  ["not JSON", raw("suggestClaims=true"), 400],
  ["an empty object", () => ({}), 422],
  ["an array", () => [{ suggestClaims: true }], 422],
  ["null", raw("null"), 422],
  ["suggestClaims a string", () => ({ suggestClaims: "yes" }), 422],
  ["suggestClaims a number", () => ({ suggestClaims: 1 }), 422],
  ["suggestClaims null", () => ({ suggestClaims: null }), 422],
  ["an unknown field", () => ({ suggestClaims: true, userId: "someone-else" }), 422],
  ["a planted __proto__", raw('{"suggestClaims": true, "__proto__": {"admin": true}}'), 422],
  ["over 4 KB", () => ({ suggestClaims: true, padding: "x".repeat(5000) }), 413],
];

// POST /api/suggestions/{id}/dismiss (no fields; a body, when sent, an empty JSON object)
const DISMISS: Array<Row<JsonInput>> = [
  ["JSON as text/plain", raw("{}", "text/plain"), 400],
  ["not JSON", raw("dismiss"), 400],
  ["an array", () => [], 422],
  ["a string", raw('"dismiss"'), 422],
  ["an unknown field", () => ({ textKey: "another sentence" }), 422],
  ["a planted __proto__", raw('{"__proto__": {"admin": true}}'), 422],
  ["over 1 KB", () => ({ padding: "x".repeat(2000) }), 413],
];

// ---------------------------------------------------------------------------------------------
// POST /api/articles (multipart form)

type Fields = Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
type FormInput = Fields | FormData | Raw;
const ARTICLE: Fields = { title: "Hostile input article", format: "txt", text: "Body text of the article." };
const article = (changes: Fields): Fields => ({ ...ARTICLE, ...changes });
const without = (name: string): Fields => Object.fromEntries(Object.entries(ARTICLE).filter(([key]) => key !== name));
const file = (name: string, content: string | Buffer, mimeType = "application/octet-stream") => ({
  name,
  mimeType,
  buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
});
const formWith = (entries: Array<[string, string]>): FormData => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
};

const ADD_ARTICLE: Array<Row<FormInput>> = [
  ["JSON instead of a form", raw(JSON.stringify(ARTICLE)), 400],
  ["text/plain instead of a form", raw("title=x&text=y", "text/plain"), 400],
  [
    "multipart without its boundary",
    raw("--x\r\nContent-Disposition: form-data; name=title\r\n\r\nT\r\n--x--", "multipart/form-data"),
    400,
  ],
  [
    "multipart with a wrong boundary",
    raw("--y\r\nContent-Disposition: form-data; name=title\r\n\r\nT\r\n--y--", "multipart/form-data; boundary=x"),
    400,
  ],
  [
    "multipart cut off",
    raw('--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nT', "multipart/form-data; boundary=x"),
    400,
  ],
  ["title missing", without("title"), 422],
  ["title empty", article({ title: "" }), 422],
  ["title of spaces and tabs", article({ title: " \t " }), 422],
  ["title of control characters only", article({ title: "\u0000\u0007\u001b\b" }), 422],
  ["title of bidi controls only", article({ title: `${RLO}\u202d\u2067` }), 422],
  ["title over 300 characters", article({ title: "T".repeat(301) }), 422],
  ["title of 200,000 characters", article({ title: "T".repeat(200_000) }), 422],
  ["outlet over 200 characters", article({ outlet: "O".repeat(201) }), 422],
  ["author over 200 characters", article({ author: "A".repeat(201) }), 422],
  ["link javascript:", article({ url: "javascript:alert(1)" }), 422],
  ["link data:", article({ url: "data:text/html,<script>alert(1)</script>" }), 422],
  ["link vbscript:", article({ url: "vbscript:msgbox(1)" }), 422],
  ["link file:", article({ url: "file:///etc/passwd" }), 422],
  ["link without a scheme", article({ url: "www.example.org/story" }), 422],
  ["link over 2,000 characters", article({ url: `https://example.org/${"a".repeat(2000)}` }), 422],
  ["publishedAt 2022-02-30", article({ publishedAt: "2022-02-30" }), 422],
  ["publishedAt 2021-02-29", article({ publishedAt: "2021-02-29" }), 422],
  ["publishedAt 2022-04-31", article({ publishedAt: "2022-04-31" }), 422],
  ["publishedAt 2022-13-01", article({ publishedAt: "2022-13-01" }), 422],
  ["publishedAt 2022-00-10", article({ publishedAt: "2022-00-10" }), 422],
  ["publishedAt 2022-01-00", article({ publishedAt: "2022-01-00" }), 422],
  ["publishedAt year 0999", article({ publishedAt: "0999-06-01" }), 422],
  ["publishedAt year 275760 (beyond Date)", article({ publishedAt: "275760-09-14" }), 422],
  ["publishedAt 2022/01/01", article({ publishedAt: "2022/01/01" }), 422],
  ["publishedAt 2022-1-1", article({ publishedAt: "2022-1-1" }), 422],
  ["publishedAt with a time", article({ publishedAt: "2022-01-01T10:00:00Z" }), 422],
  ["publishedAt a word", article({ publishedAt: "yesterday" }), 422],
  ["publishedAt a timestamp", article({ publishedAt: "1640995200000" }), 422],
  ["publishedAt with NUL", article({ publishedAt: "2022-01-01\u0000" }), 422],
  ["format unknown", article({ format: "rtf" }), 422],
  ["format docx for pasted text", article({ format: "docx" }), 422],
  ["format upper case", article({ format: "HTML" }), 422],
  ["text missing and no file", without("text"), 422],
  ["text of whitespace", article({ text: " \n\t \r\n" }), 422],
  ["text of control characters only", article({ text: "\u0000\u0001\u0007\u001b" }), 422],
  ["html with nothing but a script", article({ format: "html", text: "<script>alert(1)</script>" }), 422],
  ["html with nothing but an image", article({ format: "html", text: '<img src="x" onerror="alert(1)">' }), 422],
  ["text over 2 MB", article({ text: "x".repeat(2 * 1024 * 1024 + 10) }), 413],
  ["a .pdf file", article({ text: "", file: file("report.pdf", "%PDF-1.4", "application/pdf") }), 422],
  ["an .exe file", article({ text: "", file: file("setup.exe", "MZ\u0090\u0000") }), 422],
  ["a file without an extension", article({ text: "", file: file("article", "Text.") }), 422],
  ["a .docx that is not a zip", article({ text: "", file: file("a.docx", "not a zip at all") }), 422],
  [
    "a .docx that is an empty zip",
    article({ text: "", file: file("a.docx", Buffer.from("504b0506000000000000000000000000000000000000", "hex")) }),
    422,
  ],
  [
    "a .txt file of binary bytes",
    article({ text: "", file: file("a.txt", Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8])) }),
    422,
  ],
  ["an empty file and no text", article({ text: "", file: file("a.txt", "") }), 422],
  ["a file over 2 MB", article({ text: "", file: file("a.txt", Buffer.alloc(2 * 1024 * 1024 + 10, "a")) }), 413],
  [
    "duplicated title, the first one empty",
    formWith([
      ["title", ""],
      ["title", "Second title"],
      ["text", "Body."],
    ]),
    422,
  ],
  [
    "duplicated publishedAt, the first one 2022-02-30",
    formWith([
      ["title", "T"],
      ["publishedAt", "2022-02-30"],
      ["publishedAt", "2022-02-28"],
      ["text", "Body."],
    ]),
    422,
  ],
  [
    "duplicated format, the first one unknown",
    formWith([
      ["title", "T"],
      ["format", "rtf"],
      ["format", "txt"],
      ["text", "Body."],
    ]),
    422,
  ],
];

// ---------------------------------------------------------------------------------------------
// Read routes: query parameters and ids in paths

const GET_QUERY: Array<Row<(world: World) => string>> = [
  ...[
    ["since a word", "since=yesterday"],
    ["since negative", "since=-1"],
    ["since a fraction", "since=1.5"],
    ["since empty", "since="],
    ["since in exponent form", "since=1e3"],
    ["since with NUL", "since=1%00"],
    ["since with a broken UTF-8 byte", "since=%ED%A0%80"],
    ["since 17 digits", `since=${"9".repeat(17)}`],
    ["since hexadecimal", "since=0x1"],
    ["since with a leading space", "since=%201"],
  ].map(([name, query]): Row<(world: World) => string> => [
    `claims ${name}`,
    (world) => `${annotationsUrl(world.article.id)}?${query}`,
    400,
  ]),
  ...[
    ["user empty", "user="],
    ["user with a space", "user=a%20b"],
    ["user with NUL", "user=me%00"],
    ["user with a lone surrogate's bytes", "user=%ED%A0%80"],
    ["user 65 characters", `user=${"u".repeat(65)}`],
    ["user an SQL fragment", "user=%27%20OR%201%3D1%20--"],
    ["status unknown", "status=MAYBE"],
    ["status empty", "status="],
    ["status lower case", "status=verified"],
    ["status with NUL", "status=VERIFIED%00"],
  ].map(([name, query]): Row<(world: World) => string> => [
    `claims ${name}`,
    (world) => `${annotationsUrl(world.article.id)}?${query}`,
    422,
  ]),
  ["claims as JSON-LD, user with NUL", (world) => `${annotationsUrl(world.article.id)}?user=%00&ld`, 422],
  ...[
    ["format missing", ""],
    ["format empty", "format="],
    ["format unknown", "format=exe"],
    ["format upper case", "format=PDF"],
    ["format with NUL", "format=pdf%00"],
    ["format a path", "format=..%2F..%2Fetc%2Fpasswd"],
    ["format with a lone surrogate's bytes", "format=%ED%A0%80"],
  ].map(([name, query]): Row<(world: World) => string> => [
    `report ${name}`,
    (world) => `/api/articles/${world.article.id}/report?${query}`,
    400,
  ]),
  ...[
    ["editor unknown", "editor=clnosucheditor0000000000"],
    ["editor with NUL", "editor=me%00"],
    ["editor 65 characters", `editor=${"e".repeat(65)}`],
    ["editor with a lone surrogate's bytes", "editor=%ED%A0%80"],
    ["editor an SQL fragment", "editor=%27%20OR%201%3D1"],
  ].map(([name, query]): Row<(world: World) => string> => [
    `report ${name}`,
    (world) => `/api/articles/${world.article.id}/report?format=json&${query}`,
    404,
  ]),
  ...[
    ["unchecked a word", "format=md&unchecked=yes"],
    ["unchecked 2", "format=md&unchecked=2"],
    ["unchecked with NUL", "format=md&unchecked=1%00"],
    ["unchecked on the CSV export", "format=csv&unchecked=1"],
    ["unchecked on the ClaimReview export", "format=claimreview&unchecked=1"],
    ["unchecked on the W3C export", "format=w3c&unchecked=1"],
  ].map(([name, query]): Row<(world: World) => string> => [
    `report ${name}`,
    (world) => `/api/articles/${world.article.id}/report?${query}`,
    422,
  ]),
];

/** Ids no row has or could have, each in every path that takes an id. */
const BAD_IDS: Array<[string, string]> = [
  ["an unknown cuid", "clnosuchrow000000000000000"],
  ["NUL", "%00"],
  ["a lone surrogate's bytes", "%ED%A0%80"],
  ["a broken percent-escape", "%zz"],
  ["a byte that is not UTF-8", "%FF"],
  ["65 characters", "i".repeat(65)],
  ["an encoded path", "..%2F..%2Fetc%2Fpasswd"],
  ["a space", "%20"],
  ["U+202E", "%E2%80%AEdi"],
  ["an SQL fragment", "%27%20OR%20%271%27%3D%271"],
  ["an emoji", "%F0%9F%98%80"],
];
/**
 * Ids whose percent-encoding does not decode to UTF-8: Next.js would answer them with a plain-text
 * 500 while decoding the route's params, before any handler runs, so proxy.ts refuses them (400:
 * the address itself is broken).
 */
const UNDECODABLE = /%(?![0-9A-F]{2})|%ED%A0|%FF/i;
type PathRoute = [route: string, method: "GET" | "POST" | "PATCH" | "DELETE", path: (id: string) => string];
const ID_ROUTES: PathRoute[] = [
  ["GET /api/articles/{id}", "GET", (id) => `/api/articles/${id}`],
  ["GET /api/articles/{id}/annotations", "GET", (id) => annotationsUrl(id)],
  ["POST /api/articles/{id}/annotations", "POST", (id) => annotationsUrl(id)],
  ["GET /api/articles/{id}/report", "GET", (id) => `/api/articles/${id}/report?format=json`],
  // The live stream of an unknown article is a 404, never a stream (a bad Last-Event-ID is ignored: lib/live/live.test.ts).
  ["GET /api/articles/{id}/events", "GET", (id) => `/api/articles/${id}/events`],
  ["GET /api/annotations/{id}", "GET", (id) => claimUrl(id)],
  ["GET /api/annotations/{id}/history", "GET", (id) => `${claimUrl(id)}/history`],
  ["GET /api/annotations/{id}/similar", "GET", (id) => `${claimUrl(id)}/similar`],
  ["PATCH /api/annotations/{id}", "PATCH", (id) => claimUrl(id)],
  ["DELETE /api/annotations/{id}", "DELETE", (id) => `${claimUrl(id)}?version=1`],
  ["GET /api/articles/{id}/suggestions", "GET", (id) => `/api/articles/${id}/suggestions`],
  ["POST /api/suggestions/{id}/dismiss", "POST", (id) => `/api/suggestions/${id}/dismiss`],
];
const BAD_PATHS: Array<Row<PathRoute>> = ID_ROUTES.flatMap((route) =>
  BAD_IDS.map(([name, id]): Row<PathRoute> => [
    `${route[0]} with ${name}`,
    [route[0], route[1], () => route[2](id)],
    UNDECODABLE.test(id) ? 400 : 404,
  ]),
);

// ---------------------------------------------------------------------------------------------
// Cleaned, not refused: stored without the characters (and a lone surrogate in a form, which
// the form's UTF-8 cannot carry, arrives as U+FFFD)

type CleanedCase = [
  name: string,
  send: (api: APIRequestContext, world: World) => Promise<APIResponse>,
  /** The stored texts, from the answer or read back through the API. */
  stored: (body: unknown, api: APIRequestContext) => Promise<string[]>,
];
/** An added article's details, as the API reads them back. */
const articleTexts = async (body: unknown, api: APIRequestContext) => {
  const response = await api.get(`/api/articles/${(body as { id: string }).id}`);
  const { title, outlet } = (await response.json()) as { title: string; outlet: string | null };
  return [title, outlet ?? ""];
};
type StoredSource = { title: string; publisher: string | null; url: string; excerpt: string | null };
const sourceTexts = async (body: unknown) =>
  (body as { sources: StoredSource[] }).sources.flatMap((s) => [s.title, s.publisher ?? "", s.url, s.excerpt ?? ""]);
const CLEANED: CleanedCase[] = [
  ...CONTROLS.flatMap(([name, c]): CleanedCase[] => [
    [
      `claim note with ${name}`,
      (api, world) =>
        api.post(annotationsUrl(world.article.id), {
          data: { ...selectorFor(world.article.text, SENTENCES.turnout), note: `Checked${c} twice` },
        }),
      async (body) => [(body as { note: string }).note],
    ],
    [
      `source title, publisher, link and excerpt with ${name}`,
      (api, world) =>
        api.patch(claimUrl(world.claimId), {
          data: {
            version: world.version,
            addSources: [
              {
                url: `https://example.org/a${c}b`,
                title: `Council${c} budget`,
                publisher: `City${c} Office`,
                excerpt: `Spent${c} 4.2 million`,
              },
            ],
          },
        }),
      sourceTexts,
    ],
    [
      `article title and outlet with ${name}`,
      (api) => api.post("/api/articles", { multipart: article({ title: `Title${c} ${name}`, outlet: `Outlet${c}` }) }),
      articleTexts,
    ],
  ]),
  [
    `source title and publisher with U+202E`,
    (api, world) =>
      api.patch(claimUrl(world.claimId), {
        data: {
          version: world.version,
          addSources: [{ ...SOURCE, title: `${RLO}tegdub`, publisher: `\u2066City${RLO}` }],
        },
      }),
    sourceTexts,
  ],
  [
    `article title with U+202E`,
    (api) => api.post("/api/articles", { multipart: article({ title: `Budget ${RLO}sessap` }) }),
    articleTexts,
  ],
  [
    `article title with a surrogate's bytes (ED A0 80)`,
    (api) => {
      const boundary = "hostile";
      const part = (name: string, value: Buffer) =>
        Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
          value,
          Buffer.from("\r\n"),
        ]);
      const body = Buffer.concat([
        part("title", Buffer.from([0x42, 0xed, 0xa0, 0x80])),
        part("text", Buffer.from("Body.")),
        Buffer.from(`--${boundary}--\r\n`),
      ]);
      return api.post("/api/articles", {
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        data: body,
      });
    },
    articleTexts,
  ],
];

// ---------------------------------------------------------------------------------------------

// POST /api/annotations/{id}/review (by another editor than the claim's author)

/** The reviewer's world: a colleague's rated claim, an Unverified one and a deleted one. */
interface ReviewWorld {
  ratedId: string;
  unverifiedId: string;
  deletedId: string;
  version: number;
}
type ReviewTarget = "rated" | "unverified" | "deleted";
type ReviewInput = { target: ReviewTarget; body: Raw | ((world: ReviewWorld) => unknown) };
const rated = (body: ReviewInput["body"]): ReviewInput => ({ target: "rated", body });

const REVIEW_CLAIM: Array<Row<ReviewInput>> = [
  ["empty object", rated(() => ({})), 422],
  ["decision missing", rated((w) => ({ version: w.version })), 422],
  ["decision unknown", rated((w) => ({ version: w.version, decision: "reject" })), 422],
  ["decision in capitals", rated((w) => ({ version: w.version, decision: "APPROVE" })), 422],
  ["decision a number", rated((w) => ({ version: w.version, decision: 1 })), 422],
  ["decision a list", rated((w) => ({ version: w.version, decision: ["approve"] })), 422],
  ["version missing", rated(() => ({ decision: "approve" })), 422],
  ["version a string", rated((w) => ({ version: String(w.version), decision: "approve" })), 422],
  ["version a fraction", rated((w) => ({ version: w.version + 0.5, decision: "approve" })), 422],
  ["version 2^31", rated(() => ({ version: 2 ** 31, decision: "approve" })), 422],
  ["a stale version", rated((w) => ({ version: w.version - 1, decision: "approve" })), 409],
  ["a version from the future", rated((w) => ({ version: w.version + 1, decision: "approve" })), 409],
  ["return without a comment", rated((w) => ({ version: w.version, decision: "return" })), 422],
  ["return with an empty comment", rated((w) => ({ version: w.version, decision: "return", comment: "" })), 422],
  ["return with a blank comment", rated((w) => ({ version: w.version, decision: "return", comment: " \n\t " })), 422],
  [
    "return with a comment of 2,001 characters",
    rated((w) => ({ version: w.version, decision: "return", comment: "x".repeat(2001) })),
    422,
  ],
  ["comment a number", rated((w) => ({ version: w.version, decision: "return", comment: 42 })), 422],
  ["comment null", rated((w) => ({ version: w.version, decision: "return", comment: null })), 422],
  ...LONE_SURROGATES.map(([label, text]): Row<ReviewInput> => [
    `comment with a ${label}`,
    rated((w) => ({ version: w.version, decision: "return", comment: text })),
    422,
  ]),
  ["an unknown field", rated((w) => ({ version: w.version, decision: "approve", reviewer: "someone-else" })), 422],
  ["the state set directly", rated((w) => ({ version: w.version, decision: "approve", state: "signed_off" })), 422],
  ["__proto__ in the body", rated(raw('{"version":1,"decision":"approve","__proto__":{"admin":true}}')), 422],
  ["a list instead of an object", rated(raw("[]")), 422],
  ["null", rated(raw("null")), 422],
  ["not JSON", rated(raw("{decision: approve}")), 400],
  ["sent as text/plain", rated(raw('{"version":1,"decision":"approve"}', "text/plain")), 400],
  ["sent as a form", rated(raw("version=1&decision=approve", "application/x-www-form-urlencoded")), 400],
  ["approving an Unverified claim", { target: "unverified", body: () => ({ version: 1, decision: "approve" }) }, 422],
  [
    "returning an Unverified claim",
    { target: "unverified", body: () => ({ version: 1, decision: "return", comment: "Rate it first." }) },
    422,
  ],
  ["approving a deleted claim", { target: "deleted", body: () => ({ version: 2, decision: "approve" }) }, 404],
];

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------

const TABLES = {
  CREATE_CLAIM,
  PATCH_CLAIM,
  DELETE_CLAIM,
  REPLY,
  INBOX_DONE,
  PREFERENCES,
  DISMISS,
  REVIEW_CLAIM,
  ADD_ARTICLE,
  GET_QUERY,
  BAD_PATHS,
};
const REFUSED = Object.values(TABLES).reduce((sum, rows) => sum + rows.length, 0);
const CONTROL_OR_BIDI = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test.describe("hostile input over HTTP", () => {
  let editor: TestUser;
  let api: APIRequestContext;
  let world: World;

  test.beforeAll(async ({ playwright }) => {
    editor = await createUser("EDITOR");
    api = await playwright.request.newContext({ baseURL: `http://localhost:${E2E_PORT}` });
    await signInApi(api, editor);
    const testArticle = await createArticle(api);
    const claim = await createClaim(api, testArticle, SENTENCES.budget);
    const sourced = await api.patch(claimUrl(claim.id), { data: { version: claim.version, addSources: [SOURCE] } });
    expect(sourced.status()).toBe(200);
    const { sources, version } = (await sourced.json()) as { sources: Array<{ id: string }>; version: number };
    const replied = await api.post(`${claimUrl(claim.id)}/replies`, { data: { text: "The editor's own reply." } });
    expect(replied.status()).toBe(201);
    const reply = (await replied.json()) as { id: string };
    // Adding the article computes its suggestions in the background: wait for them.
    let suggestionId = "";
    await expect
      .poll(async () => {
        const response = await api.get(`/api/articles/${testArticle.id}/suggestions`);
        const view = (await response.json()) as { state: string; suggestions: Array<{ id: string }> };
        suggestionId = view.suggestions[0]?.id ?? "";
        return view.state === "ready" && suggestionId !== "";
      })
      .toBe(true);
    world = { article: testArticle, claimId: claim.id, sourceId: sources[0]!.id, version, replyId: reply.id, suggestionId };
  });

  test.afterAll(async () => {
    await api.dispose();
  });

  /** Everything a refused request must leave as it was; also brings `world.version` up to date. */
  async function stored() {
    const onArticle = { claim: { articleId: world.article.id } };
    const [articles, claims, sources, events, articleRow, claim, replies, reply, done, dismissals, preferences] =
      await Promise.all([
      db.article.count({ where: { createdById: editor.id } }),
      db.claim.count({ where: { articleId: world.article.id } }),
      db.source.count({ where: onArticle }),
      db.claimEvent.count({ where: onArticle }),
      db.article.findUniqueOrThrow({ where: { id: world.article.id }, select: { claimSeq: true } }),
      db.claim.findUniqueOrThrow({
        where: { id: world.claimId },
        select: { version: true, status: true, note: true, deletedAt: true, updatedAt: true },
      }),
      db.reply.count({ where: onArticle }),
      db.reply.findUniqueOrThrow({
        where: { id: world.replyId },
        select: { text: true, editedAt: true, deletedAt: true },
      }),
      db.inboxDone.count({ where: { userId: editor.id } }),
      db.suggestionDismissal.count({ where: { articleId: world.article.id } }),
      db.userPreferences.findUnique({ where: { userId: editor.id }, select: { suggestClaims: true } }),
    ]);
    world.version = claim.version;
    const suggestions = { dismissals, preferences };
    return { articles, claims, sources, events, claimSeq: articleRow.claimSeq, claim, replies, reply, done, suggestions };
  }

  /** Sends one bad input, then checks the answer and that nothing was stored. */
  async function refuses(send: () => Promise<APIResponse>, status: number) {
    const before = await stored();
    const response = await send();
    const body = await response.text();
    expect(response.status(), body.slice(0, 300)).toBe(status);
    expect(response.headers()["content-type"]).toContain("application/json");
    const { error } = JSON.parse(body) as { error?: unknown };
    expect(typeof error === "string" && error.length > 10, `a message in ${body.slice(0, 300)}`).toBe(true);
    expect(await stored()).toEqual(before);
  }

  const sendJson = (method: "post" | "patch", url: (w: World) => string, input: JsonInput) => () => {
    const body = isRaw(input) ? input : input(world);
    if (isRaw(body)) return api[method](url(world), { headers: { "content-type": body.contentType }, data: body.raw });
    return api[method](url(world), { data: body as Record<string, unknown> });
  };

  test(`has at least 200 refused inputs (${REFUSED}) and ${CLEANED.length} cleaned ones, each named once`, () => {
    for (const [table, rows] of Object.entries(TABLES)) {
      const names = rows.map((row) => row[0]);
      expect(new Set(names).size, `${table} names each row once`).toBe(names.length);
    }
    console.info(`hostile input over HTTP: ${REFUSED} refused inputs, ${CLEANED.length} cleaned`);
    expect(REFUSED).toBeGreaterThanOrEqual(200);
  });

  for (const [name, input, status] of CREATE_CLAIM) {
    test(`POST /api/articles/{id}/annotations: ${name} → ${status}`, async () => {
      await refuses(
        sendJson("post", (w) => annotationsUrl(w.article.id), input),
        status,
      );
    });
  }

  for (const [name, input, status] of PATCH_CLAIM) {
    test(`PATCH /api/annotations/{id}: ${name} → ${status}`, async () => {
      await stored();
      await refuses(
        sendJson("patch", (w) => claimUrl(w.claimId), input),
        status,
      );
    });
  }

  for (const [name, query, status] of DELETE_CLAIM) {
    test(`DELETE /api/annotations/{id}: ${name} → ${status}`, async () => {
      await stored();
      await refuses(() => api.delete(`${claimUrl(world.claimId)}${query(world)}`), status);
    });
  }

  for (const [name, input, status] of REPLY) {
    test(`POST /api/annotations/{id}/replies: ${name} → ${status}`, async () => {
      await refuses(
        sendJson("post", (w) => `${claimUrl(w.claimId)}/replies`, input),
        status,
      );
    });
    test(`PATCH /api/replies/{id}: ${name} → ${status}`, async () => {
      await refuses(
        sendJson("patch", (w) => `/api/replies/${w.replyId}`, input),
        status,
      );
    });
  }

  for (const [name, query, status] of SEARCH) {
    test(`GET /api/search: ${name} → ${status}`, async () => {
      await refuses(() => api.get(`/api/search?${query}`), status);
    });
  }

  test("GET /api/search: search syntax typed by a person → 200 with results, never a database error", async () => {
    for (const text of SEARCH_TEXTS) {
      const response = await api.get(`/api/search?q=${encodeURIComponent(text)}`);
      const body = await response.text();
      expect(response.status(), `${text.slice(0, 40)}: ${body.slice(0, 200)}`).toBe(200);
      expect(Array.isArray((JSON.parse(body) as { results?: unknown }).results)).toBe(true);
      expect(body).not.toMatch(/fts5|syntax error|tsquery/i);
    }
  });

  for (const [name, input, status] of INBOX_DONE) {
    test(`POST /api/inbox/done: ${name} → ${status}`, async () => {
      await refuses(
        sendJson("post", () => "/api/inbox/done", input),
        status,
      );
    });
  }

  for (const [name, input, status] of PREFERENCES) {
    test(`PATCH /api/profile/preferences: ${name} → ${status}`, async () => {
      await refuses(sendJson("patch", () => "/api/profile/preferences", input), status);
    });
  }

  for (const [name, input, status] of DISMISS) {
    test(`POST /api/suggestions/{id}/dismiss: ${name} → ${status}`, async () => {
      await refuses(sendJson("post", (w) => `/api/suggestions/${w.suggestionId}/dismiss`, input), status);
    });
  }

  for (const [name, input, status] of ADD_ARTICLE) {
    test(`POST /api/articles: ${name} → ${status}`, async () => {
      await refuses(() => {
        if (isRaw(input))
          return api.post("/api/articles", { headers: { "content-type": input.contentType }, data: input.raw });
        return api.post("/api/articles", { multipart: input });
      }, status);
    });
  }

  for (const [name, url, status] of GET_QUERY) {
    test(`GET ${name} → ${status}`, async () => {
      const ld = url(world).endsWith("&ld");
      await refuses(
        () => api.get(url(world).replace(/&ld$/, ""), ld ? { headers: { Accept: "application/ld+json" } } : {}),
        status,
      );
    });
  }

  for (const [name, [, method, path], status] of BAD_PATHS) {
    test(`${name} → ${status}`, async () => {
      await stored();
      const data =
        method === "POST" ? claimBody(world) : method === "PATCH" ? { version: world.version, note: "x" } : undefined;
      await refuses(() => api.fetch(path(""), { method, ...(data ? { data } : {}) }), status);
    });
  }

  for (const [name, send, texts] of CLEANED) {
    test(`cleaned: ${name}`, async () => {
      await stored();
      const response = await send(api, world);
      const body = await response.text();
      expect(response.status(), body.slice(0, 300)).toBeLessThan(300);
      const kept = await texts(JSON.parse(body), api);
      expect(kept.length).toBeGreaterThan(0);
      for (const text of kept) {
        expect(text.isWellFormed()).toBe(true);
        expect(text).not.toMatch(CONTROL_OR_BIDI);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The admin's routes (/api/admin/users…, POST /api/annotations/{id}/reassign), sent by an admin:
// refused with a message, and the accounts and the claim unchanged.

interface AdminWorld {
  /** An editor's account the rows act on, and the admin's own. */
  target: { id: string; email: string };
  adminId: string;
  claimId: string;
  version: number;
}
type AdminRoute = "create" | "update" | "password" | "reassign";
type AdminInput = Raw | ((world: AdminWorld) => unknown);

const account = (changes: Record<string, unknown>) => () => ({
  name: "Hostile Newcomer",
  email: "hostile-newcomer@test.factline.test",
  role: "EDITOR",
  ...changes,
});
const ADMIN_ROWS: Array<[name: string, route: AdminRoute, input: AdminInput, status: number]> = [
  ["create: empty body", "create", raw(""), 400],
  ["create: text/plain body", "create", raw('{"name":"x"}', "text/plain"), 400],
  ["create: a list", "create", () => [], 422],
  ["create: no name", "create", account({ name: undefined }), 422],
  ["create: blank name", "create", account({ name: "   " }), 422],
  ["create: name of 201 characters", "create", account({ name: "n".repeat(201) }), 422],
  ["create: name with a lone surrogate", "create", account({ name: "Nia \ud800" }), 422],
  ["create: not an email", "create", account({ email: "not-an-email" }), 422],
  ["create: email as a number", "create", account({ email: 42 }), 422],
  ["create: unknown role", "create", account({ role: "OWNER" }), 422],
  ["create: lower-case role", "create", account({ role: "admin" }), 422],
  ["create: password of 11 characters", "create", account({ password: "elevenchars" }), 422],
  ["create: password of 201 characters", "create", account({ password: "p".repeat(201) }), 422],
  ["create: password as a number", "create", account({ password: 123456789012 }), 422],
  ["create: unknown field", "create", account({ isAdmin: true }), 422],
  [
    "create: __proto__ field",
    "create",
    raw('{"name":"x","email":"x@example.org","role":"EDITOR","__proto__":{"role":"ADMIN"}}'),
    422,
  ],
  ["create: an existing email, in capitals", "create", (w) => account({ email: w.target.email.toUpperCase() })(), 409],
  ["update: empty object", "update", () => ({}), 422],
  ["update: active as text", "update", () => ({ active: "false" }), 422],
  ["update: unknown role", "update", () => ({ role: "SUPERUSER" }), 422],
  ["update: unknown field", "update", () => ({ deactivatedAt: null }), 422],
  ["update: deactivate oneself", "update", (w) => ({ active: false, self: w.adminId }), 422],
  ["update: not JSON", "update", raw("active=false", "application/x-www-form-urlencoded"), 400],
  ["password: of 5 characters", "password", () => ({ password: "short" }), 422],
  ["password: as null", "password", () => ({ password: null }), 422],
  ["password: unknown field", "password", () => ({ newPassword: "a long enough password" }), 422],
  ["password: truncated JSON", "password", raw('{"password": "abc'), 400],
  ["reassign: no version", "reassign", (w) => ({ authorId: w.target.id }), 422],
  ["reassign: stale version", "reassign", (w) => ({ version: w.version - 1 || 99, authorId: w.target.id }), 409],
  ["reassign: authorId not an id", "reassign", (w) => ({ version: w.version, authorId: "../admin" }), 422],
  ["reassign: unknown account", "reassign", (w) => ({ version: w.version, authorId: "cunknownaccount000000000" }), 422],
  ["reassign: to the claim's own author", "reassign", (w) => ({ version: w.version, authorId: w.adminId }), 422],
  ["reassign: unknown field", "reassign", (w) => ({ version: w.version, authorId: w.target.id, note: "x" }), 422],
];

test.describe("hostile input to the admin routes", () => {
  let admin: TestUser;
  let api: APIRequestContext;
  let world: AdminWorld;

  test.beforeAll(async ({ playwright }) => {
    admin = await createUser("ADMIN");
    const target = await createUser("EDITOR");
    api = await playwright.request.newContext({ baseURL: `http://localhost:${E2E_PORT}` });
    await signInApi(api, admin);
    const testArticle = await createArticle(api);
    const claim = await createClaim(api, testArticle, SENTENCES.budget);
    world = {
      target: { id: target.id, email: target.email },
      adminId: admin.id,
      claimId: claim.id,
      version: claim.version,
    };
  });

  test.afterAll(async () => {
    await api.dispose();
  });

  const stored = async () => ({
    users: await db.user.count({
      where: { email: { in: ["hostile-newcomer@test.factline.test", world.target.email] } },
    }),
    accounts: await db.user.findMany({
      where: { id: { in: [world.target.id, world.adminId] } },
      select: { id: true, role: true, deactivatedAt: true, passwordHash: true },
      orderBy: { id: "asc" },
    }),
    claim: await db.claim.findUniqueOrThrow({
      where: { id: world.claimId },
      select: { authorId: true, version: true },
    }),
    events: await db.claimEvent.count({ where: { claimId: world.claimId } }),
  });

  const urlOf = (route: AdminRoute, body: unknown) => {
    if (route === "create") return "/api/admin/users";
    if (route === "reassign") return `${claimUrl(world.claimId)}/reassign`;
    // "deactivate oneself" names the admin's own account by `self` (dropped from the body).
    const self = typeof body === "object" && body !== null && "self" in body;
    const id = self ? world.adminId : world.target.id;
    return route === "update" ? `/api/admin/users/${id}` : `/api/admin/users/${id}/password`;
  };

  test(`names each of its ${ADMIN_ROWS.length} rows once`, () => {
    expect(new Set(ADMIN_ROWS.map((row) => row[0])).size).toBe(ADMIN_ROWS.length);
  });

  for (const [name, route, input, status] of ADMIN_ROWS) {
    test(`admin ${name} → ${status}`, async () => {
      const before = await stored();
      const body = isRaw(input) ? input : input(world);
      const url = urlOf(route, body);
      const method = route === "update" ? "patch" : "post";
      const response = isRaw(body)
        ? await api[method](url, { headers: { "content-type": body.contentType }, data: body.raw })
        : await api[method](url, {
            data:
              typeof body === "object" && body !== null && "self" in body
                ? Object.fromEntries(Object.entries(body).filter(([key]) => key !== "self"))
                : (body as Record<string, unknown>),
          });
      const text = await response.text();
      expect(response.status(), text.slice(0, 300)).toBe(status);
      const { error } = JSON.parse(text) as { error?: unknown };
      expect(typeof error === "string" && error.length > 10, `a message in ${text.slice(0, 300)}`).toBe(true);
      expect(error).not.toMatch(/Invalid input/);
      expect(await stored()).toEqual(before);
    });
  }
});

test.describe("hostile review input over HTTP", () => {
  let author: APIRequestContext;
  let reviewer: APIRequestContext;
  let world: ReviewWorld;

  test.beforeAll(async ({ playwright }) => {
    const baseURL = `http://localhost:${E2E_PORT}`;
    [author, reviewer] = await Promise.all([
      playwright.request.newContext({ baseURL }),
      playwright.request.newContext({ baseURL }),
    ]);
    await signInApi(author, await createUser("EDITOR"));
    await signInApi(reviewer, await createUser("EDITOR"));
    const testArticle = await createArticle(author);
    const created = await createClaim(author, testArticle, SENTENCES.budget, { status: "UNPROVEN" });
    // At version 2, so "a stale version" (1) is a version the claim had, not an invalid 0.
    const noted = await author.patch(claimUrl(created.id), { data: { version: created.version, note: "Rated." } });
    expect(noted.status()).toBe(200);
    const ratedClaim = (await noted.json()) as { id: string; version: number };
    const unverified = await createClaim(author, testArticle, SENTENCES.bridge);
    const deleted = await createClaim(author, testArticle, SENTENCES.mayor, { status: "UNPROVEN" });
    expect((await author.delete(claimUrl(deleted.id))).status()).toBe(204);
    world = { ratedId: ratedClaim.id, unverifiedId: unverified.id, deletedId: deleted.id, version: ratedClaim.version };
  });

  test.afterAll(async () => {
    await Promise.all([author.dispose(), reviewer.dispose()]);
  });

  const idOf = (target: ReviewTarget) =>
    target === "rated" ? world.ratedId : target === "unverified" ? world.unverifiedId : world.deletedId;

  /** Reviews, events and the claims' review state: what a refused review must leave as it was. */
  async function stored() {
    const ids = [world.ratedId, world.unverifiedId, world.deletedId];
    const [reviews, events, claims] = await Promise.all([
      db.review.count({ where: { claimId: { in: ids } } }),
      db.claimEvent.count({ where: { claimId: { in: ids } } }),
      db.claim.findMany({
        where: { id: { in: ids } },
        select: { id: true, version: true, reviewState: true, reviewComment: true, changeSeq: true },
        orderBy: { id: "asc" },
      }),
    ]);
    return { reviews, events, claims };
  }

  for (const [name, { target, body: input }, status] of REVIEW_CLAIM) {
    test(`POST /api/annotations/{id}/review: ${name} → ${status}`, async () => {
      const before = await stored();
      const url = `${claimUrl(idOf(target))}/review`;
      const body = isRaw(input) ? input : input(world);
      const response = isRaw(body)
        ? await reviewer.post(url, { headers: { "content-type": body.contentType }, data: body.raw })
        : await reviewer.post(url, { data: body as Record<string, unknown> });
      const text = await response.text();
      expect(response.status(), text.slice(0, 300)).toBe(status);
      const { error } = JSON.parse(text) as { error?: unknown };
      expect(typeof error === "string" && error.length > 10, `a message in ${text.slice(0, 300)}`).toBe(true);
      expect(await stored()).toEqual(before);
    });
  }
});
