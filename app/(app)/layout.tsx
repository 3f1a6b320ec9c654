import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { InboxLink } from "@/components/inbox/InboxLink";
import { openInboxCount } from "@/lib/server/inbox";
import { getCurrentUser } from "@/lib/server/session";
import { canManageAccounts } from "@/lib/users/admin";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const inbox = await openInboxCount(user.id);
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="site-header">
        <Link href="/articles" className="brand">
          Factline
        </Link>
        <nav aria-label="Main">
          <Link href="/articles">Articles</Link>
          <Link href="/articles/new">Add article</Link>
          <InboxLink initialCount={inbox} />
          {canManageAccounts(user.role) && <Link href="/admin/users">Admin</Link>}
        </nav>
        <form action="/search" method="get" role="search" aria-label="Search Factline" className="header-search">
          <label htmlFor="header-search-q">Search</label>
          <input
            id="header-search-q"
            name="q"
            type="search"
            placeholder="Articles, claims, sources"
            autoComplete="off"
          />
        </form>
        <span className="who">
          <Link href="/profile" title="Your profile and sessions">
            {user.name}
          </Link>{" "}
          · {user.role === "ADMIN" ? "Admin" : "Editor"}
        </span>
        <SignOutButton />
      </header>
      <main id="content">{children}</main>
    </>
  );
}
