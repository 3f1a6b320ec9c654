/** lib/server/library.ts against a real database: orders, filters, pages and progress as /articles shows them. */
import { beforeEach, describe, expect, it } from "vitest";
import { libraryQuerySchema } from "@/lib/articles/library";
import { db } from "@/lib/server/db";
import { createClaim, updateClaim } from "@/lib/server/claim-writes";
import { listLibrary } from "@/lib/server/library";
import { reviewClaim } from "@/lib/server/reviews";
import { createEditors, createArticle, sessionOf, type TestArticle } from "./factories";

type Session = ReturnType<typeof sessionOf>;
let erin: Session;
let sam: Session;
let outlet: string;

beforeEach(async () => {
  ({ erin, sam } = await createEditors(db));
  outlet = `Outlet ${Math.random().toString(36).slice(2, 8)}`;
});

const SENTENCES = ["First claim sentence here.", "Second claim sentence here.", "Third claim sentence here."];

async function article(title: string, by = erin) {
  const made = await createArticle(db, by.id, { title, paragraphs: SENTENCES });
  await db.article.update({ where: { id: made.id }, data: { outlet } });
  return made;
}

async function mark(target: TestArticle, sentence: string, user = erin) {
  const start = target.text.indexOf(sentence);
  return createClaim(user, target.id, {
    position: { start, end: start + sentence.length },
    quote: { exact: sentence, prefix: "", suffix: "" },
  });
}

const list = (params: Record<string, string>, user = erin) =>
  listLibrary(libraryQuerySchema.parse({ outlet, ...params }), user.id);
const titles = async (params: Record<string, string>) => (await list(params)).articles.map((a) => a.title);

describe("library", () => {
  it("sorts by newest, title, most claims and least progress, with each article's progress", async () => {
    const bravo = await article("Bravo");
    const alpha = await article("alpha");
    const charlie = await article("Charlie", sam);
    for (const sentence of SENTENCES) await mark(bravo, sentence);
    const signed = await mark(alpha, SENTENCES[0]!);
    const rated = await updateClaim(erin, signed.id, { version: signed.version, status: "UNPROVEN" });
    await reviewClaim(sam, signed.id, { version: rated.version, decision: "approve" });
    await mark(alpha, SENTENCES[1]!);

    expect(await titles({})).toEqual(["Charlie", "alpha", "Bravo"]);
    expect(await titles({ sort: "title" })).toEqual(["alpha", "Bravo", "Charlie"]);
    expect(await titles({ sort: "claims" })).toEqual(["Bravo", "alpha", "Charlie"]);
    expect(await titles({ sort: "progress" })).toEqual(["Bravo", "alpha", "Charlie"]);

    const page = await list({ sort: "title" });
    expect(page.articles[0]!.progress).toMatchObject({
      total: 2,
      signedOff: 1,
      byStatus: { UNPROVEN: 1, UNVERIFIED: 1 },
    });
    expect(page.articles[0]!.addedBy).toEqual({ id: erin.id, name: "Erin Editor" });
    expect(page.articles[2]!.progress.total).toBe(0);
    void charlie;
  });

  it("keeps the title and outlet orders when an article is renamed or moves outlet", async () => {
    const bravo = await article("Bravo");
    await article("Charlie");
    expect(await titles({ sort: "title" })).toEqual(["Bravo", "Charlie"]);
    await db.article.update({ where: { id: bravo.id }, data: { title: "Delta" } });
    expect(await titles({ sort: "title" })).toEqual(["Charlie", "Delta"]);

    // Across outlets: the other outlet's name sorts first, articles without one last.
    const other = `Aardvark ${outlet}`;
    const echo = await createArticle(db, erin.id, { title: `Echo ${outlet}`, paragraphs: SENTENCES });
    await db.article.update({ where: { id: echo.id }, data: { outlet: null } });
    const byOutlet = async () =>
      (await listLibrary(libraryQuerySchema.parse({ sort: "outlet", addedBy: "me" }), erin.id)).articles
        .map((a) => a.title)
        .filter((title) => ["Charlie", "Delta", `Echo ${outlet}`].includes(title));
    expect((await byOutlet()).at(-1)).toBe(`Echo ${outlet}`);
    await db.article.update({ where: { id: echo.id }, data: { outlet: other } });
    // Within one outlet, the newest first.
    expect(await byOutlet()).toEqual([`Echo ${outlet}`, "Charlie", "Delta"]);
  });

  it("filters by who added it and by claims awaiting review", async () => {
    const mine = await article("Mine");
    await article("Theirs", sam);
    const waiting = await mark(mine, SENTENCES[0]!);
    expect(await titles({ addedBy: "me" })).toEqual(["Mine"]);
    expect(await titles({ addedBy: sam.id })).toEqual(["Theirs"]);
    expect(await titles({ awaiting: "1" })).toEqual([]);
    await updateClaim(erin, waiting.id, { version: waiting.version, status: "UNPROVEN" });
    expect(await titles({ awaiting: "1" })).toEqual(["Mine"]);
  });

  it("pages 50 at a time with a cursor", async () => {
    for (let i = 0; i < 52; i++) await article(`Article ${String(i).padStart(2, "0")}`);
    const first = await list({ sort: "title" });
    expect(first.articles).toHaveLength(50);
    const second = await list({ sort: "title", cursor: first.cursor! });
    expect(second.articles.map((a) => a.title)).toEqual(["Article 50", "Article 51"]);
    expect(second.cursor).toBeNull();
  });
});
