import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { authorityLabel, getHomeAuthority } from "@/lib/data/home-authority";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: { default: `Civic Pulse — ${authorityLabel(await getHomeAuthority())}`, template: "%s — Civic Pulse" },
    description:
      "Where active citizenship is lowest, what drives it, and which community assets each ward already has.",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="font-sans">{children}</body>
    </html>
  );
}
