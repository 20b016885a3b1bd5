import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ASSET_CATEGORIES,
  ASSET_CATEGORY_KEYS,
  INDICATOR_FOR_ASSET_KIND,
  assetCategory,
  assetCategoryLabel,
  assetCategoryPlural,
  assetKind,
  isAssetCategoryKey,
} from "@/lib/assets/categories";
import { INDICATOR_CATALOGUE } from "@/lib/indicators/catalogue";

test("spaces, groups and other are exactly the categories the indicator definitions name", () => {
  const keysOfKind = (kind: string) =>
    ASSET_CATEGORIES.filter((c) => c.kind === kind)
      .map((c) => c.key)
      .sort();
  assert.deepEqual(keysOfKind("space"), ["community-centre", "community-hall", "library"]);
  assert.deepEqual(keysOfKind("group"), [
    "food-bank",
    "mutual-aid-group",
    "place-of-worship",
    "residents-association",
    "sports-club",
    "time-bank",
    "youth-club",
  ]);
  assert.deepEqual(keysOfKind("other"), ["park"]);
});

test("keys are unique kebab-case and every category has a label, plural and description", () => {
  assert.equal(new Set(ASSET_CATEGORY_KEYS).size, ASSET_CATEGORIES.length);
  for (const c of ASSET_CATEGORIES) {
    assert.match(c.key, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(c.label.length > 0 && c.plural.length > 0 && c.description.length > 20, c.key);
    assert.notEqual(c.label, c.plural);
  }
});

test("the kinds point at indicators that exist in the catalogue", () => {
  const slugs = new Set(INDICATOR_CATALOGUE.map((i) => i.slug));
  assert.ok(slugs.has(INDICATOR_FOR_ASSET_KIND.space));
  assert.ok(slugs.has(INDICATOR_FOR_ASSET_KIND.group));
  assert.equal(INDICATOR_FOR_ASSET_KIND.space, "community-spaces");
  assert.equal(INDICATOR_FOR_ASSET_KIND.group, "active-groups");
  assert.equal(INDICATOR_FOR_ASSET_KIND.other, null);
});

test("lookups: unknown keys are not categories, count as other and get a readable label", () => {
  assert.equal(isAssetCategoryKey("library"), true);
  assert.equal(isAssetCategoryKey("bandstand"), false);
  assert.equal(assetCategory("library")?.plural, "Libraries");
  assert.equal(assetCategory("bandstand"), undefined);
  assert.equal(assetKind("food-bank"), "group");
  assert.equal(assetKind("bandstand"), "other");
  assert.equal(assetCategoryLabel("community-hall"), "Community hall");
  assert.equal(assetCategoryLabel("repair-cafe"), "Repair cafe");
  assert.equal(assetCategoryPlural("sports-club"), "Sports clubs");
});
