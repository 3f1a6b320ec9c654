/** lib/server/articles.ts against a real database (DATABASE_URL from the project's setup). */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createArticle as addArticle, getArticle, getArticleTitle, listArticles } from "@/lib/server/articles";
import { createClaim, deleteClaim } from "@/lib/server/claim-writes";
import { createArticle, createUser, docOf, sessionOf } from "./factories";

describe("articles", () => {
  it("stores an article's document and text and reads them back", async () => {
    const owner = await createUser(db);
    const doc = docOf(["First paragraph.", "Second paragraph."]);
    const { id } = await addArticle(
      owner.id,
      { title: "Budget vote", outlet: "Gazette" },
      { body: JSON.stringify(doc), text: "First paragraph.\nSecond paragraph." },
    );
    expect(await getArticle(id)).toMatchObject({
      id,
      title: "Budget vote",
      outlet: "Gazette",
      doc,
      text: "First paragraph.\nSecond paragraph.",
    });
    expect(await getArticleTitle(id)).toBe("Budget vote");
  });

  it("answers 404 for an unknown article", async () => {
    await expect(getArticle("no-such-article")).rejects.toMatchObject({ kind: "not_found" });
    await expect(getArticleTitle("no-such-article")).rejects.toMatchObject({ kind: "not_found" });
  });

  it("counts each article's live claims in the library", async () => {
    const editor = sessionOf(await createUser(db));
    const article = await createArticle(db, editor.id, { paragraphs: ["One claim.", "Another claim."] });
    const mark = (exact: string) => {
      const start = article.text.indexOf(exact);
      return createClaim(editor, article.id, {
        position: { start, end: start + exact.length },
        quote: { exact, prefix: "", suffix: "" },
      });
    };
    const first = await mark("One claim.");
    await mark("Another claim.");
    await deleteClaim(editor, first.id);
    const listed = (await listArticles()).find((a) => a.id === article.id);
    expect(listed?.claimCount).toBe(1);
  });
});
