import { Problem } from "@/lib/errors";
import { REPORT_FORMATS, REPORT_FORMAT_INFO, contentDisposition, isReportFormat, renderReport, reportFileName } from "@/lib/report/formats";
import { UNCHECKED_FORMATS, supportsUnchecked } from "@/lib/report/unchecked";
import { uncheckedParamSchema } from "@/lib/claim-suggestions/schemas";
import { apiRoute, routeMethods } from "@/lib/server/api";
import { buildArticleReport } from "@/lib/server/reports";
import { publicOrigin } from "@/lib/server/request";

const onGet = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const query = new URL(req.url).searchParams;
  const format = query.get("format") ?? "";
  if (!isReportFormat(format)) {
    throw new Problem("malformed", `Unknown report format "${format}". Choose one of: ${REPORT_FORMATS.join(", ")}.`);
  }
  const unchecked = uncheckedParamSchema.parse(query.get("unchecked") ?? undefined);
  if (unchecked && !supportsUnchecked(format)) {
    throw new Problem(
      "invalid",
      `The ${REPORT_FORMAT_INFO[format].label} export has no place for sentences without a claim: unchecked=1 works with ${UNCHECKED_FORMATS.join(", ")}.`,
    );
  }
  const report = await buildArticleReport(params.id, query.get("editor") || undefined, user, publicOrigin(req), { unchecked });
  const body = await renderReport(format, report);
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": REPORT_FORMAT_INFO[format].contentType,
      "Content-Disposition": contentDisposition(reportFileName(report.article.title, new Date(report.generatedAt), format)),
      "Cache-Control": "no-store",
    },
  });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: onGet });
