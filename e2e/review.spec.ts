import type { Page } from "@playwright/test";
import { card, claimsPanel, expect, highlight, rateClaim, selectPassage, signIn, test } from "./fixtures";
import { listClaims } from "./api-helpers";
import { createUser } from "./factories";

const MINSK = "The readout added that Minsk was chosen as the venue for the proposed talk.";
const QUOTE_START = "The readout added";

/** Opens the card (it loads its details and shows its controls when active). */
async function openCard(page: Page) {
  const claim = card(page, QUOTE_START);
  // A click before the page is hydrated does nothing: the viewer mounts once it is.
  await page.locator(".ProseMirror").waitFor();
  await claim.click();
  await expect(claim).toHaveAttribute("aria-current", "true");
  await expect(claim.getByText("Loading…")).toHaveCount(0);
  return claim;
}

test("a second editor signs off a verdict, the author's change reopens it, a return tells the author why", async ({
  browser,
  page,
  editor,
  article,
}) => {
  // The author rates the claim Verified with a source: it awaits review, without review controls for them.
  await signIn(page, editor, `/articles/${article.id}`);
  await selectPassage(page, MINSK);
  await page.getByRole("button", { name: "Mark as claim" }).click();
  const own = card(page, QUOTE_START);
  await rateClaim(own, "Verified", { url: "https://kremlin.example/readout", title: "Kremlin readout" });
  await expect(own).toContainText("Awaiting review");
  await expect(highlight(page, "Minsk was chosen")).toHaveClass(/awaiting-review/);
  await expect(own.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(own.getByRole("button", { name: "Return for changes" })).toHaveCount(0);

  // The API refuses the author's own approval too.
  const [claim] = await listClaims(page.request, article.id);
  const ownApproval = await page.request.post(`/api/annotations/${claim?.id}/review`, {
    data: { version: claim?.version, decision: "approve" },
  });
  expect(ownApproval.status()).toBe(403);
  expect(((await ownApproval.json()) as { error: string }).error).toMatch(/your own claim/);

  // A colleague approves it.
  const reviewer = await createUser("EDITOR");
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, reviewer, `/articles/${article.id}`);
  const theirs = await openCard(other);
  await expect(theirs).toContainText("Awaiting review");
  await theirs.getByRole("button", { name: "Approve" }).click();
  await expect(theirs).toContainText(`Signed off by ${reviewer.name}`);
  await expect(theirs.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(highlight(other, "Minsk was chosen")).not.toHaveClass(/awaiting-review/);

  // The author sees the sign-off.
  await page.reload();
  await expect(card(page, QUOTE_START)).toContainText(`Signed off by ${reviewer.name}`);

  // The author adds a source: the claim awaits review again, the sign-off is kept in History, superseded.
  const reopened = await openCard(page);
  await reopened.getByRole("button", { name: "Add source" }).click();
  await reopened.getByLabel("Source URL").fill("https://belta.example/minsk-venue");
  await reopened.getByLabel("Source title").fill("Belta: Minsk as venue");
  await reopened.getByRole("button", { name: "Save", exact: true }).click();
  await expect(reopened.getByRole("link", { name: "Belta: Minsk as venue" })).toBeVisible();
  await expect(reopened).toContainText("Awaiting review");
  await expect(reopened).not.toContainText("Signed off by");
  await reopened.getByText(/History/).click();
  await expect(reopened.getByRole("listitem").filter({ hasText: "signed off on this claim" })).toContainText(
    "(superseded)",
  );
  await expect(reopened).toContainText("changed the claim after it was signed off: that review is superseded");

  // The colleague returns it; a return needs a comment.
  await other.reload();
  const again = await openCard(other);
  await expect(again).toContainText("Awaiting review");
  await again.getByRole("button", { name: "Return for changes" }).click();
  const comment = again.getByLabel("What should the author change?");
  await expect(comment).toBeFocused();
  await again.getByRole("button", { name: "Return", exact: true }).click();
  // The browser's own check (required) stops an empty comment before anything is sent.
  await expect(again).toContainText("Awaiting review");
  await comment.fill("Belta quotes the Kremlin: cite an independent source for the venue.");
  await again.getByRole("button", { name: "Return", exact: true }).click();
  await expect(again).toContainText(
    `Returned by ${reviewer.name}: Belta quotes the Kremlin: cite an independent source for the venue.`,
  );

  // The author sees who returned it and why, and finds it under the Returned filter.
  await page.reload();
  const returned = card(page, QUOTE_START);
  await expect(returned).toContainText(
    `Returned by ${reviewer.name}: Belta quotes the Kremlin: cite an independent source for the venue.`,
  );
  const panel = claimsPanel(page);
  await panel.getByLabel("Filter by review").selectOption("signed_off");
  await expect(returned).toHaveCount(0);
  await panel.getByLabel("Filter by review").selectOption("returned");
  await expect(returned).toBeVisible();
  await expect(panel.getByLabel("Filter by review")).toContainText("Returned (1)");

  // … and in their inbox, with the reviewer's comment, linking to the claim.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /^Inbox \(\d+\)$/ })
    .click();
  const item = page
    .getByRole("list", { name: "Inbox items" })
    .getByRole("listitem")
    .filter({ hasText: "Returned to you" });
  await expect(item).toContainText("Belta quotes the Kremlin: cite an independent source for the venue.");
  await item.getByRole("link").first().click();
  await expect(card(page, QUOTE_START)).toHaveAttribute("aria-current", "true");

  await context.close();
});

test("a reviewer who loaded the claim before the author changed it gets a reload prompt, not a stale sign-off", async ({
  browser,
  page,
  editor,
  article,
}) => {
  await signIn(page, editor, `/articles/${article.id}`);
  await selectPassage(page, MINSK);
  await page.getByRole("button", { name: "Mark as claim" }).click();
  const own = card(page, QUOTE_START);
  await rateClaim(own, "Verified", { url: "https://kremlin.example/readout", title: "Kremlin readout" });
  await expect(own).toContainText("Awaiting review");

  const reviewer = await createUser("EDITOR");
  const context = await browser.newContext();
  const other = await context.newPage();
  // The reviewer's live connection is down (decision 0018): their page does not hear of the change.
  await other.route("**/api/articles/*/events", (route) => route.abort());
  await signIn(other, reviewer, `/articles/${article.id}`);
  const theirs = await openCard(other);

  // Meanwhile the author changes the verdict.
  await own.getByRole("radio", { name: "Mostly true", exact: true }).check();
  await expect(own.getByRole("radio", { name: "Mostly true", exact: true })).toBeChecked();

  await theirs.getByRole("button", { name: "Approve" }).click();
  await expect(theirs.getByRole("alert")).toContainText("changed after you loaded it");
  await expect(theirs).toContainText("Awaiting review");
  await context.close();
});
