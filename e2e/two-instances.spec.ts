import { clientFor, listClaims } from "./api-helpers";
import { E2E_PORT, E2E_SECOND_PORT } from "./env";
import { createUser } from "./factories";
import { card, expect, highlight, rateClaim, selectPassage, signIn, test } from "./fixtures";

/**
 * Two app instances on one PostgreSQL database behave as one app. `npm test` runs the suite a
 * second time on PostgreSQL with a second instance; on the single SQLite instance there is no
 * second one to talk to.
 */
test.skip(!E2E_SECOND_PORT, "needs a second instance on the same database (npm test runs it on PostgreSQL)");

const FIRST = `http://localhost:${E2E_PORT}`;
const SECOND = `http://localhost:${E2E_SECOND_PORT}`;
const SECOND_SENTENCE =
  "Earlier, China’s leader, Xi Jinping, had told Putin that Moscow should negotiate with the government in Kyiv.";
const MINSK = "The readout added that Minsk was chosen as the venue for the proposed talk.";
const SOURCE = {
  url: "https://www.reuters.com/world/china-xi-putin-call-2022-02-25/",
  title: "Xi tells Putin he supports talks with Ukraine",
};

test("a claim rated through one instance is seen through the other, and a stale edit there is refused", async ({
  browser,
  page,
  editor,
  article,
  playwright,
}) => {
  // Editor A works on instance 1.
  await signIn(page, editor, `${FIRST}/articles/${article.id}`);
  await selectPassage(page, SECOND_SENTENCE);
  await page.getByRole("button", { name: "Mark as claim" }).click();
  await rateClaim(card(page, "Earlier, China’s leader"), "Verified", SOURCE);

  // A's session, signed in on instance 1, works on instance 2 (same cookie, same secret, no memory of its own).
  await page.goto(`${SECOND}/articles/${article.id}`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(card(page, "Earlier, China’s leader").locator(".claim-byline")).toContainText("Verified");

  // Editor B works on instance 2 and sees A's rated claim there.
  const colleague = await createUser("EDITOR");
  const context = await browser.newContext();
  const other = await context.newPage();
  // B's live connection is down (decision 0018), so that a stale edit reaches the server's version check.
  await other.route("**/api/articles/*/events", (route) => route.abort());
  await signIn(other, colleague, `${SECOND}/articles/${article.id}`);
  const theirs = card(other, "Earlier, China’s leader");
  await expect(theirs).toContainText(`by ${editor.name}`);
  await expect(theirs.locator(".claim-byline")).toContainText("Verified");
  await expect(highlight(other, "Xi Jinping")).toHaveClass(/status-verified/);
  await theirs.click();
  await expect(theirs.getByRole("link", { name: SOURCE.title })).toBeVisible();

  // B marks a claim of their own on instance 2 ...
  await selectPassage(other, MINSK);
  await other.getByRole("button", { name: "Mark as claim" }).click();
  const mine = card(other, "The readout added");
  await expect(mine.getByRole("radio", { name: "Unverified", exact: true })).toBeChecked();

  // ... changes it through instance 1 (another tab) ...
  const elsewhere = await clientFor(playwright.request, FIRST, colleague);
  const claim = (await listClaims(elsewhere, article.id)).find((summary) => summary.authorId === colleague.id)!;
  const changed = await elsewhere.patch(`/api/annotations/${claim.id}`, {
    data: { version: claim.version, note: "Changed on the other instance." },
  });
  expect(changed.status()).toBe(200);
  await elsewhere.dispose();

  // ... and the stale edit on instance 2 is refused: the version check lives in the database.
  await mine.getByRole("radio", { name: "Unproven", exact: true }).click();
  await expect(mine.getByRole("alert")).toContainText("Someone changed this claim");
  await mine.getByRole("button", { name: "Reload this claim" }).click();
  await expect(mine.getByLabel("Note")).toHaveValue("Changed on the other instance.");
  const saved = other.waitForResponse((response) => response.request().method() === "PATCH");
  await mine.getByRole("radio", { name: "Unproven", exact: true }).check();
  expect((await saved).status()).toBe(200);
  await expect(mine.locator(".claim-byline")).toContainText("Unproven");

  // And instance 1 sees B's claim as it now is.
  await page.goto(`${FIRST}/articles/${article.id}`);
  await expect(card(page, "The readout added").locator(".claim-byline")).toContainText("Unproven");
  await context.close();
});
