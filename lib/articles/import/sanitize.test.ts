import { describe, expect, it } from "vitest";
import { sanitizeArticleHtml } from "./index";

describe("sanitizeArticleHtml", () => {
  it("removes script, style, iframe, object and embed together with their content", () => {
    const html =
      "<p>a</p><script>alert(1)</script><style>p{}</style><iframe src='https://x.example'>frame</iframe>" +
      "<object data='x.swf'><param name='a'>fallback</object><embed src='x.swf'><noscript>enable js</noscript><p>b</p>";
    expect(sanitizeArticleHtml(html)).toBe("<p>a</p><p>b</p>");
  });

  it("removes every attribute except a safe href", () => {
    const html =
      '<p style="color:red" class="x" id="y" onclick="steal()">t <a href="https://ok.example/p" title="t" ' +
      'target="_blank" rel="opener" onmouseover="steal()">link</a><img src="x" onerror="alert(1)"></p>';
    expect(sanitizeArticleHtml(html)).toBe('<p>t <a href="https://ok.example/p">link</a></p>');
  });

  it.each([
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox",
    "/relative/path",
    "../up",
    "#footnote-1",
    "//protocol-relative.example",
    "mailto:editor@example.org",
    "ftp://files.example",
    "https://",
    "http:/missing-slash.example",
  ])("drops the link %j but keeps its text", (href) => {
    expect(sanitizeArticleHtml(`<p><a href="${href}">the text</a></p>`)).toBe("<p>the text</p>");
  });

  it("drops a refused link without breaking the tags after it", () => {
    // Regression guard for apostrophecms/sanitize-html#398 (see sanitize.ts).
    expect(
      sanitizeArticleHtml(
        '<p><a href="javascript:x">bad <em>i</em></a> <strong>b</strong> <a href="https://ok.example/">ok</a></p>',
      ),
    ).toBe('<p>bad <em>i</em> <strong>b</strong> <a href="https://ok.example/">ok</a></p>');
  });

  it.each(["http://example.org", "HTTPS://Example.org/a?b=1#c", "https://example.org/a b"])(
    "keeps the http(s) link %j",
    (href) => {
      expect(sanitizeArticleHtml(`<a href="${href}">x</a>`)).toMatch(/^<a href="[^"]+">x<\/a>$/);
    },
  );

  it("keeps the text of disallowed formatting tags", () => {
    expect(sanitizeArticleHtml("<p><span style='x'>a</span><u>b</u><font color=red>c</font><sup>1</sup></p>")).toBe(
      "<p>abc1</p>",
    );
  });

  it("keeps only a numeric start on ordered lists", () => {
    expect(sanitizeArticleHtml('<ol start="5" type="a" reversed><li>x</li></ol><ol start="x"><li>y</li></ol>')).toBe(
      '<ol start="5"><li>x</li></ol><ol><li>y</li></ol>',
    );
  });

  it("re-escapes decoded text so it cannot turn back into markup", () => {
    expect(sanitizeArticleHtml("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    );
  });

  it("drops comments and conditional comments", () => {
    expect(sanitizeArticleHtml("<p>a<!-- secret --><!--[if IE]><script>x</script><![endif]-->b</p>")).toBe("<p>ab</p>");
  });
});
