import Link from "next/link";
import { REPORT_FORMATS, REPORT_FORMAT_INFO } from "@/lib/report/formats";
import { supportsUnchecked } from "@/lib/report/unchecked";
import { PrintButton } from "./PrintButton";

interface Props {
  articleId: string;
  /** "me", an editor's id, or undefined for everyone. */
  editor: string | undefined;
  editors: Array<{ id: string; name: string }>;
  currentUserId: string;
  /** Whether "Check-worthy sentences not checked" is included (`?unchecked=1`). */
  unchecked: boolean;
}

/** Scope and export controls; not printed. Plain links, so they work without JavaScript. */
export function ReportToolbar({ articleId, editor, editors, currentUserId, unchecked }: Props) {
  const page = (scope: string | undefined, withUnchecked = unchecked) => {
    const query = new URLSearchParams();
    if (scope) query.set("editor", scope);
    if (withUnchecked) query.set("unchecked", "1");
    const search = query.toString();
    return `/articles/${articleId}/report${search ? `?${search}` : ""}`;
  };
  const download = (format: (typeof REPORT_FORMATS)[number]) =>
    `/api/articles/${articleId}/report?format=${format}${editor ? `&editor=${encodeURIComponent(editor)}` : ""}${
      unchecked && supportsUnchecked(format) ? "&unchecked=1" : ""
    }`;
  const scopes = [
    { key: undefined, label: "Everyone" },
    { key: "me", label: "Mine" },
    ...editors.filter((e) => e.id !== currentUserId).map((e) => ({ key: e.id, label: e.name })),
  ];
  return (
    <div className="report-toolbar no-print">
      <Link href={`/articles/${articleId}`}>← Back to the article</Link>
      <nav aria-label="Report scope" className="report-scope">
        <span>Claims by:</span>
        {scopes.map((scope) => (
          <Link key={scope.label} href={page(scope.key)} aria-current={scope.key === editor ? "page" : undefined}>
            {scope.label}
          </Link>
        ))}
      </nav>
      <Link href={page(editor, !unchecked)} className="report-option">
        {unchecked ? "Leave out check-worthy sentences not checked" : "Include check-worthy sentences not checked"}
      </Link>
      <details className="report-export">
        <summary>Export report</summary>
        <ul>
          {REPORT_FORMATS.map((format) => (
            <li key={format}>
              <a href={download(format)} download>
                {REPORT_FORMAT_INFO[format].label}
              </a>
            </li>
          ))}
        </ul>
      </details>
      <PrintButton />
    </div>
  );
}
