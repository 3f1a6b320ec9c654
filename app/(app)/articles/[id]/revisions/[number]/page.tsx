import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Problem } from "@/lib/errors";
import { formatDateTime, plural } from "@/lib/format";
import { statusLabel } from "@/lib/claims/statuses";
import { getArticleTitle } from "@/lib/server/articles";
import { compareWithPrevious } from "@/lib/server/revisions";
import { requireUser } from "@/lib/server/session";

type Props = { params: Promise<{ id: string; number: string }> };

export const metadata: Metadata = { title: "Compare revisions" };

/** Revision N beside N−1: added and removed text marked, and the claims the change touched. */
export default async function CompareRevisionPage({ params }: Props) {
  const { id, number } = await params;
  const user = await requireUser(`/articles/${id}/revisions/${number}`);
  const wanted = /^\d{1,9}$/.test(number) ? Number(number) : NaN;
  const [title, comparison] = await Promise.all([getArticleTitle(id), compareWithPrevious(id, wanted, user)]).catch(
    (error: unknown) => {
      if (error instanceof Problem && error.kind === "not_found") notFound();
      throw error;
    },
  );
  const base = `/articles/${encodeURIComponent(id)}`;
  const { after, before, changes, touched } = comparison;
  return (
    <>
      <div className="page-head">
        <h1>
          Revision {after.number} compared with revision {before.number}
        </h1>
        <Link href={base}>Back to the article</Link>
      </div>
      <p className="article-meta">
        {title} · saved {formatDateTime(after.createdAt)} by {after.createdBy.name}
        {after.note && <> · “{after.note}”</>} · {plural(after.charsAdded, "character")} added,{" "}
        {plural(after.charsRemoved, "character")} removed
      </p>
      <div className="article-layout">
        <div className="article-body revision-diff" aria-label="Changes between the two revisions">
          <p className="claims-legend">
            <ins>Added text</ins> · <del>Removed text</del>
          </p>
          <div className="revision-diff-text">
            {changes.map((change, i) =>
              change.kind === "added" ? (
                <ins key={i}>{change.text}</ins>
              ) : change.kind === "removed" ? (
                <del key={i}>{change.text}</del>
              ) : (
                <span key={i}>{change.text}</span>
              ),
            )}
          </div>
        </div>
        <section className="claims-panel card" aria-labelledby="touched-heading">
          <h2 id="touched-heading">Claims the change touched</h2>
          {touched.length === 0 ? (
            <p className="claims-empty">No claimed passage was changed.</p>
          ) : (
            <ol className="claim-list">
              {touched.map((claim) => (
                <li key={claim.id} className="claim-card">
                  <blockquote className="claim-quote">“{claim.passage}”</blockquote>
                  <p className="claim-byline">
                    {statusLabel(claim.status)} · by {claim.author}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}
