import Link from "next/link";
import { REPORT_FORMATS, REPORT_FORMAT_INFO } from "@/lib/report/formats";
import { PrintButton } from "./PrintButton";

interface Props {
  articleId: string;
  /** "me", an editor's id, or undefined for everyone. */
  editor: string | undefined;
  editors: Array<{ id: string; name: string }>;
  currentUserId: string;
}

/** Scope and export controls; not printed. Plain links, so they work without JavaScript. */
export function ReportToolbar({ articleId, editor, editors, currentUserId }: Props) {
  const page = (scope?: string) => `/articles/${articleId}/report${scope ? `?editor=${encodeURIComponent(scope)}` : ""}`;
  const download = (format: string) =>
    `/api/articles/${articleId}/report?format=${format}${editor ? `&editor=${encodeURIComponent(editor)}` : ""}`;
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
