import "server-only";
import { Problem } from "@/lib/errors";
import { isRecordId } from "@/lib/ids";
import { buildReport } from "@/lib/report/model";
import type { Report, ReportScope } from "@/lib/report/types";
import { buildUnchecked } from "@/lib/report/unchecked";
import { getArticle } from "./articles";
import { listClaims } from "./claim-details";
import { db } from "./db";
import { serverConfig } from "./env";
import type { SessionUser } from "./session";
import { uncheckedSentences } from "./suggestions";

/** Whose claims a report covers: everyone's, the signed-in editor's ("me"), or one editor's id. */
export type EditorScope = "me" | (string & {}) | undefined;

/** `unchecked`: add "Check-worthy sentences not checked" (decision 0023). */
export async function buildArticleReport(
  articleId: string,
  editor: EditorScope,
  user: SessionUser,
  baseUrl: string,
  options: { unchecked?: boolean } = {},
): Promise<Report> {
  const article = await getArticle(articleId);
  const scope = await resolveScope(editor, user);
  const claims = await listClaims(articleId, scope.authorId ? { user: scope.authorId } : {}, user, { history: true });
  const report = buildReport({
    article,
    claims,
    scope: scope.scope,
    generatedAt: new Date(),
    baseUrl,
    organization: serverConfig().organization,
  });
  if (!options.unchecked) return report;
  return { ...report, unchecked: buildUnchecked(await uncheckedSentences(articleId)) };
}

async function resolveScope(
  editor: EditorScope,
  user: SessionUser,
): Promise<{ scope: ReportScope; authorId?: string }> {
  if (!editor) return { scope: { kind: "everyone" } };
  if (editor === "me" || editor === user.id)
    return { scope: { kind: "mine", editorName: user.name }, authorId: user.id };
  const other = isRecordId(editor)
    ? await db.user.findUnique({ where: { id: editor }, select: { id: true, name: true } })
    : null;
  if (!other) throw new Problem("not_found", "There is no editor with this id: choose the report's scope again.");
  return { scope: { kind: "editor", editorName: other.name }, authorId: other.id };
}

/** The editors who have claims on an article, for the report's scope picker. */
export async function editorsWithClaims(articleId: string): Promise<Array<{ id: string; name: string }>> {
  return db.user.findMany({
    where: { claims: { some: { articleId, deletedAt: null } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
