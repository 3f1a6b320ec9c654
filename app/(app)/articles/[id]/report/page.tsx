import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Problem } from "@/lib/errors";
import { ReportToolbar } from "@/components/report/ReportToolbar";
import { ReportView } from "@/components/report/ReportView";
import { buildArticleReport, editorsWithClaims } from "@/lib/server/reports";
import { publicOrigin } from "@/lib/server/request";
import { requireUser } from "@/lib/server/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ editor?: string }> };

export const metadata: Metadata = { title: "Verification report" };

export default async function ReportPage({ params, searchParams }: Props) {
  const { id } = await params;
  const editor = (await searchParams).editor || undefined;
  const user = await requireUser(`/articles/${id}/report`);
  const origin = publicOrigin(`http://${(await headers()).get("host") ?? "localhost"}`);
  const [report, editors] = await Promise.all([
    buildArticleReport(id, editor, user, origin).catch(notFoundToPage),
    editorsWithClaims(id),
  ]);
  return (
    <>
      <ReportToolbar articleId={id} editor={editor} editors={editors} currentUserId={user.id} />
      <ReportView report={report} />
    </>
  );
}

function notFoundToPage(error: unknown): never {
  if (error instanceof Problem && error.kind === "not_found") notFound();
  throw error;
}
