import { formatDate, formatDateTime, plural } from "@/lib/format";
import { blockQuote, escapeInline, escapeLine, link, strong } from "./markdown";
import { UNCONFIRMED_EXPLANATION, claimReviewOmission, describeReview } from "./model";
import type { Report, ReportClaim, ReportSource } from "./types";
import { isHttpUrl, linesOf, oneLine, percent } from "./text";
import { UNCHECKED_TITLE, type ReportUnchecked } from "./unchecked";

/** The report as Markdown (CommonMark + GFM tables): readable raw and rendered. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [...header(report)];
  if (report.emptyMessage) {
    out.push("## Claims", "", report.emptyMessage, "");
    if (report.unchecked) out.push(...uncheckedBlock(report.unchecked));
    return out.join("\n");
  }
  out.push(...summary(report));
  if (report.claims.length) {
    out.push("## Claims", "");
    for (const claim of report.claims) out.push(...claimBlock(claim));
  }
  if (report.unconfirmed.length) {
    out.push("## Needs confirmation", "", UNCONFIRMED_EXPLANATION, "");
    for (const claim of report.unconfirmed) out.push(...claimBlock(claim));
  }
  if (report.orphaned.length) {
    out.push(
      "## Orphaned claims",
      "",
      "These passages are no longer in the article’s text (it was edited after they were marked). They are shown as they were quoted.",
      "",
    );
    for (const claim of report.orphaned) out.push(...claimBlock(claim));
  }
  if (report.unchecked) out.push(...uncheckedBlock(report.unchecked));
  return out.join("\n");
}

function uncheckedBlock(unchecked: ReportUnchecked): string[] {
  return [
    `## ${UNCHECKED_TITLE}`,
    "",
    escapeInline(unchecked.explanation),
    "",
    ...unchecked.sentences.map(
      (sentence) => `${sentence.number}. **${sentence.strengthLabel}** — ${escapeInline(oneLine(sentence.text))}`,
    ),
    ...(unchecked.sentences.length ? [""] : []),
  ];
}

function header(report: Report): string[] {
  const { article } = report;
  const facts: [string, string | null][] = [
    ["Outlet", article.outlet && escapeInline(oneLine(article.outlet))],
    ["Author", article.author && escapeInline(oneLine(article.author))],
    ["Published", article.publishedAt && formatDate(article.publishedAt)],
    ["Article", article.url && link(article.url, article.url)],
    ["In Factline", link(article.link, article.link)],
    ["Revision", article.revision > 1 ? `${article.revision} (the text this report covers)` : null],
    ["Scope", escapeInline(report.scope.label)],
    ["Prepared by", escapeInline(oneLine(report.organization))],
    ["Generated", formatDateTime(report.generatedAt)],
  ];
  return [
    `# Verification report: ${escapeInline(oneLine(article.title))}`,
    "",
    ...facts.filter((fact): fact is [string, string] => !!fact[1]).map(([label, value]) => `- **${label}:** ${value}`),
    "",
  ];
}

function summary(report: Report): string[] {
  const s = report.summary;
  const last = s.lastChange;
  return [
    "## Summary",
    "",
    "| Status | Claims |",
    "| --- | ---: |",
    ...s.byStatus.map((row) => `| ${row.label} | ${row.count} |`),
    `| **Total** | **${s.totalClaims}** |`,
    "",
    `- **Verified:** ${s.verifiedShare === null ? "–" : percent(s.verifiedShare)} (${s.verifiedClaims} of ${plural(s.totalClaims, "claim")})`,
    `- **Rated:** ${s.ratedClaims} of ${plural(s.totalClaims, "claim")}`,
    `- **Signed off:** ${s.signedOffClaims} of ${s.ratedClaims} rated (${s.awaitingReviewClaims} awaiting review, ${s.returnedClaims} returned)`,
    `- **Orphaned:** ${plural(s.orphanedClaims, "claim")}${s.orphanedClaims ? " (listed under “Orphaned claims”)" : ""}`,
    ...(s.unconfirmedClaims
      ? [`- **Needs confirmation:** ${plural(s.unconfirmedClaims, "claim")} (listed under “Needs confirmation”)`]
      : []),
    `- **Editors:** ${s.editors.map((editor) => escapeInline(oneLine(editor.name))).join(", ")}`,
    `- **Sources cited:** ${s.sourcesCited}${s.citations !== s.sourcesCited ? ` (${plural(s.citations, "citation")})` : ""}`,
    ...(last ? [`- **Last changed:** ${formatDateTime(last.at)} by ${escapeInline(oneLine(last.by))}`] : []),
    "",
    ...(claimReviewOmission(s) ? [escapeInline(claimReviewOmission(s) ?? ""), ""] : []),
  ];
}

function claimBlock(claim: ReportClaim): string[] {
  const facts: [string, string][] = [
    ["Status", `${claim.statusLabel} — ${claim.statusDescription}`],
    [
      "Verdict",
      claim.rating
        ? `${claim.rating.alternateName} (${claim.rating.value} on a scale of ${claim.rating.worst} to ${claim.rating.best})`
        : "Not rated yet",
    ],
    ["Review", escapeInline(oneLine(describeReview(claim.review)))],
    ["Editor", escapeInline(oneLine(claim.editor.name))],
    ["Marked", formatDateTime(claim.createdAt)],
    [
      "Last change",
      `${formatDateTime(claim.lastChange.at)} — ${escapeInline(oneLine(`${claim.lastChange.by} ${claim.lastChange.description}`))}`,
    ],
  ];
  if (claim.placement.status === "orphaned")
    facts.push(["Why orphaned", escapeInline(oneLine(claim.placement.reason))]);
  if (claim.placement.status === "needs_confirmation") {
    facts.push(["Placement", `The text changed in revision ${claim.placement.revision}; not confirmed yet`]);
    facts.push(["The article now reads", escapeInline(oneLine(claim.placement.currentText))]);
  }
  if (claim.placement.status === "anchored" && claim.placement.currentText !== null) {
    facts.push(["The article now reads", escapeInline(oneLine(claim.placement.currentText))]);
  }
  for (const other of claim.disagreements) {
    facts.push([
      "Disagrees with",
      `claim ${other.number} (${other.statusLabel}, ${escapeInline(oneLine(other.editor))})`,
    ]);
  }
  facts.push(["Link", link("Open in Factline", claim.link)]);

  const out = [
    `### ${claim.number}. ${claim.statusLabel}`,
    "",
    passageQuote(claim),
    "",
    ...facts.map(([label, value]) => `- **${label}:** ${value}`),
    "",
  ];
  if (claim.note.trim()) out.push("**Note**", "", blockQuote(claim.note), "");
  if (claim.sources.length) {
    out.push(`**Sources (${claim.sources.length})**`, "");
    claim.sources.forEach((source, index) => out.push(...sourceItem(source, index + 1)));
    out.push("");
  }
  return out;
}

/**
 * The passage in bold inside its context, as a block quote. A passage spanning paragraphs keeps
 * its line breaks; each line is bolded on its own, since emphasis cannot cross them reliably.
 */
function passageQuote(claim: ReportClaim): string {
  const nonBlank = linesOf(claim.passage).filter((line) => line.trim() !== "");
  const lines = nonBlank.length ? nonBlank : [""];
  const before = escapeLine(claim.context.before);
  const after = escapeInline(claim.context.after);
  return lines
    .map((line, index) =>
      strong(index === 0 ? before : "", escapeInline(line), index === lines.length - 1 ? after : ""),
    )
    .map((line, index, all) => `> ${line}${index < all.length - 1 ? "\\" : ""}`)
    .join("\n");
}

function sourceItem(source: ReportSource, number: number): string[] {
  const details = [
    source.publisher && escapeInline(oneLine(source.publisher)),
    `added ${formatDateTime(source.addedAt)} by ${escapeInline(oneLine(source.addedBy.name))}`,
  ].filter(Boolean);
  const title = isHttpUrl(source.url)
    ? link(oneLine(source.title), source.url)
    : `${escapeInline(oneLine(source.title))} (${escapeInline(oneLine(source.url))}, not a web link)`;
  const out = [`${number}. ${title} — ${details.join(", ")}`];
  if (source.excerpt?.trim()) out.push(blockQuote(source.excerpt, "   "));
  return out;
}
