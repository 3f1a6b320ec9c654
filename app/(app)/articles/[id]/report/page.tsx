import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Problem } from "@/lib/errors";
import { ReportToolbar } from "@/components/report/ReportToolbar";
import { ReportView } from "@/components/report/ReportView";
import { buildArticleReport, editorsWithClaims } from "@/lib/server/reports";
import { publicOrigin } from "@/lib/server/request";
import { requireUser } from "@/lib/server/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ editor?: string; unchecked?: string }> };

export const metadata: Metadata = { title: "Verification report" };

export default async function ReportPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const editor = query.editor || undefined;
  // "Check-worthy sentences not checked" (off by default); anything but 1 leaves it out.
  const unchecked = query.unchecked === "1";
  const user = await requireUser(`/articles/${id}/report`);
  const origin = publicOrigin(`http://${(await headers()).get("host") ?? "localhost"}`);
  const [report, editors] = await Promise.all([
    buildArticleReport(id, editor, user, origin, { unchecked }).catch(notFoundToPage),
    editorsWithClaims(id),
  ]);
  return (
    <>
      <ReportToolbar articleId={id} editor={editor} editors={editors} currentUserId={user.id} unchecked={unchecked} />
      <ReportView report={report} />
    </>
  );
}

function notFoundToPage(error: unknown): never {
  if (error instanceof Problem && error.kind === "not_found") notFound();
  throw error;
}
