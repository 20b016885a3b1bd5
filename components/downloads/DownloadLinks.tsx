/** Links to the same figures as tidy CSV (opens in Excel) and JSON, from the open API. */
export function DownloadLinks({ query, label }: { query: Record<string, string>; label: string }) {
  const params = new URLSearchParams(query);
  const href = (format: "csv" | "json") => {
    const p = new URLSearchParams(params);
    if (format === "csv") p.set("format", "csv");
    return `/api/v1/observations?${p.toString()}`;
  };
  return (
    <p className="no-print text-sm" data-testid="downloads">
      <span className="font-semibold">Download {label}:</span>{" "}
      <a href={href("csv")} download>
        CSV
      </a>{" "}
      ·{" "}
      <a href={href("json")} type="application/json">
        JSON
      </a>{" "}
      · <a href="/api/v1/openapi.json">API documentation (OpenAPI)</a>
    </p>
  );
}
