import type { Metadata } from "next";
import { InboxList } from "@/components/inbox/InboxList";
import { readInbox } from "@/lib/server/inbox";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Inbox" };

/** What waits for the signed-in editor (decision 0016): every item, the done ones hidden at first. */
export default async function InboxPage() {
  const user = await requireUser("/inbox");
  const inbox = await readInbox(user.id, { includeDone: true });
  return (
    <>
      <div className="page-head">
        <h1>Inbox</h1>
      </div>
      <InboxList initialItems={inbox.items} />
    </>
  );
}
