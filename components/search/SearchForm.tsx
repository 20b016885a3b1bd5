import { SEARCH_QUERY_MAX } from "@/lib/url-state";

/** A GET form to /search: works without JavaScript. */
export function SearchForm({ defaultValue = "", id = "site-search" }: { defaultValue?: string; id?: string }) {
  return (
    <form role="search" method="get" action="/search" className="flex items-end gap-2">
      <div className="flex flex-col">
        <label htmlFor={id} className="text-sm font-semibold">
          Find a ward
        </label>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          maxLength={SEARCH_QUERY_MAX}
          autoComplete="off"
          placeholder="Ward name or code"
          className="w-44 rounded border-2 border-black bg-white p-1 text-black"
        />
      </div>
      <button type="submit" className="rounded bg-white px-3 py-1 font-semibold text-black ring-2 ring-white">
        Search
      </button>
    </form>
  );
}
