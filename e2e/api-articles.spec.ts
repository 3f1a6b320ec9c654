import { expect, signInApi, test } from "./fixtures";

test.describe("articles API", () => {
  test.beforeEach(async ({ request, editor }) => {
    await signInApi(request, editor);
  });

  test("lists articles with their claim counts and never a password hash", async ({ request }) => {
    const response = await request.get("/api/articles");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { articles: Array<Record<string, unknown>> };
    const sample = body.articles.find((a) => a.title === "Russia open to talks in Minsk as forces close in on Kyiv");
    expect(sample).toMatchObject({ id: expect.any(String), outlet: expect.any(String), claimCount: expect.any(Number) });
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  test("adds a pasted HTML article with scripts and handlers stripped", async ({ request }) => {
    const response = await request.post("/api/articles", {
      multipart: {
        title: "Sanitised piece",
        format: "html",
        text: '<h2>Heading</h2><p onclick="steal()">Body <a href="javascript:alert(1)">link</a><script>alert(1)</script></p><iframe src="https://x.test"></iframe>',
      },
    });
    expect(response.status()).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const article = (await (await request.get(`/api/articles/${id}`)).json()) as { text: string; doc: unknown };
    expect(article.text).toBe("Heading\nBody link");
    expect(JSON.stringify(article.doc)).not.toMatch(/script|javascript:|onclick|iframe/i);
  });

  const refusals: Array<[string, Record<string, string | { name: string; mimeType: string; buffer: Buffer }>, number, RegExp]> = [
    ["an empty article", { title: "Empty", text: "   " }, 422, /empty/i],
    ["a title over 300 characters", { title: "T".repeat(301), text: "Body." }, 422, /300 characters/],
    ["an unsupported file type", { title: "Bad type", file: { name: "a.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") } }, 422, /\.docx/],
    ["a broken .docx", { title: "Broken docx", file: { name: "a.docx", mimeType: "application/octet-stream", buffer: Buffer.from("not a zip at all") } }, 422, /docx/i],
    ["an article over 2 MB", { title: "Huge", text: "x".repeat(2 * 1024 * 1024 + 10) }, 413, /2 MB/],
  ];
  for (const [what, multipart, status, message] of refusals) {
    test(`refuses ${what} with ${status} and stores nothing`, async ({ request }) => {
      const response = await request.post("/api/articles", { multipart });
      expect(response.status()).toBe(status);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
      const { articles } = (await (await request.get("/api/articles")).json()) as { articles: Array<{ title: string }> };
      expect(articles.map((a) => a.title)).not.toContain(multipart.title);
    });
  }

  test("answers 400 to a body that is not a form, and 404 to an unknown article", async ({ request }) => {
    const malformed = await request.post("/api/articles", { headers: { "content-type": "application/json" }, data: "{not json" });
    expect(malformed.status()).toBe(400);
    const missing = await request.get("/api/articles/does-not-exist");
    expect(missing.status()).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toMatch(/no article/i);
  });
});

test("a write from another site's page is refused even with the session cookie", async ({ request, editor }) => {
  await signInApi(request, editor);
  const response = await request.post("/api/articles", {
    headers: { Origin: "https://evil.example" },
    multipart: { title: "Cross-site", text: "Planted text." },
  });
  expect(response.status()).toBe(403);
  const { articles } = (await (await request.get("/api/articles")).json()) as { articles: Array<{ title: string }> };
  expect(articles.map((a) => a.title)).not.toContain("Cross-site");
});
