import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound } from "next/navigation";
import { Problem } from "@/lib/errors";
import { canEditArticle } from "@/lib/articles/revisions";
import { formatDate } from "@/lib/format";
import { canOverrideClaims } from "@/lib/users/admin";
import { roleOf } from "@/lib/users/roles";
import { RevisionList } from "@/components/articles/RevisionList";
import { RevisionReader } from "@/components/articles/RevisionReader";
import { ArticleWorkspace } from "@/components/workspace/ArticleWorkspace";
import { getArticle, type ArticleDetail } from "@/lib/server/articles";
import { activePeople } from "@/lib/server/admin-users";
import { listClaimSummaries } from "@/lib/server/claim-feed";
import { getPreferences } from "@/lib/server/preferences";
import { listRevisions, readOldRevision } from "@/lib/server/revisions";
import { requireUser } from "@/lib/server/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Metadata and page share one query per request.
const load = cache(async (id: string): Promise<ArticleDetail> => {
  try {
    return await getArticle(id);
  } catch (error) {
    if (error instanceof Problem && error.kind === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load((await params).id)).title };
}

const numberParam = (value: string | string[] | undefined) =>
  typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : null;

export default async function ArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const user = await requireUser(`/articles/${id}`);
  const article = await load(id);
  const editable = canEditArticle({ id: user.id, role: roleOf(user.role) }, article);
  const revisions = await listRevisions(id);
  const asked = numberParam(query.revision);
  const older = asked !== null && asked !== article.revision ? asked : null;
  const saved = numberParam(query.saved);
  const byline = [article.outlet, article.author && `by ${article.author}`, formatDate(article.publishedAt)].filter(Boolean);
  const base = `/articles/${encodeURIComponent(article.id)}`;
  return (
    <>
      <div className="page-head">
        <h1>{article.title}</h1>
        <div className="page-actions">
          {editable && (
            <Link href={`${base}/edit`} className="button">
              Edit article
            </Link>
          )}
          <Link href={`${base}/report`} className="button">
            Verification report
          </Link>
        </div>
      </div>
      <p className="article-meta">
        {byline.join(" · ")}
        {article.url && (
          <>
            {" · "}
            <a href={article.url} target="_blank" rel="noopener noreferrer nofollow">
              Original
            </a>
          </>
        )}
        {" · "}
        Revision {article.revision}
      </p>
      {saved !== null && saved === article.revision && (
        <p className="notice" role="status">
          Revision {saved} saved. Claims whose passage changed are marked “The text changed here”; those that could not
          be placed are listed under “Could not be placed”.
        </p>
      )}
      <RevisionList articleId={article.id} revisions={revisions} viewing={older ?? article.revision} />
      {older !== null ? (
        <OlderRevision articleId={article.id} number={older} current={article.revision} user={user} />
      ) : (
        <CurrentRevision
          article={article}
          user={user}
          editable={editable}
          claimId={typeof query.claim === "string" ? query.claim : null}
        />
      )}
    </>
  );
}

async function CurrentRevision(props: {
  article: ArticleDetail;
  user: { id: string; name: string; email: string; role: "EDITOR" | "ADMIN" };
  editable: boolean;
  /** `?claim=ID` (an inbox link): the claim to open. */
  claimId: string | null;
}) {
  const { article, user } = props;
  // Summaries only (decision 0007): a card loads its note, sources and history when opened.
  const [{ claims, people, cursor }, adminPeople, preferences] = await Promise.all([
    listClaimSummaries(article.id, {}, user),
    // Admins may reassign anyone's claim: to whom, from the active accounts (ids and names only).
    canOverrideClaims(user.role) ? activePeople(user) : null,
    getPreferences(user.id),
  ]);
  return (
    <ArticleWorkspace
      article={{ id: article.id, doc: article.doc, text: article.text, revision: article.revision }}
      canEditArticle={props.editable}
      initialClaims={{ claims, people, cursor }}
      currentUser={{ id: user.id, name: user.name }}
      adminPeople={adminPeople}
      initialClaimId={props.claimId}
      suggestClaims={preferences.suggestClaims}
    />
  );
}

async function OlderRevision(props: {
  articleId: string;
  number: number;
  current: number;
  user: { id: string; name: string; email: string; role: "EDITOR" | "ADMIN" };
}) {
  const old = await readOldRevision(props.articleId, props.number, props.user).catch((error: unknown) => {
    if (error instanceof Problem && error.kind === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <p className="notice notice-old" role="status">
        You are reading revision {props.number} of {props.current}, read-only, with its claims as they were placed then.{" "}
        <Link href={`/articles/${encodeURIComponent(props.articleId)}`}>Back to the current revision</Link>
      </p>
      <RevisionReader doc={old.revision.doc} text={old.revision.text} claims={old.claims} currentUserId={props.user.id} />
    </>
  );
}
