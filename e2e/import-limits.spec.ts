import type { APIRequestContext } from "@playwright/test";
import {
  compressionBombDocx,
  deepHtml,
  deepQuoteMarkdown,
  listMarkerMarkdown,
  longDocx,
  paragraphBombDocx,
} from "@/test/fixtures/import/bombs";
import { clientFor, expectError } from "./api-helpers";
import { createUser, db } from "./factories";
import { expect, signInApi, test } from "./fixtures";

// Issue 8: no single upload may stall or crash the server. Every hostile upload below is
// refused within 5 s with a message naming the limit, and a heavy upload converts in a worker
// while other people's requests are answered at once.

const REFUSED_WITHIN_MS = 5_000;
/**
 * On a machine shared with other work, the odd request stalls for 150–200 ms with no upload at
 * all (scheduler and GC pauses, in the server or in this client; one CI run saw 1 in 19). So the
 * typical request (the median) must come within 200 ms, and even the slowest must take well under
 * half the upload's own time. Before imports ran in workers, a request made during the upload
 * waited for all of the conversion, and barely any request overlapped the upload at all.
 */
const TYPICAL_ANSWER_WITHIN_MS = 200;

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
type Part = string | { name: string; mimeType: string; buffer: Buffer };

const BOMBS: Array<[string, () => Record<string, Part>, RegExp]> = [
  [
    "a .docx of 2 million empty paragraphs",
    () => ({ file: { name: "paragraphs.docx", mimeType: DOCX_TYPE, buffer: paragraphBombDocx() } }),
    /more than 20,000 paragraphs/,
  ],
  [
    "a 1 MB .docx that unpacks to 1 GB",
    () => ({ file: { name: "bomb.docx", mimeType: DOCX_TYPE, buffer: compressionBombDocx() } }),
    /unpacks to more than 32 MB \(this one to 1,025 MB\)/,
  ],
  [
    "a .docx whose zip lies about its unpacked size",
    () => ({ file: { name: "liar.docx", mimeType: DOCX_TYPE, buffer: compressionBombDocx({ lie: true }) } }),
    /unpacks to more than 32 MB/,
  ],
  [
    "HTML nested 100,000 deep",
    () => ({ format: "html", text: deepHtml() }),
    /nested too deeply .*more than 1,000 levels/,
  ],
  [
    "2 MB of Markdown list markers",
    () => ({ file: { name: "lists.md", mimeType: "text/markdown", buffer: Buffer.from(listMarkerMarkdown()) } }),
    /too many list items and quotes/,
  ],
  [
    "Markdown quotes nested 100,000 deep",
    () => ({ format: "md", text: deepQuoteMarkdown() }),
    /more than 32 levels deep/,
  ],
];

/** One GET /api/articles, timed from the client (connection already open). */
async function timedList(client: APIRequestContext): Promise<number> {
  const started = performance.now();
  const response = await client.get("/api/articles");
  const elapsed = performance.now() - started;
  expect(response.status()).toBe(200);
  return elapsed;
}

const articlesBy = (userId: string) => db.article.count({ where: { createdById: userId } });

test.describe("import limits", () => {
  test.beforeEach(async ({ request, editor }) => {
    await signInApi(request, editor);
  });

  for (const [what, parts, message] of BOMBS) {
    test(`refuses ${what} within 5 s with a message naming the limit, storing nothing`, async ({ request, editor }) => {
      const multipart = { title: `Hostile upload: ${what}`, ...parts() };
      const started = Date.now();
      const response = await request.post("/api/articles", { multipart, timeout: 20_000 });
      const elapsed = Date.now() - started;
      await expectError(response, 422, message);
      expect(elapsed).toBeLessThan(REFUSED_WITHIN_MS);
      expect(await articlesBy(editor.id)).toBe(0);
    });
  }

  test("another editor's GET /api/articles is answered at once (median under 200 ms) while a heavy upload converts", async ({
    request,
    editor,
    playwright,
    baseURL,
  }) => {
    const other = await createUser();
    const otherClient: APIRequestContext = await clientFor(playwright.request, baseURL, other);
    try {
      // Timed with no upload too, for comparison in the report (and to open the connection).
      const before: number[] = [];
      for (let i = 0; i < 20; i++) before.push(await timedList(otherClient));

      // 2,500 paragraphs (a quarter of a million characters, three times a long feature):
      // allowed, and about a second of work on a quiet machine.
      const heavy = longDocx(2_500);
      let uploading = true;
      const uploadStarted = performance.now();
      let uploadMs = 0;
      const upload = request
        .post("/api/articles", {
          multipart: { title: "Heavy but allowed", file: { name: "long.docx", mimeType: DOCX_TYPE, buffer: heavy } },
          timeout: 30_000,
        })
        .finally(() => {
          uploading = false;
          uploadMs = performance.now() - uploadStarted;
        });
      await new Promise((resolve) => setTimeout(resolve, 100));

      const during: number[] = [];
      while (uploading) {
        const elapsed = await timedList(otherClient);
        if (uploading) during.push(elapsed);
      }
      const response = await upload;
      const report = (times: number[]) => times.map(Math.round).join(", ");
      test
        .info()
        .annotations.push(
          { type: "GET /api/articles before the upload (ms)", description: report(before) },
          { type: "GET /api/articles during the upload (ms)", description: report(during) },
        );

      // Enough requests overlapped the conversion for the bound to mean something.
      expect(during.length).toBeGreaterThanOrEqual(5);
      const sorted = [...during].sort((a, b) => a - b);
      expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(TYPICAL_ANSWER_WITHIN_MS);
      expect(sorted[sorted.length - 1]).toBeLessThan(uploadMs / 2);
      expect(response.status(), await response.text()).toBe(201);
      expect(await articlesBy(editor.id)).toBe(1);
    } finally {
      await otherClient.dispose();
    }
  });
});
