import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/api";
import { getClaimHistory } from "@/lib/server/claims";

type Params = { id: string };

/** A claim's history, oldest first; the card loads it when its History is opened. */
export const GET = apiRoute<Params>(async ({ params }) =>
  NextResponse.json(
    { history: await getClaimHistory(params.id) },
    { headers: { "Cache-Control": "private, no-cache" } },
  ),
);
