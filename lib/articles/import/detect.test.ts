import { describe, expect, it } from "vitest";
import { ARTICLE_FILE_EXTENSIONS, formatFromFileName } from "./index";

describe("formatFromFileName", () => {
  it.each([
    ["notes.txt", "txt"],
    ["README.MD", "md"],
    ["draft.markdown", "md"],
    ["page.html", "html"],
    ["PAGE.HTM", "html"],
    ["Story Final v2.DocX", "docx"],
    ["C:\\fakepath\\report.docx", "docx"],
    ["archive.tar.txt", "txt"],
  ])("%s is %s", (name, format) => {
    expect(formatFromFileName(name)).toBe(format);
  });

  it.each([
    "report.doc",
    "scan.pdf",
    "noextension",
    "",
    ".",
    "trailingdot.",
    "x.constructor",
    "x.__proto__",
    "dir.md/file",
  ])("%j is not supported", (name) => {
    expect(formatFromFileName(name)).toBeNull();
  });

  it("lists the accepted extensions for a file picker", () => {
    expect(ARTICLE_FILE_EXTENSIONS).toEqual([".txt", ".md", ".markdown", ".html", ".htm", ".docx"]);
  });
});
