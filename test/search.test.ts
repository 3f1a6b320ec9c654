/**
 * lib/server/search.ts against a real database, on SQLite (FTS5) and on PostgreSQL (tsvector):
 * the same results contract from both engines, kept current by the database's triggers.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { CreateClaimInput } from "@/lib/claims/schemas";
import { searchQuerySchema } from "@/lib/search/schemas";
import { db } from "@/lib/server/db";
import { createClaim, deleteClaim, updateClaim } from "@/lib/server/claim-writes";
import { deleteReply, postReply } from "@/lib/server/discussion";
import { parseQuery } from "@/lib/search/query";
import { reassignClaim } from "@/lib/server/claim-reassign";
import { reviewClaim } from "@/lib/server/reviews";
import { search, similarClaims } from "@/lib/server/search";
import { newestMatches } from "@/lib/server/search-postgres";
import { provider, RANKED_MATCHES } from "@/lib/server/search-sql";
import { createArticle, createUser, sessionOf, type TestArticle } from "./factories";

type Session = ReturnType<typeof sessionOf>;
let erin: Session;
let sam: Session;
let article: TestArticle;
/** A word no other test file's rows contain, so results are this test's alone. */
let tag: string;

const SENTENCES = [
  "The government announced new sanctions against the oil sector on Monday.",
  "Russia is open to talks in Minsk, the Kremlin spokesman said.",
  "Forces were seen close to Kyiv late on Sunday.",
];

beforeEach(async () => {
  erin = sessionOf(await createUser(db, { name: "Erin Editor" }));
  sam = sessionOf(await createUser(db, { name: "Sam Second" }));
  tag = `zq${Math.random().toString(36).slice(2, 8)}`;
  article = await createArticle(db, erin.id, { title: `Ceasefire report ${tag}`, paragraphs: SENTENCES });
});

function selectorsFor(target: TestArticle, sentence: string): CreateClaimInput {
  const start = target.text.indexOf(sentence);
  return { position: { start, end: start + sentence.length }, quote: { exact: sentence, prefix: "", suffix: "" } };
}

const find = (params: Record<string, string>, user = erin) => search(searchQuerySchema.parse(params), user.id);
const texts = (page: Awaited<ReturnType<typeof find>>) => page.results.map((hit) => `${hit.kind}:${hit.title}`);

describe("search", () => {
  it("finds an article by a stemmed word of its text, with the match highlighted", async () => {
    const page = await find({ q: `sanction ${tag}` });
    expect(page.results).toHaveLength(1);
    const [hit] = page.results;
    expect(hit).toMatchObject({
      kind: "article",
      articleId: article.id,
      claimId: null,
      href: `/articles/${article.id}`,
    });
    expect(hit!.editor).toEqual({ id: erin.id, name: "Erin Editor" });
    expect(hit!.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toContain("sanctions");
  });

  it("finds a claim by a word of its note and links to it opened in its article", async () => {
    const claim = await createClaim(erin, article.id, selectorsFor(article, SENTENCES[1]!));
    await updateClaim(erin, claim.id, { version: claim.version, note: `Peskov interview transcript ${tag}` });
    const page = await find({ q: `transcripts ${tag}` });
    expect(page.results.map((hit) => hit.claimId)).toEqual([claim.id]);
    expect(page.results[0]).toMatchObject({
      kind: "claim",
      href: `/articles/${article.id}?claim=${claim.id}`,
      status: "UNVERIFIED",
    });
  });

  it("matches phrases only when the words are together and in order", async () => {
    expect(texts(await find({ q: `"open to talks" ${tag}` }))).toEqual([`article:Ceasefire report ${tag}`]);
    expect(await find({ q: `"talks open" ${tag}` })).toMatchObject({ results: [] });
  });

  it("excludes words after a minus and filters by kind, status, editor and date", async () => {
    const claim = await createClaim(sam, article.id, selectorsFor(article, SENTENCES[2]!));
    await updateClaim(sam, claim.id, {
      version: claim.version,
      status: "FALSE",
      note: `No forces near Kyiv ${tag}`,
      addSources: [
        {
          url: "https://example.org/kyiv",
          title: `Kyiv situation map ${tag}`,
          publisher: "Example",
          excerpt: undefined,
        },
      ],
    });
    const kinds = (page: Awaited<ReturnType<typeof find>>) => page.results.map((hit) => hit.kind).sort();
    expect(kinds(await find({ q: `kyiv ${tag}` }))).toEqual(["article", "claim", "source"]);
    expect(kinds(await find({ q: `kyiv ${tag}`, kind: "source" }))).toEqual(["source"]);
    expect(kinds(await find({ q: `kyiv ${tag}`, status: "FALSE" }))).toEqual(["claim", "source"]);
    expect(kinds(await find({ q: `kyiv ${tag}`, status: "VERIFIED" }))).toEqual([]);
    expect(kinds(await find({ q: `kyiv ${tag}`, editor: sam.id }))).toEqual(["claim", "source"]);
    expect(kinds(await find({ q: `kyiv ${tag}`, editor: "me" }))).toEqual(["article"]);
    expect(kinds(await find({ q: `kyiv ${tag} -map` }))).toEqual(["article", "claim"]);
    const today = new Date().toISOString().slice(0, 10);
    expect(kinds(await find({ q: `kyiv ${tag}`, from: today, to: today }))).toHaveLength(3);
    expect(kinds(await find({ q: `kyiv ${tag}`, to: "2000-01-01" }))).toEqual([]);
    const source = (await find({ q: `map ${tag}` })).results[0]!;
    expect(source).toMatchObject({
      kind: "source",
      claimId: claim.id,
      status: "FALSE",
      editor: { id: sam.id, name: "Sam Second" },
    });
  });

  it("ranks a title match above a passing mention", async () => {
    const other = await createArticle(db, erin.id, { title: `Minsk summit ${tag}`, paragraphs: ["Leaders met."] });
    const page = await find({ q: `minsk ${tag}` });
    expect(page.results.map((hit) => hit.articleId)).toEqual([other.id, article.id]);
  });

  it("follows updates and deletes: a changed note, a deleted claim, a deleted reply, a renamed article", async () => {
    const claim = await createClaim(erin, article.id, selectorsFor(article, SENTENCES[0]!));
    const noted = await updateClaim(erin, claim.id, { version: claim.version, note: `alpha ${tag}` });
    await updateClaim(erin, claim.id, { version: noted.version, note: `bravo ${tag}` });
    expect(await find({ q: `alpha ${tag}` })).toMatchObject({ results: [] });
    expect((await find({ q: `bravo ${tag}` })).results).toHaveLength(1);

    const reply = await postReply(sam, claim.id, { text: `Checked the charlie registry ${tag}` });
    expect((await find({ q: `charlie ${tag}` })).results.map((hit) => hit.claimId)).toEqual([claim.id]);
    await deleteReply(sam, reply.id);
    expect(await find({ q: `charlie ${tag}` })).toMatchObject({ results: [] });

    await deleteClaim(erin, claim.id);
    expect(await find({ q: `bravo ${tag}` })).toMatchObject({ results: [] });

    await db.article.update({ where: { id: article.id }, data: { title: `Truce report ${tag}` } });
    expect(texts(await find({ q: `truce ${tag}` }))).toEqual([`article:Truce report ${tag}`]);
    await db.article.delete({ where: { id: article.id } });
    expect(await find({ q: tag })).toMatchObject({ results: [] });
  });

  it("answers syntax typed by a person with results or nothing, never an error", async () => {
    for (const q of [
      '"',
      `"${tag}`,
      `${tag}*`,
      `${tag} NEAR(`,
      `-${tag}`,
      `${tag} AND OR NOT`,
      `${tag}:title ^`,
      "x".repeat(10_000),
      "'; DROP TABLE",
    ]) {
      const page = await find({ q });
      expect(Array.isArray(page.results), q.slice(0, 20)).toBe(true);
    }
    expect((await find({ q: `"${tag}` })).results).toHaveLength(1);
    expect((await find({ q: "word ".repeat(2000) })).notice).toMatch(/first 500 characters/);
  });

  it("shows recent items for an empty query, and pages with a cursor", async () => {
    for (let i = 0; i < 22; i++)
      await createArticle(db, sam.id, { title: `Page item ${i} ${tag}`, paragraphs: [`Pager ${tag}.`] });
    const first = await find({ q: `pager ${tag}` });
    expect(first.results).toHaveLength(20);
    expect(first.cursor).not.toBeNull();
    const second = await find({ q: `pager ${tag}`, cursor: first.cursor! });
    expect(second.results).toHaveLength(2);
    expect(second.cursor).toBeNull();
    const ids = new Set([...first.results, ...second.results].map((hit) => hit.articleId));
    expect(ids.size).toBe(22);
    const recent = await find({ q: "", editor: sam.id, kind: "article" });
    expect(recent.matched).toBe(false);
    expect(recent.results[0]!.title).toBe(`Page item 21 ${tag}`);
  });
});

describe("search filters and broad queries", () => {
  it("filters follow a claim's rating, review and author, and its article's outlet", async () => {
    const claim = await createClaim(erin, article.id, selectorsFor(article, SENTENCES[2]!));
    // The tag is in the claim's note and the source's title, so the claim and its source match.
    const ids = async (params: Record<string, string>) =>
      (await find({ q: `kyiv ${tag}`, ...params })).results.map((hit) => hit.kind).sort();
    expect(await ids({ status: "VERIFIED" })).toEqual([]);
    const rated = await updateClaim(erin, claim.id, {
      version: claim.version,
      status: "VERIFIED",
      note: `Confirmed by the ministry ${tag}`,
      addSources: [
        {
          url: "https://example.org/kyiv",
          title: `Kyiv transcript ${tag}`,
          publisher: undefined,
          excerpt: undefined,
        },
      ],
    });
    expect(await ids({ status: "VERIFIED" })).toEqual(["claim", "source"]);
    expect(await ids({ status: "UNVERIFIED" })).toEqual([]);
    expect(await ids({ review: "awaiting_review" })).toEqual(["claim", "source"]);
    await reviewClaim(sam, claim.id, { version: rated.version, decision: "approve" });
    expect(await ids({ review: "awaiting_review" })).toEqual([]);
    expect(await ids({ review: "signed_off" })).toEqual(["claim", "source"]);

    const outlet = (await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { outlet: true } }))
      .outlet!;
    expect(await ids({ outlet })).toEqual(["article", "claim", "source"]);
    await db.article.update({ where: { id: article.id }, data: { outlet: `Renamed outlet ${tag}` } });
    expect(await ids({ outlet })).toEqual([]);
    expect(await ids({ outlet: `Renamed outlet ${tag}` })).toEqual(["article", "claim", "source"]);

    const admin = sessionOf(await createUser(db, { role: "ADMIN", name: "Ada Admin" }));
    const current = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } });
    expect(await ids({ editor: sam.id })).toEqual([]);
    await reassignClaim(admin, claim.id, { version: current.version, authorId: sam.id });
    // The claim is Sam's now; the source stays with Erin, who added it.
    expect(await ids({ editor: sam.id })).toEqual(["claim"]);
    expect((await find({ q: `kyiv ${tag}`, editor: sam.id })).results[0]!.editor).toEqual({
      id: sam.id,
      name: "Sam Second",
    });
  });

  it("ranks the newest 1,000 matches of a word found in more, says so, and a filter reaches the older ones", async () => {
    // The oldest match is the best (the word in its title), then more than 1,000 newer passing mentions.
    const oldest = await createArticle(db, erin.id, { title: `Ledger ${tag}`, paragraphs: [`Ledger ${tag} review.`] });
    const host = await createArticle(db, sam.id, { title: `Host ${tag}`, paragraphs: SENTENCES });
    const sentence = SENTENCES[0]!;
    const start = host.text.indexOf(sentence);
    await db.claim.createMany({
      data: Array.from({ length: RANKED_MATCHES + 5 }, (_, i) => ({
        articleId: host.id,
        authorId: sam.id,
        start,
        end: start + sentence.length,
        anchorStart: start,
        anchorEnd: start + sentence.length,
        exact: sentence,
        quoteExact: sentence,
        prefix: "",
        suffix: "",
        note: `Mention ${i} of ${tag} in the ledger.`,
      })),
    });
    const broad = await find({ q: tag });
    expect(broad.notice).toMatch(/More than 1,000 items match: these are the best of the 1,000 most recent/);
    expect(broad.results).toHaveLength(20);
    expect(broad.results.map((hit) => hit.articleId)).not.toContain(oldest.id);
    // The mentions rank alike: the newest comes first.
    expect(broad.results[0]!.snippet.map((segment) => segment.text).join("")).toContain(
      `Mention ${RANKED_MATCHES + 4} of`,
    );
    const narrowed = await find({ q: tag, kind: "article" });
    expect(narrowed.notice).toBeNull();
    // The word in its title and its text: the best of the three articles with it in their titles.
    expect(narrowed.results[0]!.articleId).toBe(oldest.id);
    expect(narrowed.results.map((hit) => hit.articleId).sort()).toEqual([oldest.id, host.id, article.id].sort());
  });

  it.runIf(provider === "postgresql")("finds the same newest matches in growing windows as in one pass", async () => {
    const input = searchQuerySchema.parse({ q: "sanctions" });
    for (let i = 0; i < 6; i++)
      await createArticle(db, erin.id, { title: `Filler ${i} ${tag}`, paragraphs: ["Nothing here."] });
    await createArticle(db, erin.id, { title: `Sanctions brief ${tag}`, paragraphs: SENTENCES });
    const query = parseQuery(input.q);
    const whole = await newestMatches(query, input, erin.id, { first: Number.MAX_SAFE_INTEGER, wanted: 2 });
    // Windows growing from the 2 newest rows until one holds this test's two matching articles.
    const windowed = await newestMatches(query, input, erin.id, { first: 2, wanted: 2 });
    expect(whole).toHaveLength(2);
    expect(windowed).toEqual(whole);
  });
});

describe("similar claims", () => {
  it("shows earlier rated claims in other articles with nearly the same wording", async () => {
    const quote = `Russia is open to talks in Minsk ${tag}`;
    const earlier = await createArticle(db, sam.id, {
      title: `Earlier ${tag}`,
      paragraphs: [`${quote}, the Kremlin said.`],
    });
    const rated = await createClaim(sam, earlier.id, selectorsFor(earlier, quote));
    await updateClaim(sam, rated.id, {
      version: rated.version,
      status: "VERIFIED",
      addSources: [{ url: "https://example.org/minsk", title: "Transcript", publisher: undefined, excerpt: undefined }],
    });
    await reviewClaim(erin, rated.id, { version: rated.version + 1, decision: "approve" });
    const unrated = await createArticle(db, sam.id, { title: `Unrated ${tag}`, paragraphs: [quote] });
    await createClaim(sam, unrated.id, selectorsFor(unrated, quote));
    const unrelated = await createArticle(db, sam.id, {
      title: `Other ${tag}`,
      paragraphs: [`Talks about weather in Minsk ${tag}.`],
    });
    await createClaim(sam, unrelated.id, selectorsFor(unrelated, `Talks about weather in Minsk ${tag}`));

    const now = await createArticle(db, erin.id, {
      title: `Now ${tag}`,
      paragraphs: [`Officials said ${quote} today.`],
    });
    const mine = await createClaim(erin, now.id, selectorsFor(now, quote));
    const row = await db.claim.findUniqueOrThrow({
      where: { id: mine.id },
      select: { id: true, articleId: true, exact: true, createdAt: true },
    });
    const similar = await similarClaims(row);
    expect(similar.map((claim) => claim.id)).toEqual([rated.id]);
    expect(similar[0]).toMatchObject({
      status: "VERIFIED",
      reviewState: "signed_off",
      author: { name: "Sam Second" },
      articleTitle: `Earlier ${tag}`,
    });
  });
});

describe("snippets", () => {
  it("are the text's own words as segments, never markup of the engine's", async () => {
    const text = `Officials <b>said</b> the sanctions ${tag} would hold & <script>alert(1)</script> follow.`;
    const html = await createArticle(db, erin.id, { title: `Markup ${tag}`, paragraphs: [text] });
    const hit = (await find({ q: `sanctions ${tag}`, kind: "article" })).results.find((r) => r.articleId === html.id)!;
    expect(hit.snippet.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(["sanctions", tag]);
    // PostgreSQL's ts_headline leaves out what its parser reads as tags; SQLite keeps them as text.
    const noTags = (value: string) => value.replace(/<[^>]*>/g, "").replace(/\s+/g, " ");
    for (const segment of hit.snippet) {
      for (const piece of segment.text.split(" … "))
        expect(noTags(`${text} ${html.title} Factline demo desk`)).toContain(noTags(piece).replace(/…$/, "").trim());
    }
  });
});
