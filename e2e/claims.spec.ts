import { card, claimsPanel, expect, highlight, rateClaim, selectPassage, signIn, test } from "./fixtures";
import { clientFor, listClaims, selectorFor } from "./api-helpers";
import { createUser } from "./factories";
import type { Page } from "@playwright/test";

const SECOND_SENTENCE =
  "Earlier, China’s leader, Xi Jinping, had told Putin that Moscow should negotiate with the government in Kyiv.";
const MINSK = "The readout added that Minsk was chosen as the venue for the proposed talk.";
const OBOLON = "the Russian forces have entered the Obolon district in the North of the city";

test("an editor marks a sentence, verifies it with a source, and finds it all after reloading", async ({
  page,
  editor,
  article,
}) => {
  await signIn(page, editor, `/articles/${article.id}`);

  // A triple-click selects the sentence's paragraph, as an editor would (once the viewer is up).
  await page.getByRole("textbox", { name: "Article text" }).getByText(SECOND_SENTENCE).click({ clickCount: 3 });
  await page.getByRole("button", { name: "Mark as claim" }).click();

  const claim = card(page, "Earlier, China’s leader");
  await expect(claim).toBeVisible();
  await expect(highlight(page, "Xi Jinping")).toHaveClass(/status-unverified/);

  // Verified needs evidence: the UI says so before sending anything.
  await claim.getByRole("radio", { name: "Verified", exact: true }).click();
  await expect(claim.getByRole("alert")).toContainText(
    "Add at least one source before marking this claim as Verified.",
  );
  await expect(claim.getByRole("radio", { name: "Unverified", exact: true })).toBeChecked();

  await claim.getByRole("button", { name: "Add source" }).click();
  await claim.getByLabel("Source URL").fill("https://www.reuters.com/world/china-xi-putin-call-2022-02-25/");
  await claim.getByLabel("Source title").fill("Xi tells Putin he supports talks with Ukraine");
  await claim.getByRole("button", { name: "Save", exact: true }).click();
  await expect(claim.getByRole("link", { name: "Xi tells Putin he supports talks with Ukraine" })).toBeVisible();

  await claim.getByRole("radio", { name: "Verified", exact: true }).check();
  await expect(claim.getByRole("radio", { name: "Verified", exact: true })).toBeChecked();
  await expect(highlight(page, "Xi Jinping")).toHaveClass(/status-verified/);

  await page.reload();
  const reloaded = card(page, "Earlier, China’s leader");
  await expect(reloaded).toContainText("Verified");
  await expect(highlight(page, "Xi Jinping")).toHaveClass(/status-verified/);
  await reloaded.click();
  await expect(reloaded.getByRole("link", { name: "Xi tells Putin he supports talks with Ukraine" })).toBeVisible();
  await reloaded.getByText(/History/).click();
  await expect(reloaded).toContainText("changed the status from Unverified to Verified");
});

test("a colleague sees the claim read-only with its author, adds their own, and the filters work", async ({
  browser,
  page,
  editor,
  article,
}) => {
  await signIn(page, editor, `/articles/${article.id}`);
  await selectPassage(page, MINSK);
  await page.getByRole("button", { name: "Mark as claim" }).click();
  await expect(card(page, "The readout added")).toBeVisible();

  const colleague = await createUser("EDITOR");
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, colleague, `/articles/${article.id}`);

  const theirs = card(other, "The readout added");
  await expect(theirs).toContainText(editor.name);
  await theirs.click();
  await expect(theirs.getByRole("radio")).toHaveCount(0);
  await expect(theirs.getByRole("button", { name: /Delete/ })).toHaveCount(0);
  await expect(highlight(other, "Minsk was chosen")).toHaveClass(/theirs/);

  await selectPassage(other, OBOLON);
  await other.keyboard.press("Alt+m");
  const mine = card(other, "the Russian forces have entered");
  await expect(mine).toBeVisible();
  await expect(highlight(other, "Obolon")).toHaveClass(/mine/);

  const panel = claimsPanel(other);
  await panel.getByLabel("Filter by editor").selectOption({ label: "Mine" });
  await expect(mine).toBeVisible();
  await expect(theirs).toHaveCount(0);
  await expect(other.locator(".ProseMirror [data-claim-id]")).toHaveCount(1);

  await panel.getByLabel("Filter by editor").selectOption({ label: editor.name });
  await expect(theirs).toBeVisible();
  await expect(mine).toHaveCount(0);

  await panel.getByLabel("Filter by editor").selectOption({ label: "Everyone" });
  await expect(panel.getByRole("article")).toHaveCount(2);
  await panel.getByLabel("Filter by status").selectOption({ label: "Verified (0)" });
  await expect(panel.getByRole("article")).toHaveCount(0);
  await expect(panel).toContainText("No claims match these filters.");
  await context.close();
});

test("clicking a highlight opens its card, and a card's Show in text scrolls to its highlight", async ({
  page,
  editor,
  article,
}) => {
  await signIn(page, editor, `/articles/${article.id}`);
  await selectPassage(page, MINSK);
  await page.getByRole("button", { name: "Mark as claim" }).click();
  await expect(card(page, "The readout added")).toBeFocused();
  await selectPassage(page, OBOLON);
  await page.getByRole("button", { name: "Mark as claim" }).click();
  await expect(claimsPanel(page).getByRole("article")).toHaveCount(2);

  await highlight(page, "Minsk was chosen").click();
  await expect(card(page, "The readout added")).toBeFocused();
  await expect(card(page, "The readout added").getByRole("radio", { name: "Unverified", exact: true })).toBeVisible();

  await card(page, "the Russian forces have entered").getByRole("button", { name: "Show in text" }).click();
  await expect(highlight(page, "Obolon")).toHaveClass(/is-active/);
  await expect(highlight(page, "Obolon")).toBeInViewport();
});

test("two editors rating the same passage differently both see the disagreement", async ({
  browser,
  page,
  editor,
  article,
}) => {
  const rate = async (p: Page, status: string) => {
    await selectPassage(p, MINSK);
    await p.getByRole("button", { name: "Mark as claim" }).click();
    const claim = claimsPanel(p)
      .getByRole("article")
      .filter({ has: p.getByRole("radio") })
      .first();
    await rateClaim(claim, status, { url: "https://www.belta.by/", title: "BelTA" });
  };
  await signIn(page, editor, `/articles/${article.id}`);
  await rate(page, "Verified");

  const colleague = await createUser("EDITOR");
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, colleague, `/articles/${article.id}`);
  // The colleague marks the same sentence inside the existing highlight: select it by its own text.
  await rate(other, "Misleading");
  const notes = (p: Page) => claimsPanel(p).getByRole("note");
  await expect(notes(other).filter({ hasText: `${editor.name} rated this passage Verified` })).toBeVisible();
  await expect(notes(other).filter({ hasText: `${colleague.name} rated this passage Misleading` })).toBeVisible();

  await page.reload();
  await expect(notes(page).filter({ hasText: `${colleague.name} rated this passage Misleading` })).toBeVisible();
  await expect(notes(page).filter({ hasText: `${editor.name} rated this passage Verified` })).toBeVisible();
  await context.close();
});

test("nested and overlapping claims are each highlighted, and a click picks the innermost", async ({
  page,
  editor,
  article,
}) => {
  await signIn(page, editor, `/articles/${article.id}`);
  const outer = "In the meantime, CNN reported that Ukraine was under significant pressure";
  const inner = "under significant pressure";
  const overlapping = "pressure, as Russian forces appeared";
  for (const passage of [outer, inner]) {
    await selectPassage(page, passage);
    await page.getByRole("button", { name: "Mark as claim" }).click();
    await expect(card(page, passage.slice(0, 24))).toBeFocused();
  }
  // The overlapping passage starts inside both highlights: select it across their text nodes.
  await page.evaluate((wanted) => {
    const root = document.querySelector(".ProseMirror")!;
    const text = root.textContent ?? "";
    const at = text.indexOf(wanted);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (at >= seen && at < seen + length) range.setStart(node, at - seen);
      if (at + wanted.length > seen && at + wanted.length <= seen + length)
        range.setEnd(node, at + wanted.length - seen);
      seen += length;
    }
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  }, overlapping);
  await page.getByRole("button", { name: "Mark as claim" }).click();
  await expect(claimsPanel(page).getByRole("article")).toHaveCount(3);

  await expect(page.locator(".ProseMirror [data-claim-id] [data-claim-id]").first()).toBeVisible();
  await page.locator(".ProseMirror [data-claim-id] [data-claim-id]", { hasText: "significant" }).first().click();
  await expect(card(page, inner)).toBeFocused();
});

test("a keyboard user selects a passage with Shift+arrows and marks it with Alt+M, and typing changes nothing", async ({
  page,
  editor,
  article,
}) => {
  await signIn(page, editor, `/articles/${article.id}`);
  const text = page.getByRole("textbox", { name: "Article text" });
  await text.focus();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("typed words");
  for (const key of ["Backspace", "Delete", "Enter"]) await page.keyboard.press(key);
  await expect(text).toContainText(/^Russian President, Vladimir Putin, has reportedly said/);
  await expect(text).not.toContainText("typed words");

  for (let i = 0; i < "Russian President".length; i++) await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Alt+m");
  const marked = card(page, "Russian President");
  await expect(marked).toBeFocused();
  await expect(marked).toContainText("“Russian President”");
  await expect(marked.getByRole("radio", { name: "Unverified", exact: true })).toBeChecked();
});

test("a colleague's new, changed and deleted claims reach an open page when it regains focus", async ({
  page,
  editor,
  article,
  playwright,
  baseURL,
}) => {
  await signIn(page, editor, `/articles/${article.id}`);
  await expect(claimsPanel(page)).toContainText("No claims yet");
  const colleague = await createUser("EDITOR");
  const other = await clientFor(playwright.request, baseURL, colleague);
  const { text } = (await (await other.get(`/api/articles/${article.id}`)).json()) as { text: string };
  const focus = () => page.evaluate(() => window.dispatchEvent(new Event("focus")));

  // Nothing changed yet: the page asks with its cursor's tag and is told so (304), not sent the list again.
  const unchanged = page.waitForResponse((response) =>
    response.url().includes(`/api/articles/${article.id}/annotations?since=`),
  );
  await focus();
  expect((await unchanged).status()).toBe(304);

  const created = await other.post(`/api/articles/${article.id}/annotations`, { data: selectorFor(text, MINSK) });
  const { id } = (await created.json()) as { id: string };
  await focus();
  const theirs = card(page, "The readout added");
  await expect(theirs).toContainText(`by ${colleague.name}`);
  await expect(theirs).toContainText("Unverified");
  await expect(highlight(page, "Minsk was chosen")).toHaveClass(/theirs/);

  await other.patch(`/api/annotations/${id}`, { data: { version: 1, status: "UNPROVEN", note: "Asked BelTA." } });
  await focus();
  await expect(theirs).toContainText("Unproven");
  await expect(highlight(page, "Minsk was chosen")).toHaveClass(/status-unproven/);
  // Opened, the card loads what the list does not carry.
  await theirs.click();
  await expect(theirs).toContainText("Asked BelTA.");

  await other.delete(`/api/annotations/${id}?version=2`);
  await focus();
  await expect(theirs).toHaveCount(0);
  await expect(page.locator(".ProseMirror [data-claim-id]")).toHaveCount(0);
  await other.dispose();
});

test("an edit refused because the claim changed elsewhere reloads that claim, and then goes through", async ({
  page,
  editor,
  article,
  playwright,
  baseURL,
}) => {
  // A page whose live connection is down (decision 0018) does not hear of the change: the version check catches it.
  await page.route("**/api/articles/*/events", (route) => route.abort());
  await signIn(page, editor, `/articles/${article.id}`);
  await selectPassage(page, MINSK);
  await page.getByRole("button", { name: "Mark as claim" }).click();
  const mine = card(page, "The readout added");
  await expect(mine.getByRole("radio", { name: "Unverified", exact: true })).toBeChecked();

  // The same editor changes the claim in another tab.
  const elsewhere = await clientFor(playwright.request, baseURL, editor);
  const [claim] = await listClaims(elsewhere, article.id);
  expect(
    (
      await elsewhere.patch(`/api/annotations/${claim!.id}`, { data: { version: 1, note: "Changed in another tab." } })
    ).status(),
  ).toBe(200);
  await elsewhere.dispose();

  // click, not check: the refused choice springs back, as it should.
  await mine.getByRole("radio", { name: "Unproven", exact: true }).click();
  await expect(mine.getByRole("alert")).toContainText("Someone changed this claim");
  await expect(mine.getByRole("radio", { name: "Unverified", exact: true })).toBeChecked();
  await mine.getByRole("button", { name: "Reload this claim" }).click();
  await expect(mine.getByRole("alert")).toHaveCount(0);
  await expect(mine.getByLabel("Note")).toHaveValue("Changed in another tab.");

  await mine.getByRole("radio", { name: "Unproven", exact: true }).check();
  await expect(mine.getByRole("radio", { name: "Unproven", exact: true })).toBeChecked();
  await expect(mine).toContainText("Unproven");
  await mine.getByText(/History/).click();
  await expect(mine).toContainText("changed the status from Unverified to Unproven");
  await expect(mine).toContainText("edited the note");
});
