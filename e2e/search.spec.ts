import * as factories from "@/test/factories";
import { expect, signIn, test } from "./fixtures";
import { db } from "./factories";

/** A word no other test's rows contain, so each test's results are its own. */
const uniqueWord = () => `zq${Math.random().toString(36).slice(2, 9)}`;

const SENTENCES = [
  "The government announced new sanctions against the oil sector on Monday.",
  "Russia is open to talks in Minsk, the Kremlin spokesman said.",
  "Forces were seen close to Kyiv late on Sunday.",
];

/** An article with a claim on its second sentence, noted and rated as given (rows written as the app would). */
async function articleWithClaim(ownerId: string, tag: string, claim: { note: string; status?: string }) {
  const article = await factories.createArticle(db, ownerId, { title: `Ceasefire report ${tag}`, paragraphs: SENTENCES });
  const exact = SENTENCES[1]!;
  const start = article.text.indexOf(exact);
  const row = await db.claim.create({
    data: {
      articleId: article.id,
      authorId: ownerId,
      start,
      end: start + exact.length,
      exact,
      prefix: "",
      suffix: "",
      anchorStart: start,
      anchorEnd: start + exact.length,
      quoteExact: exact,
      quoteStart: start,
      quoteEnd: start + exact.length,
      note: claim.note,
      status: claim.status ?? "UNVERIFIED",
      reviewState: claim.status && claim.status !== "UNVERIFIED" ? "awaiting_review" : "none",
    },
    select: { id: true },
  });
  return { article, claimId: row.id };
}

test("an editor searches a word from a claim's note and lands on the claim opened in its article", async ({ page, editor }) => {
  const tag = uniqueWord();
  const { article, claimId } = await articleWithClaim(editor.id, tag, { note: `Compared with the Peskov transcripts ${tag}` });
  await signIn(page, editor);
  const header = page.getByRole("search", { name: "Search Factline" });
  await header.getByLabel("Search").fill(`transcript ${tag}`);
  await header.getByLabel("Search").press("Enter");
  await expect(page).toHaveURL(/\/search\?q=transcript/);
  const results = page.getByRole("list", { name: "Results" });
  await expect(results.getByRole("listitem")).toHaveCount(1);
  // The stemmed match is highlighted in the snippet.
  await expect(results.locator("mark").first()).toHaveText("transcripts");
  await results.getByRole("link", { name: /Russia is open to talks in Minsk/ }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}\\?claim=${claimId}`));
  const card = page.getByRole("article", { name: /Claim: Russia is open to talks/ });
  await expect(card).toHaveAttribute("aria-current", "true");
  await expect(card).toBeInViewport();
});

test("a phrase finds the article, a status filter narrows the results, a stray quote does no harm", async ({ page, editor }) => {
  const tag = uniqueWord();
  await articleWithClaim(editor.id, tag, { note: `Kremlin readout ${tag}`, status: "UNPROVEN" });
  await signIn(page, editor, `/search?q=${encodeURIComponent(`"open to talks" ${tag}`)}`);
  const results = page.getByRole("list", { name: "Results" });
  // The article and the claim quoting the phrase.
  await expect(results.getByRole("listitem")).toHaveCount(2);
  await expect(results.getByRole("link", { name: `Ceasefire report ${tag}` })).toBeVisible();
  // Words out of order are not the phrase.
  await page.goto(`/search?q=${encodeURIComponent(`"talks open" ${tag}`)}`);
  await expect(page.getByText("Nothing matches.")).toBeVisible();

  // Filters live in the address: choose a status, apply, and only the claim stays.
  await page.goto(`/search?q=${encodeURIComponent(`"open to talks" ${tag}`)}`);
  await page.getByLabel("Status").selectOption({ label: "Unproven" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=UNPROVEN/);
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await expect(results.getByRole("listitem")).toContainText("Unproven");
  await page.getByLabel("Status").selectOption({ label: "False" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("Nothing matches.")).toBeVisible();

  // A stray quote: the words are still searched, no error shows.
  await page.goto(`/search?q=${encodeURIComponent(`"Kremlin ${tag}`)}`);
  await expect(page.getByRole("heading", { name: "Search", level: 1 })).toBeVisible();
  await expect(results.getByRole("listitem")).toHaveCount(0);
  await page.goto(`/search?q=${encodeURIComponent(`${tag}"`)}`);
  await expect(results.getByRole("listitem")).toHaveCount(2);
  await expect(page.locator("body")).not.toContainText(/syntax error|fts5|tsquery/i);
});

test("the library sorts and pages, 50 articles a page", async ({ page, editor }) => {
  const outlet = `Outlet ${uniqueWord()}`;
  for (let i = 0; i < 52; i++) {
    const made = await factories.createArticle(db, editor.id, { title: `Library item ${String(i).padStart(2, "0")}`, paragraphs: ["Text."] });
    await db.article.update({ where: { id: made.id }, data: { outlet } });
  }
  await signIn(page, editor, "/articles");
  await page.getByLabel("Outlet").selectOption(outlet);
  await page.getByLabel("Sort by").selectOption({ label: "Title" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/sort=title/);
  const rows = page.getByRole("table").getByRole("row");
  // The header row and 50 articles.
  await expect(rows).toHaveCount(51);
  await expect(rows.nth(1)).toContainText("Library item 00");
  await expect(rows.nth(1)).toContainText("No claims yet");
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("Library item 50");
  await expect(rows.nth(2)).toContainText("Library item 51");
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await page.getByRole("link", { name: "First page" }).click();
  await page.getByLabel("Sort by").selectOption({ label: "Newest first" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(rows.nth(1)).toContainText("Library item 51");
});
