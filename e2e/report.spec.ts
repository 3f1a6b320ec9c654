import fs from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
import { expect, rateClaim, selectPassage, signIn, test } from "./fixtures";

const PASSAGE = "Leaders from the North Atlantic Treaty Organization, NATO, will hold virtual talks";
const SOURCE = { url: "https://www.nato.int/cps/en/natohq/news_192408.htm", title: "NATO leaders to meet virtually" };

test("an editor rates a claim, reads the report and exports it as PDF and CSV", async ({ page, editor, article }) => {
  await signIn(page, editor, `/articles/${article.id}`);
  await selectPassage(page, PASSAGE);
  await page.getByRole("button", { name: "Mark as claim" }).click();
  const card = page.getByRole("region", { name: "Claims" }).getByRole("article", { name: /Leaders from the North Atlantic/ });
  await rateClaim(card, "Verified", SOURCE);

  await page.getByRole("link", { name: "Verification report" }).click();
  await expect(page.getByRole("heading", { name: article.title, level: 1 })).toBeVisible();
  const claim = page.locator(".report-claim").filter({ hasText: PASSAGE });
  await expect(claim).toContainText("Verified");
  await expect(claim.getByRole("link", { name: SOURCE.title })).toHaveAttribute("href", SOURCE.url);
  await expect(page.getByRole("region", { name: "Summary" })).toContainText(editor.name);

  await page.getByText("Export report").click();
  const pdfDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "PDF" }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^russia-open-to-talks-in-minsk.*-verification-report-\d{4}-\d{2}-\d{2}\.pdf$/);
  const bytes = new Uint8Array(fs.readFileSync(await pdf.path()));
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  const flat = text.replace(/\s+/g, " ");
  expect(flat).toContain(PASSAGE);
  expect(flat).toContain("Verified");
  expect(flat).toContain(SOURCE.url);

  // The export menu stays open for a second download.
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: /CSV/ }).click();
  const csv = fs.readFileSync(await (await csvDownload).path(), "utf8");
  expect(csv).toContain(PASSAGE);
  expect(csv).toContain(SOURCE.url);
  expect(csv).toContain(editor.name);
});

test("a report for an article without claims says so, and the API refuses an unknown format", async ({ page, request, editor, article }) => {
  await signIn(page, editor, `/articles/${article.id}/report`);
  await expect(page.getByText("No claims have been marked in this article.")).toBeVisible();

  const unknown = await page.request.get(`/api/articles/${article.id}/report?format=docx`);
  expect(unknown.status()).toBe(400);
  expect(((await unknown.json()) as { error: string }).error).toContain("pdf, md, csv, json, claimreview, w3c");
  const md = await page.request.get(`/api/articles/${article.id}/report?format=md`);
  expect(md.headers()["content-type"]).toContain("text/markdown");
  expect(md.headers()["content-disposition"]).toMatch(/attachment; filename="russia-open-to-talks.*\.md"/);
  expect(await md.text()).toContain("No claims have been marked in this article.");

  expect((await request.get(`/api/articles/${article.id}/report?format=md`)).status()).toBe(401);
  expect((await page.request.get(`/api/articles/does-not-exist/report?format=md`)).status()).toBe(404);
});
