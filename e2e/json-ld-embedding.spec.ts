import { clientFor, selectorFor } from "./api-helpers";
import { createUser } from "./factories";
import { expect, test } from "./fixtures";

// What a hostile note or source would try once the export is pasted into a page.
const SCRIPT_BREAKOUT = "</script><script>window.__pwned=1</script>";
const IMG_ONERROR = `<img src=x onerror="window.__pwned=2">`;
const COMMENT_TRICK = "<!--<script>window.__pwned=3</script>-->";
const SEPARATORS = "line\u2028paragraph\u2029&amp;";

/**
 * The usual way a newsroom publishes ClaimReview: the export pasted as it is into
 * `<script type="application/ld+json">`. No note or source may end that script or add markup.
 */
test("the ClaimReview and W3C exports can be embedded in a page as they are: nothing in them runs", async ({ page, playwright, baseURL, editor }) => {
  const client = await clientFor(playwright.request, baseURL, editor);
  // In the headline and in the quote (the ClaimReview carries those), in the note and the source (the W3C export).
  const quote = `The mayor wrote ${SCRIPT_BREAKOUT} and ${IMG_ONERROR} and ${COMMENT_TRICK} in a post.`;
  const created = await client.post("/api/articles", {
    multipart: { title: `Budget ${SCRIPT_BREAKOUT}`, format: "txt", text: `A first paragraph.\n\n${quote}` },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const article = { id, text: ((await (await client.get(`/api/articles/${id}`)).json()) as { text: string }).text };
  const marked = await client.post(`/api/articles/${id}/annotations`, {
    data: { ...selectorFor(article.text, quote), note: `${SCRIPT_BREAKOUT} ${IMG_ONERROR} ${SEPARATORS}` },
  });
  expect(marked.status(), await marked.text()).toBe(201);
  const claim = (await marked.json()) as { id: string; version: number };
  const updated = await client.patch(`/api/annotations/${claim.id}`, {
    data: {
      version: claim.version,
      status: "VERIFIED",
      addSources: [{ url: "https://stats.example.org/budget", title: `Budget ${SCRIPT_BREAKOUT}`, publisher: IMG_ONERROR, excerpt: COMMENT_TRICK }],
    },
  });
  expect(updated.status(), await updated.text()).toBe(200);
  // Signed off by a second editor: the ClaimReview export carries signed-off claims only.
  const reviewer = await clientFor(playwright.request, baseURL, await createUser("EDITOR"));
  const { version } = (await updated.json()) as { version: number };
  const approved = await reviewer.post(`/api/annotations/${claim.id}/review`, { data: { version, decision: "approve" } });
  expect(approved.status(), await approved.text()).toBe(200);
  await reviewer.dispose();
  const claimReview = await client.get(`/api/articles/${article.id}/report?format=claimreview`);
  expect(JSON.stringify(await claimReview.json())).toContain("onerror");

  for (const format of ["claimreview", "w3c"]) {
    const response = await client.get(`/api/articles/${article.id}/report?format=${format}`);
    expect(response.status()).toBe(200);
    const text = await response.text();
    // The payloads are in the export (as data), written so no HTML parser sees markup.
    expect(JSON.stringify(JSON.parse(text))).toContain("window.__pwned=1");
    expect(text).not.toMatch(/[<>\u2028\u2029]/);

    await page.setContent(`<!doctype html><html><head><script type="application/ld+json">${text}</script></head><body><p>Published</p></body></html>`);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), format).toBeUndefined();
    expect(await page.locator("script").count(), format).toBe(1);
    expect(await page.locator("img").count(), format).toBe(0);
    const embedded = await page.locator("script").textContent();
    expect(JSON.parse(embedded ?? "")).toEqual(JSON.parse(text));
  }
  await client.dispose();
});
