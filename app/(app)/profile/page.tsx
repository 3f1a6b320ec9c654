import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/profile/ChangePasswordForm";
import { SignOutEverywhere } from "@/components/profile/SignOutEverywhere";
import { formatDateTime } from "@/lib/format";
import { describeUserAgent } from "@/lib/users/user-agent";
import { getCurrentSession } from "@/lib/server/session";
import { sessionsOf } from "@/lib/server/user-sessions";
import { profileOf } from "@/lib/server/users";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  const current = await getCurrentSession();
  if (!current) redirect(`/login?callbackUrl=${encodeURIComponent("/profile")}`);
  const [profile, sessions] = await Promise.all([profileOf(current.user.id), sessionsOf(current.user.id)]);
  return (
    <div className="profile">
      <h1>Your profile</h1>
      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">Account</h2>
        <dl>
          <dt>Name</dt>
          <dd>{profile.name}</dd>
          <dt>Email</dt>
          <dd>{profile.email}</dd>
          <dt>Role</dt>
          <dd>{profile.role === "ADMIN" ? "Admin" : "Editor"}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Signed-in sessions</h2>
        <table className="sessions">
          <thead>
            <tr>
              <th scope="col">Browser</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last active</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <td>
                  {describeUserAgent(session.userAgent)}
                  {session.id === current.sessionId && <span className="tag">This device</span>}
                </td>
                <td>{formatDateTime(session.createdAt)}</td>
                <td>{formatDateTime(session.lastSeenAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">Signing out everywhere ends every session above, this one too.</p>
        <SignOutEverywhere />
      </section>

      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
