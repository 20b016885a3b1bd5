import Link from "next/link";
import { SearchForm } from "@/components/search/SearchForm";

/** `authority`: the home authority's name (or code, before its boundary is imported). */
export function SiteHeader({ authority }: { authority: string }) {
  return (
    <header className="bg-[#0b0c0c] text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-end justify-between gap-3 px-4 py-3 print:py-1">
        <div>
          <Link href="/" className="text-xl font-bold text-white no-underline">
            Civic Pulse <span className="font-normal">· {authority}</span>
          </Link>
          <p className="text-sm text-gray-200">Active citizenship, its drivers and community assets, ward by ward</p>
        </div>
        <div className="no-print">
          <SearchForm />
        </div>
      </div>
    </header>
  );
}
