import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import type { SiteChromeData } from "@/lib/data/home-authority";

/** Header, main landmark and footer of the full site (embeds and slides go without). */
export function SiteChrome({ chrome, children }: { chrome: SiteChromeData; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-[2000] focus:bg-[var(--color-focus)] focus:p-2 focus:text-black"
      >
        Skip to main content
      </a>
      <SiteHeader authority={chrome.authorityLabel} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
      <SiteFooter provenance={chrome.provenance} />
    </div>
  );
}
