import type { WardProfile } from "@/lib/data/ward-profile";
import { SyntheticFlag } from "@/components/indicators/SyntheticFlag";

/**
 * The community assets in a ward, grouped by category: "assets as well as deficits".
 * Numbered in the order given, which is the order the ward's asset map numbers them.
 */
export function AssetList({
  assets,
  categoryLabel,
}: {
  assets: WardProfile["assets"];
  categoryLabel: (category: string) => string;
}) {
  if (assets.length === 0) return <p>No community assets are recorded in this ward yet.</p>;
  const groups = new Map<string, WardProfile["assets"]>();
  for (const asset of assets) groups.set(asset.category, [...(groups.get(asset.category) ?? []), asset]);
  return (
    <div className="space-y-3" data-testid="asset-list">
      {assets.some((a) => a.synthetic) && (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <SyntheticFlag /> This register is illustrative: the places below are generated, not real.
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {[...groups].map(([category, items]) => (
          <div key={category}>
            <h3 className="font-semibold">
              {categoryLabel(category)} ({items.length})
            </h3>
            <ol className="list-decimal pl-7 text-sm">
              {items.map((asset) => (
                <li key={asset.id} value={assets.indexOf(asset) + 1}>
                  {asset.name}
                </li>
              ))}
            </ol>
          </div>
        ))}
      </div>
    </div>
  );
}
