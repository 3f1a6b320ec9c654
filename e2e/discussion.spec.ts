import type { Browser, Page } from "@playwright/test";
import { createClaim } from "./api-helpers";
import { createUser, type TestUser } from "./factories";
import { card, expect, signIn, test } from "./fixtures";

const MINSK = "The readout added that Minsk was chosen as the venue for the proposed talk.";

async function signedIn(browser: Browser, user: TestUser, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user, path);
  return page;
}

const inboxLink = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox \(\d+\)$/ });

test("a reply mentioning a colleague reaches their inbox and the claim author's, and lands on the claim", async ({
  browser,
  page,
  editor,
  article,
}) => {
  // A marks a claim; B discusses it and mentions C.
  const [b, c] = await Promise.all([createUser("EDITOR"), createUser("EDITOR")]);
  await signIn(page, editor, `/articles/${article.id}`);
  const { text } = (await (await page.request.get(`/api/articles/${article.id}`)).json()) as { text: string };
  await createClaim(page.request, { id: article.id, text }, MINSK);
  await expect(inboxLink(page)).toHaveText("Inbox (0)");

  const bPage = await signedIn(browser, b, `/articles/${article.id}`);
  await bPage.locator(".ProseMirror").waitFor();
  const bCard = card(bPage, "The readout added");
  await bCard.getByRole("button", { name: "Discussion (0)" }).click();
  await expect(bCard.getByText("No replies yet.")).toBeVisible();
  const box = bCard.getByLabel("Your reply");

  // Empty and oversized replies are refused with a message, and nothing is posted.
  await bCard.getByRole("button", { name: "Post reply" }).click();
  await expect(bCard.getByRole("alert")).toContainText("Write something before posting the reply.");
  await box.fill("x".repeat(5001));
  await expect(bCard.getByText("5,001 / 5,000 characters (1 too many)")).toBeVisible();
  await bCard.getByRole("button", { name: "Post reply" }).click();
  await expect(bCard.getByRole("alert")).toContainText("A reply can have at most 5,000 characters");

  // Writing @ suggests colleagues; Escape closes the list, Enter picks the highlighted name.
  await box.fill("Where is this from? See https://example.org/minsk-readout. ");
  await box.pressSequentially("@");
  const suggestions = bPage.getByRole("listbox", { name: "Colleagues to mention" });
  await expect(suggestions).toBeVisible();
  await box.press("Escape");
  await expect(suggestions).toBeHidden();
  await box.pressSequentially(c.name.slice(0, -1));
  await expect(suggestions.getByRole("option").first()).toHaveText(c.name);
  await expect(suggestions.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(box).toHaveValue(`Where is this from? See https://example.org/minsk-readout. @${c.name} `);
  await box.pressSequentially("can you check?");
  await bCard.getByRole("button", { name: "Post reply" }).click();

  await expect(bCard.getByRole("button", { name: "Discussion (1)" })).toBeVisible();
  await expect(bCard.getByRole("status").filter({ hasText: "Reply posted." })).toBeAttached();
  const thread = bCard.getByRole("list", { name: "Replies" });
  await expect(thread.getByRole("listitem")).toHaveCount(1);
  await expect(thread).toContainText(b.name);
  await expect(thread).toContainText(`@${c.name} can you check?`);
  const link = thread.getByRole("link", { name: "https://example.org/minsk-readout" });
  await expect(link).toHaveAttribute("href", "https://example.org/minsk-readout");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(box).toHaveValue("");

  // A, the claim's author, finds the reply in the inbox; so does C, who is mentioned.
  await page.reload();
  await expect(inboxLink(page)).toHaveText("Inbox (1)");
  await expect(card(page, "The readout added").getByRole("button", { name: "Discussion (1)" })).toBeVisible();
  await inboxLink(page).click();
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
  const aItems = page.getByRole("list", { name: "Inbox items" }).getByRole("listitem");
  await expect(aItems).toHaveCount(1);
  await expect(aItems.first()).toContainText("Reply on your claim");
  await expect(aItems.first()).toContainText(b.name);

  const cPage = await signedIn(browser, c, "/inbox");
  await expect(inboxLink(cPage)).toHaveText("Inbox (1)");
  const cItem = cPage.getByRole("list", { name: "Inbox items" }).getByRole("listitem").first();
  await expect(cItem).toContainText("Mentioned you");
  await expect(cItem).toContainText("can you check?");

  // C opens it and lands on the claim, with its discussion open.
  await cItem.getByRole("link", { name: article.title }).click();
  await expect(cPage).toHaveURL(/\/articles\/[^?]+\?claim=/);
  const cCard = card(cPage, "The readout added");
  await expect(cCard).toHaveAttribute("aria-current", "true");
  await expect(cCard).toBeFocused();
  await expect(cCard.getByRole("list", { name: "Replies" })).toContainText("can you check?");

  // Marked done, it leaves the open list and the header's count drops; Show done brings it back.
  await inboxLink(cPage).click();
  await cPage.getByRole("button", { name: `Mark done: Mentioned you from ${b.name}` }).click();
  await expect(inboxLink(cPage)).toHaveText("Inbox (0)");
  await expect(cPage.getByText("Nothing waits for you.")).toBeVisible();
  await expect(cPage.getByRole("list", { name: "Inbox items" })).toBeHidden();
  await cPage.getByLabel("Show done").check();
  await expect(cPage.getByRole("list", { name: "Inbox items" }).getByRole("listitem")).toContainText("Mentioned you · done");
  await cPage.reload();
  await expect(inboxLink(cPage)).toHaveText("Inbox (0)");

  // A marks all done.
  await page.getByRole("button", { name: "Mark all done" }).click();
  await expect(inboxLink(page)).toHaveText("Inbox (0)");

  // B edits, then deletes, their own reply; A sees no Edit or Delete on it.
  await bCard.getByRole("button", { name: "Edit", exact: true }).click();
  const edit = bCard.getByLabel("Edit your reply");
  await expect(edit).toBeFocused();
  await edit.fill("Found it: https://example.org/readout-2");
  await bCard.getByRole("button", { name: "Save reply" }).click();
  await expect(thread).toContainText("Found it:");
  await expect(thread).toContainText("edited");

  await page.goto(`/articles/${article.id}`);
  const aCard = card(page, "The readout added");
  await aCard.getByRole("button", { name: "Discussion (1)" }).click();
  await expect(aCard.getByRole("list", { name: "Replies" })).toContainText("Found it:");
  await expect(aCard.getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(aCard.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);

  await bCard.getByRole("button", { name: "Delete", exact: true }).click();
  await bCard.getByRole("button", { name: "Delete reply" }).click();
  await expect(thread).toContainText("Reply deleted");
  await expect(thread).not.toContainText("Found it:");
  await expect(bCard.getByRole("button", { name: "Discussion (0)" })).toBeVisible();

  // The mention went with the text: C's inbox has nothing, done or not.
  await cPage.goto("/inbox");
  await cPage.getByLabel("Show done").check();
  await expect(cPage.getByRole("list", { name: "Inbox items" })).toBeHidden();
});

test("only a reply's author changes it; a deleted claim takes no replies", async ({ page, editor, article }) => {
  const other = await createUser("EDITOR");
  await signIn(page, editor, `/articles/${article.id}`);
  const { text } = (await (await page.request.get(`/api/articles/${article.id}`)).json()) as { text: string };
  const claim = await createClaim(page.request, { id: article.id, text }, MINSK);
  const posted = await page.request.post(`/api/annotations/${claim.id}/replies`, { data: { text: "Mine." } });
  expect(posted.status()).toBe(201);
  const reply = (await posted.json()) as { id: string };

  const context = await page.context().browser()!.newContext();
  const otherPage = await context.newPage();
  await signIn(otherPage, other);
  const patched = await otherPage.request.patch(`/api/replies/${reply.id}`, { data: { text: "Not yours." } });
  expect(patched.status()).toBe(403);
  expect(((await patched.json()) as { error: string }).error).toContain("only change your own replies");

  expect((await page.request.delete(`/api/annotations/${claim.id}`)).status()).toBe(204);
  const late = await otherPage.request.post(`/api/annotations/${claim.id}/replies`, { data: { text: "Too late." } });
  expect(late.status()).toBe(404);
  expect((await page.request.get(`/api/annotations/${claim.id}/replies`)).status()).toBe(404);
  await context.close();
});
