import { UNCONFIRMED_EXPLANATION, claimReviewOmission, describeReview } from "@/lib/report/model";
import type { Report, ReportClaim } from "@/lib/report/types";
import { formatDate, formatDateTime } from "@/lib/format";
import { UNCHECKED_TITLE } from "@/lib/report/unchecked";

/** The verification report as a page: the same Report object every export renders. */
export function ReportView({ report }: { report: Report }) {
  const { article, summary } = report;
  const byline = [article.outlet, article.author && `by ${article.author}`, formatDate(article.publishedAt)].filter(
    Boolean,
  );
  return (
    <article className="report" aria-labelledby="report-title">
      <header>
        <p className="report-kicker">Verification report · {report.scope.label}</p>
        <h1 id="report-title">{article.title}</h1>
        <p className="article-meta">
          {byline.join(" · ")}
          {article.url && (
            <>
              {byline.length > 0 && " · "}
              <SafeLink href={article.url}>{article.url}</SafeLink>
            </>
          )}
        </p>
        <p className="muted">
          {article.revision > 1 && <>Covers revision {article.revision} of the article · </>}
          Prepared by {report.organization} · generated{" "}
          <time dateTime={report.generatedAt}>{formatDateTime(report.generatedAt)}</time>
        </p>
      </header>

      <section aria-labelledby="summary-heading" className="report-summary">
        <h2 id="summary-heading">Summary</h2>
        <dl>
          <dt>Claims</dt>
          <dd>{summary.totalClaims}</dd>
          <dt>Verified</dt>
          <dd>
            {summary.verifiedClaims}
            {summary.verifiedShare !== null && ` (${Math.round(summary.verifiedShare * 100)} %)`}
          </dd>
          <dt>Signed off</dt>
          <dd>
            {summary.signedOffClaims} of {summary.ratedClaims} rated ({summary.awaitingReviewClaims} awaiting review,{" "}
            {summary.returnedClaims} returned)
          </dd>
          <dt>Needs confirmation</dt>
          <dd>{summary.unconfirmedClaims}</dd>
          <dt>Could not be placed</dt>
          <dd>{summary.orphanedClaims}</dd>
          <dt>Sources cited</dt>
          <dd>{summary.sourcesCited}</dd>
          <dt>Editors</dt>
          <dd>{summary.editors.map((editor) => editor.name).join(", ") || "—"}</dd>
          <dt>Last change</dt>
          <dd>
            {summary.lastChange ? (
              <>
                {summary.lastChange.by} {summary.lastChange.description},{" "}
                <time dateTime={summary.lastChange.at}>{formatDateTime(summary.lastChange.at)}</time>
              </>
            ) : (
              "—"
            )}
          </dd>
        </dl>
        <table className="report-statuses">
          <caption>Claims by status</caption>
          <tbody>
            {summary.byStatus.map((row) => (
              <tr key={row.status}>
                <th scope="row">
                  <span className={`status-badge status-${row.status.toLowerCase()}`}>{row.label}</span>
                </th>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {claimReviewOmission(summary) && <p className="muted">{claimReviewOmission(summary)}</p>}

      {report.emptyMessage && <p className="report-empty">{report.emptyMessage}</p>}

      {report.claims.length > 0 && (
        <section aria-labelledby="claims-heading">
          <h2 id="claims-heading">Claims in reading order</h2>
          <ol className="report-claims">
            {report.claims.map((claim) => (
              <ReportClaimItem key={claim.id} claim={claim} />
            ))}
          </ol>
        </section>
      )}

      {report.unconfirmed.length > 0 && (
        <section aria-labelledby="unconfirmed-heading">
          <h2 id="unconfirmed-heading">Needs confirmation</h2>
          <p className="muted">{UNCONFIRMED_EXPLANATION}</p>
          <ol className="report-claims">
            {report.unconfirmed.map((claim) => (
              <ReportClaimItem key={claim.id} claim={claim} />
            ))}
          </ol>
        </section>
      )}

      {report.orphaned.length > 0 && (
        <section aria-labelledby="orphans-heading">
          <h2 id="orphans-heading">Could not be placed</h2>
          <p className="muted">
            The article text changed and these passages were no longer found. They are listed as they were marked.
          </p>
          <ol className="report-claims">
            {report.orphaned.map((claim) => (
              <ReportClaimItem key={claim.id} claim={claim} />
            ))}
          </ol>
        </section>
      )}

      {report.unchecked && (
        <section aria-labelledby="unchecked-heading">
          <h2 id="unchecked-heading">{UNCHECKED_TITLE}</h2>
          <p className="muted">{report.unchecked.explanation}</p>
          {report.unchecked.sentences.length > 0 && (
            <ol className="report-unchecked">
              {report.unchecked.sentences.map((sentence) => (
                <li key={sentence.number}>
                  <span className={`strength-badge strength-${sentence.strength}`}>{sentence.strengthLabel}</span>{" "}
                  {sentence.text}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </article>
  );
}

function ReportClaimItem({ claim }: { claim: ReportClaim }) {
  return (
    <li className="report-claim" id={`claim-${claim.id}`}>
      <h3>
        Claim {claim.number}{" "}
        <span className={`status-badge status-${claim.status.toLowerCase()}`}>{claim.statusLabel}</span>
      </h3>
      <blockquote className="report-passage">
        <span className="muted">{claim.context.before}</span>
        <mark>{claim.passage}</mark>
        <span className="muted">{claim.context.after}</span>
      </blockquote>
      {claim.placement.status === "orphaned" && (
        <p className="muted">Not found in the current text: {claim.placement.reason}</p>
      )}
      {claim.placement.status === "needs_confirmation" && (
        <p className="muted">
          The text changed in revision {claim.placement.revision}; not confirmed yet. The article now reads: “
          {claim.placement.currentText}”
        </p>
      )}
      <p>
        <strong>Verdict:</strong> {claim.statusLabel} — {claim.statusDescription}
        {claim.rating && ` (rating ${claim.rating.value} of ${claim.rating.best}, “${claim.rating.alternateName}”)`}
      </p>
      <p className={`report-review review-${claim.review.state.replace("_", "-")}`}>
        <strong>Review:</strong> {describeReview(claim.review)}
      </p>
      {claim.note && <p className="report-note">{claim.note}</p>}
      {claim.disagreements.map((other) => (
        <p key={other.claimId} role="note" className="claim-disagreement">
          Disagreement: {other.editor} rated this passage {other.statusLabel} (claim {other.number}).
        </p>
      ))}
      {claim.sources.length > 0 ? (
        <>
          <h4>Sources</h4>
          <ul className="report-sources">
            {claim.sources.map((source) => (
              <li key={source.id}>
                <SafeLink href={source.url}>{source.title}</SafeLink>
                {source.publisher && <> · {source.publisher}</>}
                <span className="muted">
                  {" "}
                  · added by {source.addedBy.name}, {formatDateTime(source.addedAt)}
                </span>
                <div className="muted report-url">{source.url}</div>
                {source.excerpt && <blockquote>{source.excerpt}</blockquote>}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">No sources attached.</p>
      )}
      <p className="muted">
        Marked by {claim.editor.name} · last change: {claim.lastChange.by} {claim.lastChange.description},{" "}
        <time dateTime={claim.lastChange.at}>{formatDateTime(claim.lastChange.at)}</time>
      </p>
    </li>
  );
}

function SafeLink({ href, children }: { href: string; children: React.ReactNode }) {
  return /^https?:\/\//i.test(href) ? (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  ) : (
    <>{children}</>
  );
}
