import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/api";
import { getArticle } from "@/lib/server/articles";

export const GET = apiRoute<{ id: string }>(async ({ params }) => NextResponse.json(await getArticle(params.id)));
