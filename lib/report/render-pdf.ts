import PDFDocument from "pdfkit";
import type { ClaimStatus } from "@/lib/claims/statuses";
import { formatDate, plural } from "@/lib/format";
import { UNCONFIRMED_EXPLANATION, claimReviewOmission, describeReview } from "./model";
import type { Report, ReportClaim, ReportSource } from "./types";
import { fastFont } from "./pdf-fast-text";
import { PdfFlow, type ParagraphStyle, type Run } from "./pdf-flow";
import { loadFonts } from "./pdf-fonts";
import { isHttpUrl, oneLine, percent, reportDateTime } from "./text";
import { UNCHECKED_TITLE, type ReportUnchecked } from "./unchecked";

/**
 * The report as a PDF: real (searchable, copyable) text in embedded DejaVu Sans, links
 * clickable, a bookmark per section and claim, the title and page number in the footer.
 *
 * Speed matters (1,000 claims well under a second, see testing/bench-input.ts): text is laid out by
 * PdfFlow and written by pdf-fast-text.ts rather than pdfkit's wrapper and shaper, page breaks
 * are decided line by line (never by measuring blocks with heightOfString), and fonts are
 * switched by registered name, which pdfkit caches.
 */

const FONT = { regular: "Sans", bold: "Sans-Bold", oblique: "Sans-Oblique" } as const;
const COLOR = { text: "#1a1a1a", muted: "#5c5c5c", link: "#1a4fb4", rule: "#c8c8c8" } as const;
const STATUS_COLOR: Record<ClaimStatus, string> = {
  UNVERIFIED: "#5c5c5c",
  VERIFIED: "#1b7a3d",
  MOSTLY_TRUE: "#2f7a6b",
  UNPROVEN: "#6b5b95",
  MISLEADING: "#b35c00",
  FALSE: "#b3261e",
};
const MARGIN = 56;
/** Space a heading needs below it; with less left on the page it starts the next one. */
const KEEP_WITH_NEXT = 90;

export async function renderPdf(report: Report): Promise<Buffer> {
  const fonts = await loadFonts();
  const generatedAt = new Date(report.generatedAt);
  const title = oneLine(report.article.title);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    // No default font. pdfkit's default, Helvetica, cannot show Cyrillic or Greek, and passing
    // the DejaVu buffer here defeats its font cache: a registered font equal to an already open
    // one is re-parsed on every doc.font() call (30 s instead of 1 s for 1,000 claims).
    // pdfkit skips the default when the option is null; its types only allow a string.
    font: null as unknown as string,
    lang: "en",
    displayTitle: true,
    info: {
      Title: `Verification report: ${title}`,
      Author: report.organization,
      Subject: `Claims checked in “${title}”`,
      Creator: "Factline",
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  doc.registerFont(FONT.oblique, fonts.oblique);
  for (const name of [FONT.bold, FONT.oblique, FONT.regular]) fastFont(doc.font(name));

  const done = collect(doc);
  new PdfWriter(doc, report).write();
  doc.end();
  return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

const run = (text: string, font: string = FONT.regular, color: string = COLOR.text): Run => ({
  text: pdfText(text),
  font,
  color,
});

/**
 * A link when the URL is http(s); otherwise the text with the address, unlinked. The target is
 * the URL in its ASCII form (non-Latin paths percent-encoded): PDF link targets are 7-bit.
 */
const linkRun = (text: string, url: string, font: string = FONT.regular): Run =>
  isHttpUrl(url)
    ? { ...run(text, font, COLOR.link), link: new URL(url).href }
    : run(`${text} (${url}, not a web link)`, font);

class PdfWriter {
  private readonly width: number;
  private readonly flow: PdfFlow;
  private readonly footerText: string;
  private pageNumber = 0;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly report: Report,
  ) {
    this.width = doc.page.width - MARGIN * 2;
    this.flow = new PdfFlow(doc, MARGIN, this.width);
    this.footerText = pdfText(`Verification report: ${truncate(oneLine(report.article.title), 70)} · page `);
    // Footers are drawn as each page starts, not at the end over buffered pages: pages then
    // leave memory as they are finished, which for a long report is faster too. The price is
    // "page n" without "of m".
    this.footer();
    doc.on("pageAdded", () => this.footer());
  }

  write(): void {
    const { report } = this;
    this.header();
    if (report.emptyMessage) {
      this.section("Claims");
      this.paragraph([run(report.emptyMessage)], { size: 11 });
    } else {
      this.summary();
      if (report.claims.length) {
        this.section("Claims");
        for (const claim of report.claims) this.claim(claim);
      }
      if (report.unconfirmed.length) {
        this.section("Needs confirmation");
        this.paragraph([run(UNCONFIRMED_EXPLANATION, FONT.regular, COLOR.muted)], { size: 9.5 });
        this.doc.moveDown(0.6);
        for (const claim of report.unconfirmed) this.claim(claim);
      }
      if (report.orphaned.length) {
        this.section("Orphaned claims");
        this.paragraph(
          [
            run(
              "These passages are no longer in the article’s text (it was edited after they were marked). They are shown as they were quoted.",
              FONT.regular,
              COLOR.muted,
            ),
          ],
          { size: 9.5 },
        );
        this.doc.moveDown(0.6);
        for (const claim of report.orphaned) this.claim(claim);
      }
    }
    if (report.unchecked) this.unchecked(report.unchecked);
  }

  private unchecked(unchecked: ReportUnchecked): void {
    this.section(UNCHECKED_TITLE);
    this.paragraph([run(unchecked.explanation, FONT.regular, COLOR.muted)], { size: 9.5 });
    this.doc.moveDown(0.4);
    for (const sentence of unchecked.sentences) {
      this.paragraph([run(`${sentence.number}. ${sentence.strengthLabel}: `, FONT.bold), run(oneLine(sentence.text))], {
        size: 10,
      });
      this.doc.moveDown(0.2);
    }
  }

  private header(): void {
    const { doc, report } = this;
    const { article } = report;
    doc.outline.addItem("Verification report");
    this.paragraph([run("VERIFICATION REPORT", FONT.bold, COLOR.muted)], { size: 10 });
    doc.moveDown(0.3);
    this.paragraph([run(oneLine(article.title), FONT.bold)], { size: 18 });
    doc.moveDown(0.5);
    this.fact("Outlet", article.outlet && oneLine(article.outlet));
    this.fact("Author", article.author && oneLine(article.author));
    this.fact("Published", article.publishedAt && formatDate(article.publishedAt));
    if (article.url)
      this.paragraph([run("Article: ", FONT.bold, COLOR.muted), linkRun(article.url, article.url)], { size: 10 });
    this.paragraph([run("In Factline: ", FONT.bold, COLOR.muted), linkRun(article.link, article.link)], { size: 10 });
    if (article.revision > 1) this.fact("Revision", `${article.revision} (the text this report covers)`);
    this.fact("Scope", report.scope.label);
    this.fact("Prepared by", oneLine(report.organization));
    this.fact("Generated", reportDateTime(report.generatedAt));
  }

  private summary(): void {
    const { doc } = this;
    const s = this.report.summary;
    this.section("Summary");
    const countRight = MARGIN + 150;
    if (doc.y > doc.page.height - MARGIN - 15 * (s.byStatus.length + 2)) doc.addPage();
    doc.fontSize(10);
    const rows = [
      ...s.byStatus.map((r) => ({ label: r.label, count: r.count, font: FONT.regular })),
      { label: "Total", count: s.totalClaims, font: FONT.bold },
    ];
    for (const row of rows) {
      const y = doc.y;
      doc.font(row.font).fillColor(COLOR.text);
      doc.text(row.label, MARGIN, y, { lineBreak: false });
      doc.text(String(row.count), MARGIN, y, { width: countRight - MARGIN, align: "right", lineBreak: false });
      doc.x = MARGIN;
      doc.y = y + doc.currentLineHeight(true) + 2;
    }
    doc.moveDown(0.6);
    this.fact(
      "Verified",
      `${s.verifiedShare === null ? "–" : percent(s.verifiedShare)} (${s.verifiedClaims} of ${plural(s.totalClaims, "claim")})`,
    );
    this.fact("Rated", `${s.ratedClaims} of ${plural(s.totalClaims, "claim")}`);
    this.fact(
      "Signed off",
      `${s.signedOffClaims} of ${s.ratedClaims} rated (${s.awaitingReviewClaims} awaiting review, ${s.returnedClaims} returned)`,
    );
    const omission = claimReviewOmission(s);
    if (omission) this.fact("ClaimReview export", omission);
    this.fact(
      "Orphaned",
      `${plural(s.orphanedClaims, "claim")}${s.orphanedClaims ? " (listed under “Orphaned claims”)" : ""}`,
    );
    if (s.unconfirmedClaims) {
      this.fact("Needs confirmation", `${plural(s.unconfirmedClaims, "claim")} (listed under “Needs confirmation”)`);
    }
    this.fact("Editors", s.editors.map((editor) => oneLine(editor.name)).join(", "));
    this.fact(
      "Sources cited",
      `${s.sourcesCited}${s.citations !== s.sourcesCited ? ` (${plural(s.citations, "citation")})` : ""}`,
    );
    if (s.lastChange) this.fact("Last changed", `${reportDateTime(s.lastChange.at)} by ${oneLine(s.lastChange.by)}`);
  }

  private claim(claim: ReportClaim): void {
    const { doc } = this;
    this.keepWithNext(0.4);
    const verdict = claim.rating
      ? `Verdict: ${claim.rating.alternateName} (${claim.rating.value} of ${claim.rating.best})`
      : "Not rated yet";
    doc.outline.addItem(`${claim.number}. ${claim.statusLabel}: ${truncate(oneLine(claim.passage), 60)}`);
    this.paragraph([run(`${claim.number}. ${claim.statusLabel} · ${verdict}`, FONT.bold, STATUS_COLOR[claim.status])], {
      size: 12,
    });
    doc.moveDown(0.3);

    // The passage in bold inside its context, indented like a quotation.
    this.paragraph(
      [run(claim.context.before), run(claim.passage, FONT.bold), run(claim.context.after)].filter((r) => r.text !== ""),
      { size: 10.5, indent: 14, lineGap: 1.5 },
    );
    doc.moveDown(0.4);

    const details = [
      `Status: ${claim.statusLabel} — ${claim.statusDescription}`,
      `Review: ${oneLine(describeReview(claim.review))}`,
      `Editor: ${oneLine(claim.editor.name)} · marked ${reportDateTime(claim.createdAt)}`,
      `Last change: ${reportDateTime(claim.lastChange.at)} — ${oneLine(claim.lastChange.by)} ${oneLine(claim.lastChange.description)}`,
    ];
    if (claim.placement.status === "orphaned") details.push(`Why orphaned: ${claim.placement.reason}`);
    if (claim.placement.status === "needs_confirmation") {
      details.push(`The text changed in revision ${claim.placement.revision}; not confirmed yet`);
      details.push(`The article now reads: ${oneLine(claim.placement.currentText)}`);
    }
    if (claim.placement.status === "anchored" && claim.placement.currentText !== null) {
      details.push(`The article now reads: ${oneLine(claim.placement.currentText)}`);
    }
    for (const other of claim.disagreements) {
      details.push(`Disagrees with claim ${other.number} (${other.statusLabel}, ${oneLine(other.editor)})`);
    }
    details.push("");
    this.paragraph([run(details.join("\n"), FONT.regular, COLOR.muted), linkRun("Open in Factline", claim.link)], {
      size: 9,
      lineGap: 1,
    });

    if (claim.note.trim()) {
      doc.moveDown(0.3);
      this.paragraph([run("Note\n", FONT.bold, COLOR.muted), run(claim.note.trim(), FONT.oblique)], {
        size: 10,
        lineGap: 1,
      });
    }
    if (claim.sources.length) {
      doc.moveDown(0.3);
      this.paragraph([run(`Sources (${claim.sources.length})`, FONT.bold, COLOR.muted)], { size: 9 });
      claim.sources.forEach((source, index) => this.source(source, index + 1));
    }
    doc.moveDown(0.5);
    const y = doc.y;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + this.width, y)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.moveDown(0.3);
  }

  /**
   * One source: its title links to it, and the address is printed below for paper. The address
   * is not linked a second time: link annotations are the costliest objects in a long report
   * (for 1,000 claims, 3,000 more would add about 0.1 s and 850 KB), and viewers recognise URLs.
   */
  private source(source: ReportSource, number: number): void {
    const details = [
      source.publisher && oneLine(source.publisher),
      `added ${reportDateTime(source.addedAt)} by ${oneLine(source.addedBy.name)}`,
    ]
      .filter(Boolean)
      .join(" · ");
    this.paragraph([run(`${number}. `, FONT.bold), linkRun(oneLine(source.title), source.url, FONT.bold)], {
      size: 10,
      indent: 14,
    });
    const lines = [run(`${details}\n${source.url}`, FONT.regular, COLOR.muted)];
    if (source.excerpt?.trim()) lines.push(run(`\n“${source.excerpt.trim()}”`, FONT.oblique));
    this.paragraph(lines, { size: 8.5, indent: 28 });
    this.doc.moveDown(0.2);
  }

  private fact(label: string, value: string | null): void {
    if (value) this.paragraph([run(`${label}: `, FONT.bold, COLOR.muted), run(value)], { size: 10 });
  }

  private paragraph(runs: Run[], style: ParagraphStyle): void {
    this.flow.paragraph(runs, style);
  }

  private section(title: string): void {
    this.keepWithNext(1);
    this.doc.outline.addItem(title);
    this.paragraph([run(title, FONT.bold)], { size: 14 });
    this.doc.moveDown(0.4);
  }

  /** Starts a new page when a heading would otherwise sit alone at the bottom of this one. */
  private keepWithNext(gap: number): void {
    const { doc } = this;
    if (doc.y > doc.page.height - MARGIN - KEEP_WITH_NEXT) doc.addPage();
    else doc.moveDown(gap);
  }

  private footer(): void {
    const { doc } = this;
    this.pageNumber += 1;
    // Writing inside the bottom margin would otherwise make pdfkit start yet another page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text(`${this.footerText}${this.pageNumber}`, MARGIN, doc.page.height - MARGIN / 2 - 4, {
        width: this.width,
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
    doc.x = MARGIN;
    doc.y = MARGIN;
  }
}

// Control characters other than line breaks would print as boxes; tabs become a space.
const CONTROL = /\r\n?|[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/g;

function pdfText(value: string): string {
  return value.replace(CONTROL, (char) => (char === "\t" ? " " : char[0] === "\r" ? "\n" : ""));
}

/** At most `max` characters (code points, so an emoji or rare letter is never cut in half). */
function truncate(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max
    ? value
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}
