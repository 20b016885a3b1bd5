import type { ReactNode } from "react";
import { SiteChrome } from "@/components/layout/SiteChrome";
import { getSiteChromeData } from "@/lib/data/home-authority";

export default async function SiteLayout({ children }: { children: ReactNode }) {
  return <SiteChrome chrome={await getSiteChromeData()}>{children}</SiteChrome>;
}
