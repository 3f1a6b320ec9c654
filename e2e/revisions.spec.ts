import type { APIRequestContext } from "@playwright/test";
import { card, claimsPanel, expect, selectPassage, signIn, test } from "./fixtures";
import { annotationsUrl, clientFor, selectorFor } from "./api-helpers";
import { createUser } from "./factories";

// Sentences of the sample article, one paragraph each.
const KEPT = "Earlier, China’s leader, Xi Jinping, had told Putin that Moscow should negotiate with the government in Kyiv.";
const CORRECTED = "The readout added that Minsk was chosen as the venue for the proposed talk.";
const UNCONFIRMED =
  "The report indicated that the Russian forces have entered the Obolon district in the North of the city, just a few miles from its centre.";
const DELETED =
  "Leaders from the North Atlantic Treaty Organization, NATO, will hold virtual talks on the alliance’s next steps starting at 3 p.m. in Brussels.";
const REATTACH_TO = "President Zelenskiy said that Ukraine’s military had so far prevented Russia from achieving its objectives.";

/** The editor's claims on `sentences`, marked through the API on revision 1; returns the signed-in client and the text. */
async function markThroughApi(api: APIRequestContext, articleId: string, sentences: string[]) {
  const text = ((await (await api.get(`/api/articles/${articleId}`)).json()) as { text: string }).text;
  for (const sentence of sentences) {
    expect((await api.post(annotationsUrl(articleId), { data: selectorFor(text, sentence) })).status()).toBe(201);
  }
  return text;
}

test("an editor revises the article; claims follow it, one is confirmed, one re-attached, the report lists the rest", async ({
  page,
  playwright,
  baseURL,
  editor,
  article,
}) => {
  const api = await clientFor(playwright.request, baseURL, editor);
  await markThroughApi(api, article.id, [KEPT, CORRECTED, UNCONFIRMED, DELETED]);

  await signIn(page, editor, `/articles/${article.id}`);
  await page.getByRole("link", { name: "Edit article" }).click();
  await expect(page.getByRole("heading", { name: "Edit article" })).toBeVisible();

  // A paragraph at the top, a word corrected in two claimed sentences, one claimed sentence cut.
  const body = page.getByLabel("Article text");
  const markdown = await body.inputValue();
  expect(markdown).toContain(DELETED);
  const revised = `Editor’s note: this article was updated with the venue of the talks.\n\n${markdown}`
    .replace("for the proposed talk.", "for the proposed talks.")
    .replace("just a few miles from its centre", "just a few kilometres from its centre")
    .replace(`${DELETED}\n\n`, "");
  await body.fill(revised);
  await page.getByLabel("Change note").fill("Corrected the venue; cut the NATO paragraph");
  await page.getByRole("button", { name: "Save revision" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Revision 2 saved" })).toBeVisible();
  await expect(page.getByText("Revision 2", { exact: false }).first()).toBeVisible();

  // Placed: nothing to do.
  const kept = card(page, "Earlier, China’s leader");
  await expect(kept).toBeVisible();
  await expect(kept).not.toContainText("The text changed here");

  // Found approximately: the card shows both passages and asks for confirmation.
  const corrected = card(page, "The readout added");
  await expect(corrected).toContainText("The text changed here");
  await expect(corrected.locator("ins")).toHaveText(/talks/);
  await corrected.getByRole("button", { name: "Confirm" }).click();
  await expect(corrected).not.toContainText("The text changed here");

  // Not found: listed apart, and re-attached to another sentence by selecting it.
  const orphans = claimsPanel(page).getByRole("region", { name: "Could not be placed" });
  const orphan = orphans.getByRole("listitem").filter({ hasText: "Leaders from the North Atlantic" });
  await expect(orphan).toBeVisible();
  await orphan.getByRole("button", { name: "Re-attach" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Re-attaching" })).toBeVisible();
  await selectPassage(page, REATTACH_TO);
  await page.getByRole("button", { name: "Attach here" }).click();
  await expect(orphans).toHaveCount(0);
  await expect(card(page, "President Zelenskiy said")).toBeVisible();

  // The claims keep their history: the re-anchoring is in it.
  await corrected.click();
  await corrected.getByText(/History/).click();
  await expect(corrected).toContainText("saved revision 2, where the text of this claim changed");
  await expect(corrected).toContainText("confirmed the claim’s passage in revision 2");

  // The report covers revision 2 and lists the claim still unconfirmed apart.
  await page.getByRole("link", { name: "Verification report" }).click();
  await expect(page.getByText("Covers revision 2 of the article")).toBeVisible();
  const unconfirmed = page.getByRole("region", { name: "Needs confirmation" });
  await expect(unconfirmed).toContainText("just a few miles from its centre");
  await expect(unconfirmed.getByRole("listitem")).toHaveCount(1);

  // The revision list shows both, with the note; the older one reads as it was.
  await page.goto(`/articles/${article.id}`);
  await page.getByText("Revisions (2)").click();
  await expect(page.getByText("“Corrected the venue; cut the NATO paragraph”")).toBeVisible();
  await page.getByRole("link", { name: "View revision 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You are reading revision 1 of 2" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Article text" })).toContainText(DELETED);
  await page.goto(`/articles/${article.id}`);
  await page.getByText("Revisions (2)").click();
  await page.getByRole("link", { name: "Compare revision 2 with previous" }).click();
  await expect(page.locator("del").filter({ hasText: "Leaders from the North Atlantic" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Claims the change touched" })).toContainText("The readout added");
  await api.dispose();
});

test("a colleague without rights sees no Edit control and gets 403 from the API", async ({
  page,
  playwright,
  baseURL,
  article,
}) => {
  const colleague = await createUser("EDITOR");
  await signIn(page, colleague, `/articles/${article.id}`);
  await expect(page.getByRole("link", { name: "Verification report" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit article" })).toHaveCount(0);

  const api = await clientFor(playwright.request, baseURL, colleague);
  const response = await api.post(`/api/articles/${article.id}/revisions`, {
    multipart: { title: "Hijacked", format: "txt", text: "Other words entirely.", baseRevision: "1" },
  });
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { error: string }).error).toMatch(/Only the editor who added this article/);
  const revisions = (await (await api.get(`/api/articles/${article.id}/revisions`)).json()) as { revisions: unknown[] };
  expect(revisions.revisions).toHaveLength(1);
  await api.dispose();
});

test("saving the same text again is refused, and a stale base revision gets 409", async ({ playwright, baseURL, editor, article }) => {
  const api = await clientFor(playwright.request, baseURL, editor);
  const current = (await (await api.get(`/api/articles/${article.id}`)).json()) as { title: string; revision: number; text: string };
  expect(current.revision).toBe(1);
  const same = await api.post(`/api/articles/${article.id}/revisions`, {
    multipart: { title: current.title, outlet: "The Daily Example", keepText: "1", baseRevision: "1" },
  });
  // The outlet changed: a revision of the details alone.
  expect(same.status()).toBe(201);
  const again = await api.post(`/api/articles/${article.id}/revisions`, {
    multipart: { title: current.title, outlet: "The Daily Example", keepText: "1", baseRevision: "2" },
  });
  expect(again.status()).toBe(422);
  expect(((await again.json()) as { error: string }).error).toMatch(/Nothing changed/);
  const stale = await api.post(`/api/articles/${article.id}/revisions`, {
    multipart: { title: current.title, format: "txt", text: "A new text.", baseRevision: "1" },
  });
  expect(stale.status()).toBe(409);
  expect(((await stale.json()) as { error: string }).error).toMatch(/saved revision 2/);
  await api.dispose();
});

test("a page open on an older revision says so when the claims move, and reloads into the new text", async ({
  page,
  playwright,
  baseURL,
  editor,
  article,
}) => {
  const api = await clientFor(playwright.request, baseURL, editor);
  const text = await markThroughApi(api, article.id, [KEPT]);
  await signIn(page, editor, `/articles/${article.id}`);
  await expect(card(page, "Earlier, China’s leader")).toBeVisible();
  // The viewer mounts once the page is hydrated: its focus listener is there from then on.
  await page.locator(".ProseMirror").waitFor();

  // Saved elsewhere (another tab, a colleague): this page still shows revision 1.
  const saved = await api.post(`/api/articles/${article.id}/revisions`, {
    multipart: { title: article.title, format: "txt", text: `A new first paragraph.\n${text}`, baseRevision: "1" },
  });
  expect(saved.status()).toBe(201);
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  const banner = page.getByRole("status").filter({ hasText: "saved revision 2 of this article" });
  await expect(banner).toBeVisible();
  await banner.getByRole("button", { name: "Reload the article" }).click();
  await expect(page.getByRole("textbox", { name: "Article text" })).toContainText("A new first paragraph.");
  await expect(card(page, "Earlier, China’s leader")).toBeVisible();
  await api.dispose();
});
