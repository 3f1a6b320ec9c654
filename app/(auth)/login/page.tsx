import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { safeReturnPath } from "@/lib/users/return-path";
import { signedOutNotice } from "@/lib/users/notices";
import { getCurrentUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; notice?: string }>;
}) {
  const { callbackUrl, notice } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  const message = signedOutNotice(notice);
  return (
    <main className="login">
      <div className="card">
        <h1>Sign in to Factline</h1>
        {message && (
          <p className="form-notice" role="status">
            {message}
          </p>
        )}
        <LoginForm returnTo={returnTo} />
      </div>
    </main>
  );
}
