import { DEMO_PASSWORD, SAMPLE_ARTICLE } from "@/prisma/demo-data";
import type { Page } from "@playwright/test";
import { db } from "./factories";
import { expect, signIn, test } from "./fixtures";

const demoEditor = { email: "editor@factline.test", password: DEMO_PASSWORD };
/**
 * The library pages 50 at a time, newest first, and the suite adds many articles: the sample is found the way an
 * editor finds an older article, by searching its title (articles only). Every e2e article copies the sample's
 * title (with a suffix), so the search also keeps the demo editor's items: the seeded sample is theirs.
 */
async function openSampleArticle(page: Page) {
  const header = page.getByRole("search", { name: "Search Factline" });
  await header.getByLabel("Search").fill(`"${SAMPLE_ARTICLE.title}"`);
  await header.getByLabel("Search").press("Enter");
  const form = page.getByRole("search", { name: "Search and filters" });
  await form.getByLabel("Kind").selectOption("article");
  const seededBy = await db.user.findUniqueOrThrow({ where: { email: demoEditor.email }, select: { id: true } });
  await form.getByLabel("Editor").selectOption(seededBy.id);
  await form.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/kind=article/);
  await expect(page).toHaveURL(new RegExp(`editor=${seededBy.id}`));
  const results = page.getByRole("list", { name: "Results" });
  await results.getByRole("link", { name: SAMPLE_ARTICLE.title, exact: true }).first().click();
}

const FIRST_SENTENCE =
  "Russian President, Vladimir Putin, has reportedly said that Russia is open to sending a delegation to Minsk";

test("an editor signs in, sees the library and reads the sample article", async ({ page }) => {
  await signIn(page, demoEditor);
  await expect(page.getByRole("heading", { name: "Articles", level: 1 })).toBeVisible();
  await openSampleArticle(page);
  await expect(page.getByRole("heading", { name: SAMPLE_ARTICLE.title, level: 1 })).toBeVisible();
  await expect(page.getByText(FIRST_SENTENCE)).toBeVisible();
  await expect(page.getByRole("region", { name: "Claims" })).toBeVisible();
});

test("a wrong password is refused without saying which field was wrong", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(demoEditor.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password");
  await expect(page).toHaveURL(/\/login/);
});

test("an anonymous visit to an article goes to sign-in and comes back after it", async ({ page, editor }) => {
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Farticles/);

  // Find the sample article's address as a signed-in user would, then try it anonymously.
  await signIn(page, editor);
  await openSampleArticle(page);
  await expect(page).toHaveURL(/\/articles\/[a-z0-9]+$/);
  const articleUrl = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

  await page.goto(articleUrl);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(editor.email);
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(articleUrl);
  await expect(page.getByText(FIRST_SENTENCE)).toBeVisible();
});

test("the API answers 401 with a JSON error to an anonymous caller", async ({ request }) => {
  const response = await request.get("/api/articles");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: expect.stringContaining("Sign in") });
});
