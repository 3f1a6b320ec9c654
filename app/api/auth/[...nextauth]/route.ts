import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth";
import { withSignInLimits } from "@/lib/server/sign-in-route";

const handler = NextAuth(authOptions);

export const GET = handler;
// Sign-in attempts are counted, and refused with 429 past the limit, before next-auth sees them.
export const POST = withSignInLimits(handler);
