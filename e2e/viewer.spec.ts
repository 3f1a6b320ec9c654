import type { Page } from "@playwright/test";
import { describeRange } from "@/lib/anchoring";
import { clientFor } from "./api-helpers";
import { expect, signIn, test } from "./fixtures";

const CLAIMS = 40; // more than the panel renders with the page (the rest come right after)

const claimsPanel = (page: Page) => page.getByRole("region", { name: "Claims" });

/** Distinct claims highlighted in the article. */
const highlightedIds = (page: Page) =>
  page.evaluate(() => new Set([...document.querySelectorAll(".ProseMirror [data-claim-id]")].map((span) => span.getAttribute("data-claim-id"))).size);

test("an article with many overlapping claims highlights and lists every one, and a change redraws only its own passage", async ({ page, editor, article, playwright, baseURL }) => {
  const api = await clientFor(playwright.request, baseURL, editor);
  const { text } = (await (await api.get(`/api/articles/${article.id}`)).json()) as { text: string };
  // Passages of four words, each starting two words after the previous one: every claim overlaps its neighbours.
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'.-]*/gu)];
  const passages = Array.from({ length: CLAIMS }, (_, i) => {
    const first = words[i * 2]!;
    const last = words[i * 2 + 3]!;
    return { start: first.index, end: last.index + last[0].length };
  });
  const ids: string[] = [];
  for (const { start, end } of passages) {
    const { position, quote } = describeRange(text, start, end);
    const response = await api.post(`/api/articles/${article.id}/annotations`, {
      data: { position: { start: position.start, end: position.end }, quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix } },
    });
    expect(response.status(), await response.text()).toBe(201);
    ids.push(((await response.json()) as { id: string }).id);
  }

  await signIn(page, editor, `/articles/${article.id}`);
  await expect(claimsPanel(page)).toContainText(`${CLAIMS} of ${CLAIMS} claims shown`);
  await expect(claimsPanel(page).getByRole("article")).toHaveCount(CLAIMS);
  await expect.poll(() => highlightedIds(page)).toBe(CLAIMS);

  // The last card is one rendered after the page: it works like the first.
  const lastQuote = text.slice(passages.at(-1)!.start, passages.at(-1)!.end);
  const last = claimsPanel(page).getByRole("article", { name: `Claim: ${lastQuote}` });
  await last.getByRole("button", { name: "Show in text" }).click();
  const lastHighlight = page.locator(`.ProseMirror [data-claim-id="${ids.at(-1)}"]`).first();
  await expect(lastHighlight).toHaveClass(/is-active/);
  await expect(lastHighlight).toBeInViewport();

  // Remember every highlight element; then the claim is changed in another tab and the page refreshes.
  await page.evaluate(() => {
    for (const span of document.querySelectorAll(".ProseMirror [data-claim-id]")) (span as unknown as { seen: boolean }).seen = true;
  });
  const changed = ids[0]!;
  expect((await api.patch(`/api/annotations/${changed}`, { data: { version: 1, status: "UNPROVEN" } })).status()).toBe(200);
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect(page.locator(`.ProseMirror [data-claim-id="${changed}"]`).first()).toHaveClass(/status-unproven/);

  // Claims in other paragraphs kept their elements: the article was not drawn again.
  const firstParagraphEnd = text.indexOf("\n");
  const elsewhere = ids.filter((_, i) => passages[i]!.start > firstParagraphEnd);
  expect(elsewhere.length).toBeGreaterThan(0);
  const kept = await page.evaluate((wanted) => {
    const spans = [...document.querySelectorAll(".ProseMirror [data-claim-id]")].filter((span) =>
      wanted.includes(span.getAttribute("data-claim-id") ?? ""),
    );
    return { spans: spans.length, kept: spans.filter((span) => (span as unknown as { seen?: boolean }).seen).length };
  }, elsewhere);
  expect(kept.spans).toBeGreaterThan(0);
  expect(kept.kept).toBe(kept.spans);
  await api.dispose();
});
