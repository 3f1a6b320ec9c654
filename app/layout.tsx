import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Factline", template: "%s · Factline" },
  description: "Fact-checking annotations for newsroom editors",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page, the 404 page included, is rendered per request: Next.js puts the request's CSP
  // nonce (proxy.ts) on its scripts only while rendering, and a page prerendered at build time
  // would carry scripts without one, which the policy blocks.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
