import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The DejaVu Sans family embedded in report PDFs: unlike the 14 standard PDF fonts (Latin-1
 * only), it covers Cyrillic, Greek, Latin Extended, Armenian, Georgian, Hebrew and Arabic, so
 * editors' notes and quotes render as typed. (No CJK or emoji: those show as empty boxes.)
 *
 * Decision: the files are read from `path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/…")`,
 * not located with `require.resolve("dejavu-fonts-ttf/package.json")`. In a Next.js server
 * bundle `require.resolve` is compiled by the bundler and yields a module id, not a file path;
 * `process.cwd()` is the project root under `next dev`, `next start`, `npm start` and Vitest
 * alike. The paths are literal at each call so that output file tracing can see them.
 */
export interface FontSet {
  regular: Buffer;
  bold: Buffer;
  oblique: Buffer;
}

export function fontDirectory(): string {
  return path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
}

let cached: Promise<FontSet> | undefined;

/** The three fonts, read once per process (about 1.7 MB) rather than once per report. */
export function loadFonts(): Promise<FontSet> {
  cached ??= readFonts().catch((error: unknown) => {
    cached = undefined; // retried on the next report rather than remembered as broken
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The report fonts could not be read from ${fontDirectory()} (is dejavu-fonts-ttf installed?): ${reason}`,
    );
  });
  return cached;
}

async function readFonts(): Promise<FontSet> {
  const [regular, bold, oblique] = await Promise.all([
    readFile(path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", "DejaVuSans.ttf")),
    readFile(path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", "DejaVuSans-Bold.ttf")),
    readFile(path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", "DejaVuSans-Oblique.ttf")),
  ]);
  return { regular, bold, oblique };
}
