/** A visible, text (not colour-only) label on every synthetic figure. */
export function SyntheticFlag({ compact = false }: { compact?: boolean }) {
  return (
    <span
      className="inline-block rounded border border-[var(--color-synthetic)] px-1.5 py-0.5 text-xs font-semibold text-[var(--color-synthetic)]"
      title="Illustrative synthetic data, not real survey results"
      data-synthetic="true"
    >
      {compact ? "Synthetic" : "Synthetic data"}
    </span>
  );
}
