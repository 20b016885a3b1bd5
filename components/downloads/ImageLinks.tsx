/** Links to a chart or map drawn as an image for reports (PNG for Word, SVG for print). */
export function ImageLinks({ chart, query }: { chart: "map" | "trend"; query: Record<string, string> }) {
  const params = new URLSearchParams(query).toString();
  return (
    <p className="no-print text-sm" data-testid={`image-links-${chart}`}>
      <span className="font-semibold">Image for reports:</span>{" "}
      <a href={`/api/v1/images/${chart}.png?${params}`} download>
        PNG
      </a>{" "}
      ·{" "}
      <a href={`/api/v1/images/${chart}.png?${params}&width=2400&height=${chart === "map" ? 1600 : 1200}`} download>
        PNG, large
      </a>{" "}
      ·{" "}
      <a href={`/api/v1/images/${chart}.svg?${params}`} download>
        SVG
      </a>
    </p>
  );
}
