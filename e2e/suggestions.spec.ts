import type { Page } from "@playwright/test";
import { card, claimsPanel, expect, signIn, test } from "./fixtures";
import { clientFor } from "./api-helpers";
import { E2E_PORT, E2E_SECOND_PORT } from "./env";
import { createUser, db } from "./factories";

/*
 * Suggested claims (decision 0023), as an editor uses them: "Suggest claims" on the sample
 * article, check-worthy sentences dotted in the text and ranked beside the claims, one click (or
 * Alt+M) to mark one, Dismiss to hide one for everyone, the toggle remembered.
 */

const panel = (page: Page) => page.getByRole("region", { name: "Suggestions" });
const toggle = (page: Page) => panel(page).getByRole("switch", { name: "Suggest claims" });
const items = (page: Page) => panel(page).getByRole("list", { name: "Suggestions" }).getByRole("listitem");
const underlines = (page: Page) => page.locator(".ProseMirror [data-suggestion-id]");
/** The sentence a suggestion quotes (the list shows it in a <q>). */
const quoteOf = async (item: ReturnType<typeof items>) => (await item.locator("q").innerText()).replace(/…$/, "");

async function openWithSuggestions(page: Page, user: { email: string; password: string }, articleId: string) {
  await signIn(page, user, `/articles/${articleId}`);
  await page.locator(".ProseMirror").waitFor();
  await expect(toggle(page)).not.toBeChecked();
  await toggle(page).check();
  // The sample copy was never computed: the page says so until the server has them.
  await expect(items(page).first()).toBeVisible();
}

test("an editor turns on suggestions, marks one as a claim, dismisses another, and the dismissal stays after a reload", async ({
  page,
  editor,
  article,
}) => {
  await openWithSuggestions(page, editor, article.id);
  await expect(panel(page).getByText(/\d+ suggestions?, strongest first/)).toBeVisible();
  const count = await items(page).count();
  expect(count).toBeGreaterThan(2);
  // Every suggestion is dotted in the text, described as a suggestion; none is a claim highlight.
  await expect(underlines(page)).toHaveCount(count);
  await expect(underlines(page).first()).toHaveAttribute("aria-description", /^Suggested claim, (strong|likely)$/);
  await expect(page.locator(".ProseMirror [data-claim-id]")).toHaveCount(0);
  await expect(
    items(page)
      .first()
      .getByText(/^(Strong|Likely)/),
  ).toBeVisible();

  await page.screenshot({ path: "test-results/suggestions-on.png", fullPage: true });

  const marked = await quoteOf(items(page).first());
  await items(page).first().getByRole("button", { name: "Mark as claim" }).click();
  await expect(card(page, marked.slice(0, 30))).toBeVisible();
  await expect(page.locator(".ProseMirror [data-claim-id]", { hasText: marked.slice(0, 30) })).toBeVisible();
  await expect(items(page)).toHaveCount(count - 1);
  await expect(underlines(page)).toHaveCount(count - 1);
  await expect(items(page).filter({ hasText: marked.slice(0, 30) })).toHaveCount(0);

  const dismissed = await quoteOf(items(page).first());
  await items(page).first().getByRole("button", { name: "Dismiss" }).click();
  await expect(items(page)).toHaveCount(count - 2);
  await expect(items(page).filter({ hasText: dismissed.slice(0, 30) })).toHaveCount(0);
  await expect(page.locator(".ProseMirror [data-suggestion-id]", { hasText: dismissed.slice(0, 30) })).toHaveCount(0);

  await page.reload();
  await page.locator(".ProseMirror").waitFor();
  // Remembered: still on after the reload, without the marked one (a claim now) or the dismissed one.
  await expect(toggle(page)).toBeChecked();
  await expect(items(page)).toHaveCount(count - 2);
  await expect(items(page).filter({ hasText: dismissed.slice(0, 30) })).toHaveCount(0);
  await expect(items(page).filter({ hasText: marked.slice(0, 30) })).toHaveCount(0);
  await expect(panel(page).getByText("1 dismissed suggestion hidden", { exact: false })).toBeVisible();
  await expect(claimsPanel(page).getByRole("article")).toHaveCount(1);
});

test("a dismissal hides the suggestion for a colleague too", async ({ browser, page, editor, article }) => {
  await openWithSuggestions(page, editor, article.id);
  const dismissed = await quoteOf(items(page).first());
  const count = await items(page).count();
  await items(page).first().getByRole("button", { name: "Dismiss" }).click();
  await expect(items(page)).toHaveCount(count - 1);

  const colleague = await createUser("EDITOR");
  const context = await browser.newContext();
  const other = await context.newPage();
  await openWithSuggestions(other, colleague, article.id);
  await expect(items(other)).toHaveCount(count - 1);
  await expect(items(other).filter({ hasText: dismissed.slice(0, 30) })).toHaveCount(0);
  await context.close();
});

test("Alt+M on a focused suggestion marks it as a claim; after a dismissal focus moves to the next", async ({
  page,
  editor,
  article,
}) => {
  await openWithSuggestions(page, editor, article.id);
  const count = await items(page).count();
  const second = items(page).nth(1);
  const quote = await quoteOf(second);
  await second.focus();
  await expect(second).toBeFocused();
  await page.keyboard.press("Alt+KeyM");
  await expect(card(page, quote.slice(0, 30))).toBeVisible();
  await expect(items(page)).toHaveCount(count - 1);
  // Exactly one claim: the viewer's own Alt+M (the text selection) did not fire as well.
  await expect(claimsPanel(page).getByRole("article")).toHaveCount(1);

  // Dismiss with the keyboard: focus moves to the suggestion now in its place.
  const first = items(page).first();
  await first.getByRole("button", { name: "Dismiss" }).focus();
  await page.keyboard.press("Enter");
  await expect(items(page)).toHaveCount(count - 2);
  await expect(items(page).first()).toBeFocused();
});

test("turning suggestions off is remembered and removes the underlines", async ({ page, editor, article }) => {
  await openWithSuggestions(page, editor, article.id);
  await expect(underlines(page).first()).toBeVisible();
  await toggle(page).uncheck();
  await expect(underlines(page)).toHaveCount(0);
  await expect(items(page)).toHaveCount(0);
  // The choice is saved before the reload reads it.
  await expect
    .poll(
      async () =>
        ((await (await page.request.get("/api/profile/preferences")).json()) as { suggestClaims: boolean })
          .suggestClaims,
    )
    .toBe(false);
  await page.reload();
  await page.locator(".ProseMirror").waitFor();
  await expect(toggle(page)).not.toBeChecked();
  await expect(underlines(page)).toHaveCount(0);
});

test("an article not in English says suggestions are for English articles only", async ({ page, editor }) => {
  await signIn(page, editor);
  const response = await page.request.post("/api/articles", {
    multipart: {
      title: `Новости ${Date.now()}`,
      format: "txt",
      text: [
        "Министр заявил, что в понедельник границу пересекли четыре тысячи военнослужащих.",
        "По данным ведомства, безработица выросла на два процента за последний год.",
      ].join("\n\n"),
    },
  });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await page.goto(`/articles/${id}`);
  await page.locator(".ProseMirror").waitFor();
  await toggle(page).check();
  await expect(panel(page).getByText("Suggestions are available for English articles only.")).toBeVisible();
  await expect(items(page)).toHaveCount(0);
  await expect(underlines(page)).toHaveCount(0);
});

test("the report lists the check-worthy sentences not checked, when asked, without the dismissed ones", async ({
  page,
  editor,
  article,
}) => {
  await openWithSuggestions(page, editor, article.id);
  const marked = await quoteOf(items(page).first());
  await items(page).first().getByRole("button", { name: "Mark as claim" }).click();
  await expect(card(page, marked.slice(0, 30))).toBeVisible();
  const dismissed = await quoteOf(items(page).first());
  await items(page).first().getByRole("button", { name: "Dismiss" }).click();
  await expect(items(page).filter({ hasText: dismissed.slice(0, 30) })).toHaveCount(0);
  const left = await items(page).count();

  await page.getByRole("link", { name: "Verification report" }).click();
  const section = page.getByRole("region", { name: "Check-worthy sentences not checked" });
  // Off by default.
  await expect(page.getByRole("heading", { name: "Claims in reading order" })).toBeVisible();
  await expect(section).toHaveCount(0);
  await page.getByRole("link", { name: "Include check-worthy sentences not checked" }).click();
  await expect(section).toBeVisible();
  await expect(section.getByRole("listitem")).toHaveCount(left);
  await expect(section.getByText(/1 suggested sentence was dismissed and is not listed\./)).toBeVisible();
  await expect(section.getByText(dismissed.slice(0, 30))).toHaveCount(0);
  await expect(section.getByText(marked.slice(0, 30))).toHaveCount(0);

  // The exports that have a place for it carry it; the Markdown download is one.
  const markdown = await page.request.get(`/api/articles/${article.id}/report?format=md&unchecked=1`);
  expect(markdown.status()).toBe(200);
  expect(await markdown.text()).toContain("## Check-worthy sentences not checked");
  const csv = await page.request.get(`/api/articles/${article.id}/report?format=csv&unchecked=1`);
  expect(csv.status()).toBe(422);
  expect(((await csv.json()) as { error: string }).error).toMatch(/unchecked=1 works with pdf, md, json/);
});

test("two instances asked at the same moment compute an article's suggestions once", async ({
  playwright,
  editor,
  article,
}) => {
  test.skip(!E2E_SECOND_PORT, "needs a second instance on the same database (npm test runs it on PostgreSQL)");
  const clients = await Promise.all(
    [E2E_PORT, E2E_SECOND_PORT].map((port) => clientFor(playwright.request, `http://localhost:${port}`, editor)),
  );
  type View = { state: string; suggestions: Array<{ id: string }> };
  const ask = async () =>
    Promise.all(
      clients.map(
        async (client) => (await (await client.get(`/api/articles/${article.id}/suggestions`)).json()) as View,
      ),
    );
  // The sample copy was never computed: both instances are asked for it at once, several times.
  await Promise.all([ask(), ask(), ask()]);
  let views: View[] = [];
  await expect
    .poll(async () => {
      views = await ask();
      return views.every((view) => view.state === "ready");
    })
    .toBe(true);
  // One run, one set of rows: both instances answer with the very same suggestions.
  expect(await db.suggestionRun.count({ where: { articleId: article.id } })).toBe(1);
  expect(views[0]!.suggestions.length).toBeGreaterThan(0);
  expect(views[1]!.suggestions.map((s) => s.id)).toEqual(views[0]!.suggestions.map((s) => s.id));
  for (const client of clients) await client.dispose();
});
