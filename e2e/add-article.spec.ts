import { expect, signIn, test } from "./fixtures";

const MARKDOWN = `# Harbour bridge to reopen in May

The council said the **bridge** would reopen on 3 May after repairs costing £4.2m.

> "We are on schedule," a spokesperson said.

- Traffic lights at both ends
- A new cycle lane
`;

test("an editor uploads a Markdown article and sees it rendered with its heading", async ({ page, editor }) => {
  await signIn(page, editor);
  await page.getByRole("link", { name: "Add article" }).first().click();
  await page.getByLabel("Title").fill("Bridge reopening");
  await page.getByLabel("Outlet").fill("The Harbour Post");
  await page.getByLabel("Upload a file").setInputFiles({
    name: "bridge.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(MARKDOWN),
  });
  await page.getByRole("button", { name: "Add article" }).click();

  await expect(page).toHaveURL(/\/articles\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: "Harbour bridge to reopen in May" })).toBeVisible();
  await expect(page.getByText("would reopen on 3 May after repairs costing £4.2m.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "A new cycle lane" })).toBeVisible();

  await page.getByRole("link", { name: "Articles", exact: true }).click();
  const row = page.getByRole("row").filter({ hasText: "Bridge reopening" });
  await expect(row).toContainText("The Harbour Post");
});

test("an unsupported file is refused with a message and nothing is added", async ({ page, editor }) => {
  await signIn(page, editor, "/articles/new");
  await page.getByLabel("Title").fill("Spreadsheet by mistake");
  await page.getByLabel("Upload a file").setInputFiles({ name: "figures.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("PK\u0003\u0004") });
  await page.getByRole("button", { name: "Add article" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("upload a .txt, .md, .html or .docx file");
  await page.goto("/articles");
  await expect(page.getByRole("link", { name: "Spreadsheet by mistake" })).toHaveCount(0);
});

test("a title over 300 characters is refused before sending", async ({ page, editor }) => {
  await signIn(page, editor, "/articles/new");
  await page.getByLabel("Title").fill("A".repeat(301));
  await page.getByLabel("Article text").fill("Some text.");
  await page.getByRole("button", { name: "Add article" }).click();
  await expect(page.getByText("The title is longer than 300 characters")).toBeVisible();
});
