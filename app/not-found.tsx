import Link from "next/link";
import { SiteChrome } from "@/components/layout/SiteChrome";
import { getSiteChromeData } from "@/lib/data/home-authority";

export default async function NotFound() {
  const chrome = await getSiteChromeData();
  return (
    <SiteChrome chrome={chrome}>
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold">Page not found</h1>
        <p>
          We could not find that page. If you followed a link to a ward or an indicator, its code may be mistyped or no
          longer in use.
        </p>
        <p>
          <Link href="/">Go to the {chrome.authorityLabel} map of all wards</Link>
        </p>
      </div>
    </SiteChrome>
  );
}
