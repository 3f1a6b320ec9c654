import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { createUser } from "./factories";

/** Submits the sign-in form and returns the status of next-auth's credentials callback. */
async function submitSignIn(page: Page, email: string, password: string): Promise<{ status: number; retryAfter?: string }> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Sign in" }).click();
  const response = await answered;
  return { status: response.status(), retryAfter: response.headers()["retry-after"] };
}

// Fresh accounts for this test alone: its failures must not limit any other test's account.
test("ten wrong passwords stop the account for 15 minutes, the right one too, while a colleague still signs in", async ({ page }) => {
  const [guessed, colleague] = [await createUser(), await createUser()];
  await page.goto("/login");
  for (let attempt = 1; attempt <= 10; attempt++) {
    expect((await submitSignIn(page, guessed.email, `wrong guess ${attempt}`)).status).toBe(401);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password");
  }

  const refused = await submitSignIn(page, guessed.email, guessed.password);
  expect(refused.status).toBe(429);
  expect(Number(refused.retryAfter)).toBeGreaterThan(14 * 60);
  await expect(page.locator("form").getByRole("alert")).toHaveText("Too many sign-in attempts. Try again in 15 minutes.");
  await expect(page).toHaveURL(/\/login/);
  // No session came of it.
  expect((await page.request.get("/api/articles")).status()).toBe(401);

  // Same browser, same address: another account is not held back.
  await signIn(page, colleague);
  await expect(page.getByRole("heading", { name: "Articles", level: 1 })).toBeVisible();
});

test("an email without an account is stopped after ten tries just the same", async ({ page }) => {
  const nobody = `nobody-${Date.now()}-${Math.random().toString(36).slice(2)}@factline.test`;
  await page.goto("/login");
  for (let attempt = 1; attempt <= 10; attempt++) expect((await submitSignIn(page, nobody, "a guess")).status).toBe(401);
  expect((await submitSignIn(page, nobody, "a guess")).status).toBe(429);
  await expect(page.locator("form").getByRole("alert")).toHaveText("Too many sign-in attempts. Try again in 15 minutes.");
});
