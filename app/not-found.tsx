import Link from "next/link";
import { SiteChrome } from "@/components/layout/SiteChrome";

export default function NotFound() {
  return (
    <SiteChrome>
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold">Page not found</h1>
        <p>
          We could not find that page. If you followed a link to a ward or an indicator, its code may be mistyped or no
          longer in use.
        </p>
        <p>
          <Link href="/">Go to the Peterborough map of all wards</Link>
        </p>
      </div>
    </SiteChrome>
  );
}
