// Renders the server-side SVG components to static markup and checks what they draw: positions
// against values projected by hand, shapes per category, labels, patterns and accessibility hooks.
//
// `npm run test:unit` runs node with --conditions=react-server, under which react-dom/server refuses
// to load ("not supported in React Server Components"). In that case this file runs itself again in
// a child node process without the condition and passes or fails with it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { ReactElement } from "react";
import { linearScale, niceDomain, niceStep, roundTo } from "@/components/charts/scale";
import { SpineChart, SpineChartKey, spineSummary, type SpineChartProps } from "@/components/charts/SpineChart";
import { DistributionStrip, type DistributionPoint } from "@/components/charts/DistributionStrip";
import { InequalityScatter } from "@/components/charts/InequalityScatter";
import { StaticTrendChart, trendChartSummary } from "@/components/charts/StaticTrendChart";
import type { TrendChartProps } from "@/components/charts/trend-chart-props";
import { AssetMap, placeMarkers } from "@/components/map/AssetMap";
import { StaticChoropleth, type StaticChoroplethArea } from "@/components/map/StaticChoropleth";
import {
  MISSING_PATTERN_ID,
  PatternDefs,
  PatternSwatch,
  SUPPRESSED_PATTERN_ID,
  patternFill,
} from "@/components/map/PatternDefs";
import type { GeoJsonGeometry } from "@/lib/domain/types";

type Render = (element: ReactElement) => string;

function loadRenderer(): Render | null {
  try {
    return (require("react-dom/server") as typeof import("react-dom/server")).renderToStaticMarkup;
  } catch (error) {
    if (/not supported in React Server Components/.test(String(error))) return null;
    throw error;
  }
}

const render = loadRenderer();

if (!render) {
  test("SVG components (re-run without the react-server condition, which blocks react-dom/server)", (t) => {
    const env = { ...process.env };
    // Set by node --test for its child processes; the re-run must behave as a plain run.
    delete env.NODE_TEST_CONTEXT;
    const result = spawnSync(process.execPath, ["--import", "tsx", __filename], {
      cwd: process.cwd(),
      env,
      encoding: "utf8",
    });
    const output = `${result.stdout}\n${result.stderr}`;
    assert.equal(result.status, 0, `child run failed:\n${output}`);
    const passed = /# pass (\d+)/.exec(output)?.[1];
    assert.ok(passed && Number(passed) > 0, `child run reported no passing tests:\n${output}`);
    t.diagnostic(`child run: ${passed} tests passed`);
  });
} else {
  defineTests(render);
}

// ---------------------------------------------------------------------------------------------

/** Every value of one attribute, in document order. */
function attributeValues(markup: string, name: string): string[] {
  return [...markup.matchAll(new RegExp(`\\s${name}="([^"]*)"`, "g"))].map((m) => m[1]!);
}

function count(markup: string, pattern: RegExp): number {
  return [
    ...markup.matchAll(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g")),
  ].length;
}

/** The first element whose opening tag contains `marker`, e.g. data-part="marker". */
function openingTag(markup: string, marker: string): string {
  const at = markup.indexOf(marker);
  assert.ok(at >= 0, `no element with ${marker}`);
  const start = markup.lastIndexOf("<", at);
  return markup.slice(start, markup.indexOf(">", at) + 1);
}

function translateOf(tag: string): [number, number] {
  const match = /translate\(([-\d.]+),([-\d.]+)\)/.exec(tag);
  assert.ok(match, `no translate in ${tag}`);
  return [Number(match[1]), Number(match[2])];
}

function numberAttribute(tag: string, name: string): number {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  assert.ok(match, `no ${name} in ${tag}`);
  return Number(match[1]);
}

/** A lon/lat square, the corners given as [minLon, minLat, maxLon, maxLat]. */
function square([x0, y0, x1, y1]: [number, number, number, number]): GeoJsonGeometry {
  return {
    type: "Polygon",
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  };
}

function assertAccessibleText(markup: string) {
  for (const size of attributeValues(markup, "font-size")) assert.ok(Number(size) >= 12, `font-size ${size} < 12`);
}

const percent = (v: number) => `${v.toFixed(1)}%`;

function defineTests(render: Render) {
  // ------------------------------------------------------------------ scale helpers
  test("linearScale maps the domain ends to the range ends, reversed ranges included", () => {
    const x = linearScale([0, 100], [10, 210]);
    assert.equal(x(0), 10);
    assert.equal(x(25), 60);
    assert.equal(x(100), 210);
    const reversed = linearScale([0, 100], [210, 10]);
    assert.equal(reversed(25), 160);
    assert.equal(linearScale([5, 5], [0, 100])(5), 50, "a zero-width domain maps to the middle");
  });

  test("niceDomain widens to 1-2-5 steps: 12.3..35.1 in about 5 steps is 10..40 by 5", () => {
    assert.deepEqual(niceDomain(12.3, 35.1, 5), { domain: [10, 40], ticks: [10, 15, 20, 25, 30, 35, 40] });
    // 0.6 / 3 = 0.2 exactly: ticks must print as 0.2, 0.4, 0.6 (no 0.6000000000000001).
    assert.deepEqual(niceDomain(0.1, 0.7, 3).ticks, [0, 0.2, 0.4, 0.6, 0.8]);
    assert.equal(niceStep(100, 6), 20);
    assert.equal(niceStep(1000, 4), 500);
  });

  // ------------------------------------------------------------------ SpineChart
  // width 200, END_PADDING 9: the plot runs from x = 9 to x = 191 (182 units for the domain).
  const spineBase: SpineChartProps = {
    min: 0,
    max: 100,
    q1: 10,
    q3: 40,
    benchmark: 50,
    value: 80,
    rating: "better",
    polarity: "higher-better",
    label: "Volunteering",
    width: 200,
  };

  test("SpineChart: bars, benchmark and marker at the projected values (higher is better)", () => {
    const markup = render(<SpineChart {...spineBase} />);
    assert.match(markup, /^<svg[^>]*viewBox="0 0 200 28"[^>]*width="100%"[^>]*role="img"/);
    const range = openingTag(markup, 'data-part="range"');
    assert.equal(numberAttribute(range, "x"), 9);
    assert.equal(numberAttribute(range, "width"), 182);
    const iqr = openingTag(markup, 'data-part="iqr"');
    assert.equal(numberAttribute(iqr, "x"), 9 + 0.1 * 182); // 27.2
    assert.equal(numberAttribute(iqr, "width"), 0.3 * 182); // 54.6
    const benchmark = openingTag(markup, 'data-part="benchmark"');
    assert.equal(numberAttribute(benchmark, "x1"), 100);
    assert.equal(translateOf(openingTag(markup, 'data-part="marker"'))[0], 9 + 0.8 * 182); // 154.6
  });

  test("SpineChart: lower-better reverses the axis so better stays to the right", () => {
    const markup = render(<SpineChart {...spineBase} polarity="lower-better" />);
    assert.equal(translateOf(openingTag(markup, 'data-part="marker"'))[0], roundTo(191 - 0.8 * 182)); // 45.4
    const iqr = openingTag(markup, 'data-part="iqr"');
    // q3 = 40 is now the left end of the interquartile bar.
    assert.equal(numberAttribute(iqr, "x"), roundTo(191 - 0.4 * 182)); // 118.2
    assert.equal(numberAttribute(iqr, "width"), 54.6);
  });

  test("SpineChart: the marker's shape encodes the rating, not colour alone", () => {
    const shapeOf = (rating: SpineChartProps["rating"]) => {
      const markup = render(<SpineChart {...spineBase} rating={rating} />);
      const marker = markup.slice(markup.indexOf('data-part="marker"'));
      assert.match(marker, new RegExp(`data-rating="${rating}"`));
      const element = /<(circle|rect|path)/.exec(marker)?.[1] ?? "none";
      const corners = /d="([^"]*)"/.exec(marker)?.[1]?.split("L").length ?? 0;
      return `${element}:${corners}`; // a diamond and a triangle are both paths: tell them apart by corners
    };
    const shapes = new Set((["better", "similar", "worse", "not-compared"] as const).map(shapeOf));
    assert.equal(shapes.size, 4, "four ratings, four different shapes");
  });

  test("SpineChart: accessible summary names the ward, benchmark, range, interval and rating", () => {
    const props: SpineChartProps = {
      ...spineBase,
      min: 12,
      max: 35.1,
      q1: 18,
      q3: 30,
      benchmark: 27,
      value: 21.3,
      lowerCi: 18,
      upperCi: 25,
      rating: "worse",
      format: percent,
      areaName: "Barnack",
      benchmarkName: "Peterborough",
    };
    const expected =
      "Volunteering: Barnack 21.3% (95% confidence interval 18.0% to 25.0%), Peterborough 27.0%, " +
      "ward range 12.0% to 35.1%: worse than Peterborough.";
    assert.equal(spineSummary(props), expected);
    const markup = render(<SpineChart {...props} />);
    assert.ok(markup.includes(`aria-label="${expected}"`));
    assert.ok(markup.includes(`<title>${expected}</title>`));
  });

  test("SpineChart: no marker and no comparison when the value is missing", () => {
    const markup = render(<SpineChart {...spineBase} value={null} lowerCi={1} upperCi={2} areaName="Barnack" />);
    assert.ok(!markup.includes('data-part="marker"'));
    assert.ok(!markup.includes('data-part="ci"'));
    assert.match(markup, /aria-label="Volunteering: Barnack: no figure, the benchmark 50, ward range 0 to 100\."/);
  });

  test("SpineChart: an interval wider than the chart is clipped and loses the cap on that side", () => {
    const inside = render(<SpineChart {...spineBase} lowerCi={70} upperCi={90} />);
    const insidePath = attributeValues(inside.slice(inside.indexOf('data-part="ci"')), "d")[0]!;
    // Whisker from x(70) = 136.4 to x(90) = 172.8, with a cap at each end.
    assert.equal(insidePath, "M136.4,14H172.8M136.4,9V19M172.8,9V19");
    const clipped = render(<SpineChart {...spineBase} lowerCi={-50} upperCi={90} />);
    const clippedPath = attributeValues(clipped.slice(clipped.indexOf('data-part="ci"')), "d")[0]!;
    assert.equal(clippedPath, "M1,14H172.8M172.8,9V19");
  });

  test("SpineChart: a benchmark outside the ward range widens the scale to include it", () => {
    const markup = render(<SpineChart {...spineBase} benchmark={200} />);
    assert.equal(numberAttribute(openingTag(markup, 'data-part="benchmark"'), "x1"), 191);
    assert.equal(numberAttribute(openingTag(markup, 'data-part="range"'), "width"), 91); // 0..100 of 0..200
  });

  test("SpineChartKey explains the bars, the line and all four marker shapes", () => {
    const markup = render(<SpineChartKey benchmarkName="Peterborough" />);
    assert.equal(count(markup, /<li[ >]/), 3 + 4 + 1);
    for (const phrase of [
      "range of all wards",
      "middle half",
      "Vertical line: Peterborough",
      "Better (circle)",
      "Similar (diamond)",
      "Worse (square)",
      "Not compared (triangle)",
    ]) {
      assert.ok(markup.toLowerCase().includes(phrase.toLowerCase()), `key mentions ${phrase}`);
    }
    assert.equal(count(markup, /aria-hidden="true"/), 8, "swatches are decorative");
  });

  // ------------------------------------------------------------------ DistributionStrip
  const stripPoints: DistributionPoint[] = [
    { code: "W4", name: "Dee", value: 100, href: "/areas/W4" },
    { code: "W2", name: "Bee", value: 50, href: "/areas/W2" },
    { code: "W1", name: "Ay", value: 0, href: "/areas/W1" },
    { code: "W3", name: "Cee", value: 50, href: "/areas/W3" },
    { code: "W5", name: "Eff", value: null, href: "/areas/W5" },
  ];

  test("DistributionStrip: one link per ward with a value, placed on the axis, ties stacked", () => {
    // width 560, margins 28: axis 28..532; 504 / 90 ≈ 6 ticks → step 20 → domain 0..100.
    const markup = render(
      <DistributionStrip points={stripPoints} unitLabel="% of adults" format={percent} width={560} />,
    );
    assert.match(markup, /^<svg[^>]*role="group"/);
    assert.equal(count(markup, /<a /), 4);
    assert.deepEqual(attributeValues(markup, "href"), ["/areas/W1", "/areas/W2", "/areas/W3", "/areas/W4"]);
    const dots = [...markup.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.deepEqual(
      dots.map(([x]) => x),
      [28, 280, 280, 532],
    );
    const [, bee, cee] = dots;
    assert.equal(bee![1]! - cee![1]!, 13, "the second 50 sits one dot higher (pitch 13)");
    assert.ok(markup.includes("<title>Bee: 50.0%</title>"));
    assert.deepEqual(
      [...markup.matchAll(/<text y="20"[^>]*>([^<]*)</g)].map((m) => m[1]),
      ["0", "20", "40", "60", "80", "100"],
    );
    assert.ok(markup.includes(">% of adults<"));
    assert.ok(markup.includes("Not shown: 1 ward with no figure"));
    assertAccessibleText(markup);
  });

  test("DistributionStrip: benchmark line and label, highlighted ward ringed and named", () => {
    const markup = render(
      <DistributionStrip
        points={stripPoints}
        unitLabel="% of adults"
        format={percent}
        benchmark={{ label: "Peterborough", value: 40 }}
        highlightCode="W2"
        label="Volunteering"
      />,
    );
    const benchmark = markup.slice(markup.indexOf('data-part="benchmark"'));
    assert.equal(numberAttribute(benchmark, "x1"), 229.6); // 28 + 0.4 × 504
    assert.ok(benchmark.includes(">Peterborough 40.0%<"));
    const highlight = markup.slice(markup.indexOf('data-part="highlight"'));
    assert.equal(numberAttribute(highlight, "cx"), 280);
    assert.ok(highlight.includes(">Bee 50.0%<"));
    assert.match(markup, /data-code="W2"><title>Bee: 50.0%<\/title><circle[^>]*fill="#D55E00"/);
    assert.match(
      markup,
      /aria-label="Volunteering: 4 wards, from 0.0% \(Ay\) to 100.0% \(Dee\); Peterborough 40.0%; highlighted: Bee 50.0%; 1 ward with no figure not shown\."/,
    );
    assertAccessibleText(markup);
  });

  // ------------------------------------------------------------------ InequalityScatter
  test("InequalityScatter: every ward and the fitted line are named by a <title> with their figures", () => {
    const markup = render(
      <InequalityScatter
        points={[
          { code: "W1", name: "Ay", value: 20, relativeRank: 0.1, href: "/areas/W1" },
          { code: "W2", name: "Bee", value: 60, relativeRank: 0.9, href: "/areas/W2" },
          { code: "W3", name: "Cee", value: null, relativeRank: 0.5, href: "/areas/W3" },
        ]}
        fittedMostDeprived={15}
        fittedLeastDeprived={65}
        unitLabel="% of adults"
        format={percent}
        label="Volunteering by deprivation"
      />,
    );
    // React's server renderer writes a <title> with more than one child as an empty element: the tooltip
    // was blank and the page failed to hydrate on the text the browser then expected (React error #418).
    const titles = [...markup.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    assert.deepEqual(titles, [
      "Volunteering by deprivation",
      "Fitted line: 15.0% at the most deprived end, 65.0% at the least deprived end",
      "Ay: 20.0%",
      "Bee: 60.0%",
    ]);
    assert.match(markup, /class="sii-line"[^>]*><title>Fitted line/);
  });

  // ------------------------------------------------------------------ AssetMap
  // A 1° square at the equator (cos of 0.5° ≈ 0.99996): with width 360 and padding 14 the ward spans
  // x 14..346 (332 units), so an asset at lon 0.5 is drawn at x = 14 + 166 = 180.
  const ward = square([0, 0, 1, 1]);

  test("AssetMap: numbered markers whose shape follows the category's kind, at projected positions", () => {
    const markup = render(
      <AssetMap
        geometry={ward}
        areaName="Testward"
        assets={[
          { id: "a", name: "Central Library", category: "library", lat: 0.5, lon: 0.5 },
          { id: "b", name: "Rovers FC", category: "sports-club", lat: 0.25, lon: 0.25 },
          { id: "c", name: "The Green", category: "park", lat: 0.75, lon: 0.9 },
          { id: "d", name: "Mystery", category: "not-a-category", lat: 0.1, lon: 0.8 },
        ]}
      />,
    );
    assert.match(markup, /<svg[^>]*viewBox="0 0 360 360"[^>]*role="img"/);
    const markers = [
      ...markup.matchAll(
        /data-kind="(\w+)" transform="translate\(([-\d.]+),([-\d.]+)\)"><title>([^<]*)<\/title><(\w+)[^>]*>.*?<text[^>]*>(\d+)<\/text>/g,
      ),
    ];
    assert.deepEqual(
      markers.map((m) => [m[1], m[5], m[6]]),
      [
        ["space", "rect", "1"],
        ["group", "circle", "2"],
        ["other", "path", "3"],
        ["other", "path", "4"],
      ],
    );
    assert.equal(markers[0]![4], "1. Central Library (Library)");
    assert.equal(markers[3]![4], "4. Mystery (Not a category)");
    assert.ok(Math.abs(Number(markers[0]![2]) - 180) <= 0.1);
    assert.ok(Math.abs(Number(markers[0]![3]) - 180) <= 0.1);
    // lon 0.25 → x = 14 + 83 = 97; lat 0.25 → y = 14 + 0.75 × 332 = 263.
    assert.ok(Math.abs(Number(markers[1]![2]) - 97) <= 0.1);
    assert.ok(Math.abs(Number(markers[1]![3]) - 263) <= 0.1);
    assert.ok(
      markup.includes(
        "showing 4 community assets, numbered as in the list: 1 community space (squares), 1 group (circles), 2 parks and green spaces (diamonds)",
      ),
    );
    assert.equal(count(markup, /<li[ >]/), 3, "legend: one line per kind shown");
    assertAccessibleText(markup);
  });

  test("AssetMap: markers at the same spot are pulled apart with a leader line back", () => {
    const markup = render(
      <AssetMap
        geometry={ward}
        assets={[
          { id: "a", name: "Hall", category: "community-hall", lat: 0.5, lon: 0.5 },
          { id: "b", name: "Club", category: "youth-club", lat: 0.5, lon: 0.5 },
        ]}
      />,
    );
    const positions = [...markup.matchAll(/data-kind="\w+" transform="translate\(([-\d.]+),([-\d.]+)\)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    assert.equal(positions.length, 2);
    const distance = Math.hypot(positions[0]![0]! - positions[1]![0]!, positions[0]![1]! - positions[1]![1]!);
    assert.ok(distance >= 2 * 9.5 * 1.2, `markers ${distance} apart: even diamonds (1.2 × radius) would not touch`);
    assert.equal(count(markup, /<circle cx="180" cy="180" r="2"/), 1, "a dot marks the true position");
  });

  test("placeMarkers never overlaps markers when there is room", () => {
    const cluster: [number, number][] = Array.from({ length: 12 }, (_, i) => [100 + (i % 3), 100 + (i % 2)]);
    const placed = placeMarkers(cluster, 9.5, 400, 400);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const d = Math.hypot(placed[i]!.markerX - placed[j]!.markerX, placed[i]!.markerY - placed[j]!.markerY);
        assert.ok(d >= 2 * 9.5 * 1.2, `markers ${i} and ${j} are ${d} apart`);
      }
    }
    assert.deepEqual([placed[0]!.markerX, placed[0]!.markerY], [100, 100], "the first marker stays put");
  });

  // ------------------------------------------------------------------ StaticChoropleth
  test("StaticChoropleth: a unit square is projected as computed by hand", () => {
    // width 100, padding 6: the square fills 88 × 88 units at 6..94 (height rounds to 100.0).
    const markup = render(
      <StaticChoropleth
        title="Test"
        width={100}
        areas={[
          {
            code: "W1",
            name: "One",
            geometry: ward,
            fill: "#08519c",
            state: "value",
            label: "One: 5%",
            href: "/areas/W1",
          },
        ]}
      />,
    );
    assert.match(markup, /viewBox="0 0 100 100"/);
    assert.ok(markup.includes('d="M6,94L94,94L94,6L6,6Z"'));
  });

  test("StaticChoropleth: every ward of the real boundary file is a titled link, no-data states patterned", () => {
    const file = path.join(process.cwd(), "prisma/data/boundaries/wards-E06000031.geojson");
    const collection = JSON.parse(fs.readFileSync(file, "utf8")) as {
      features: { properties: { code: string; name: string }; geometry: GeoJsonGeometry }[];
    };
    const areas: StaticChoroplethArea[] = collection.features.map((f, i) => ({
      code: f.properties.code,
      name: f.properties.name,
      geometry: f.geometry,
      fill: "#6baed6",
      state: i === 0 ? "suppressed" : i === 1 ? "missing" : "value",
      label: `${f.properties.name}: label`,
      href: `/areas/${f.properties.code}`,
      highlighted: i === 5,
    }));
    const markup = render(<StaticChoropleth areas={areas} title="Volunteering, 2024" />);
    assert.match(
      markup,
      /^<svg[^>]*role="group"[^>]*aria-label="Map: Volunteering, 2024\. Each ward links to its page\."/,
    );
    assert.equal(count(markup, /<a /), collection.features.length);
    assert.deepEqual(
      attributeValues(markup, "href"),
      areas.map((a) => a.href),
      "links keep the order of the areas (keyboard order)",
    );
    for (const area of areas) assert.ok(markup.includes(`<title>${area.name}: label</title>`));
    assert.equal(count(markup, new RegExp(`fill="url\\(#${SUPPRESSED_PATTERN_ID}\\)"`)), 1);
    assert.equal(count(markup, new RegExp(`fill="url\\(#${MISSING_PATTERN_ID}\\)"`)), 1);
    assert.equal(count(markup, /fill="#6baed6"/), collection.features.length - 2);
    assert.ok(markup.includes(`id="${SUPPRESSED_PATTERN_ID}"`) && markup.includes(`id="${MISSING_PATTERN_ID}"`));
    // Highlight: drawn again on top (after every link), thick, outside the links.
    const highlight = markup.slice(markup.lastIndexOf("</a>"));
    assert.match(highlight, new RegExp(`data-part="highlight" data-area-code="${areas[5]!.code}"`));
    assert.match(highlight, /stroke-width="5"/);
    // Compact: one decimal at most, and every point inside the viewBox.
    const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(markup)!;
    const [w, h] = [Number(viewBox[1]), Number(viewBox[2])];
    const pathData = attributeValues(markup, "d").join("");
    assert.ok(!/\d\.\d\d/.test(pathData), "no coordinate has more than one decimal");
    for (const [, x, y] of pathData.matchAll(/([-\d.]+),([-\d.]+)/g)) {
      assert.ok(Number(x) >= 0 && Number(x) <= w && Number(y) >= 0 && Number(y) <= h, `point ${x},${y} in view`);
    }
    assert.ok(markup.length < 40_000, `markup is ${markup.length} characters`);
  });

  // ------------------------------------------------------------------ PatternDefs
  test("PatternDefs: the exported ids are defined, and swatches draw without ids", () => {
    assert.equal(patternFill("suppressed"), `url(#${SUPPRESSED_PATTERN_ID})`);
    assert.equal(patternFill("missing"), `url(#${MISSING_PATTERN_ID})`);
    const defs = render(
      <svg>
        <PatternDefs />
      </svg>,
    );
    assert.deepEqual(attributeValues(defs, "id"), [SUPPRESSED_PATTERN_ID, MISSING_PATTERN_ID]);
    const hatch = render(<PatternSwatch state="suppressed" />);
    const dots = render(<PatternSwatch state="missing" />);
    assert.ok(count(hatch, /<line/) >= 3, "hatched swatch has diagonal lines");
    assert.equal(count(dots, /<circle/), 4 * 3, "a 24 × 16 swatch has dots at x 3, 9, 15, 21 and y 3, 9, 15");
    for (const swatch of [hatch, dots]) {
      assert.ok(!swatch.includes(" id="), "no ids, so swatches can repeat on a page");
      assert.match(swatch, /aria-hidden="true"/);
    }
  });

  // ------------------------------------------------------------------ StaticTrendChart
  // Values 5..45 (intervals included) from zero: 5 steps of 10 → domain 0..50, so y = 1000 − 20·value in
  // the 1000-unit plot; four periods at x = 0, 333.3, 666.7, 1000.
  const trend: TrendChartProps = {
    points: [
      { period: "2021", area: 10, interval: [5, 15], benchmark: 20 },
      { period: "2022", area: null, interval: null, benchmark: 20 },
      { period: "2023", area: 30, interval: [25, 35], benchmark: 20 },
      { period: "2024", area: 40, interval: [35, 45], benchmark: null },
    ],
    areaName: "Ay",
    benchmarkName: "Town",
    unitLabel: "% of adults",
    decimals: 1,
  };
  const seriesPaths = (markup: string, series: string) => {
    const group = new RegExp(`<g data-series="${series}">(.*?)</g>`).exec(markup);
    assert.ok(group, `no ${series} series`);
    return attributeValues(group[1]!, "d");
  };

  test("StaticTrendChart: lines break at a missing value, markers sit at the projected values", () => {
    const markup = render(<StaticTrendChart {...trend} />);
    assert.deepEqual(seriesPaths(markup, "area"), ["M0,800M666.7,400L1000,200", "M0,800h0M666.7,400h0M1000,200h0"]);
    assert.deepEqual(seriesPaths(markup, "benchmark"), [
      "M0,600L333.3,600L666.7,600",
      "M0,600h0M333.3,600h0M666.7,600h0",
    ]);
    // The band: a lone bar for 2021, one shape for 2023–2024 (upper edge forwards, lower edge back).
    const band = openingTag(markup, 'data-series="interval"');
    assert.match(band, /d="M-62\.5,700L62\.5,700L62\.5,900L-62\.5,900ZM666\.7,300L1000,100L1000,300L666\.7,500Z"/);
    // Tick labels from 0 at the bottom (100% down) to 50 at the top.
    const ticks = [...markup.matchAll(/style="top:([\d.]+)%"[^>]*>([^<]*)</g)].map((m) => [Number(m[1]), m[2]]);
    assert.deepEqual(ticks, [
      [100, "0"],
      [80, "10"],
      [60, "20"],
      [40, "30"],
      [20, "40"],
      [0, "50"],
    ]);
    const periods = [...markup.matchAll(/style="left:([\d.]+)%"[^>]*>([^<]*)</g)].map((m) => [Number(m[1]), m[2]]);
    assert.deepEqual(periods, [
      [0, "2021"],
      [33.33, "2022"],
      [66.67, "2023"],
      [100, "2024"],
    ]);
    // Strokes keep their width however the plot is stretched.
    for (const tag of markup.match(/<path [^>]*stroke="[^"]+"[^>]*>/g)!.filter((t) => !t.includes("M2,8H26"))) {
      assert.match(tag, /vector-effect="non-scaling-stroke"/);
    }
  });

  test("StaticTrendChart: named by a summary, keyed in the interactive chart's order", () => {
    const markup = render(<StaticTrendChart {...trend} />);
    assert.match(markup, /^<div role="img" aria-label="([^"]*)"/);
    assert.equal(
      trendChartSummary(trend),
      "Line chart of % of adults, Ay and Town, 2021 to 2024. Latest, 2024: Ay 40.0.",
    );
    assert.ok(markup.includes(`aria-label="${trendChartSummary(trend)}"`));
    const key = /<ul[^>]*data-part="key">(.*?)<\/ul>/.exec(markup)![1]!;
    assert.deepEqual(
      [...key.matchAll(/<span>([^<]*)<\/span>/g)].map((m) => m[1]),
      ["Ay", "Ay: 95% interval", "Town"],
    );
  });

  test("StaticTrendChart: no benchmark series or key without a benchmark, no band without intervals", () => {
    const markup = render(
      <StaticTrendChart
        {...trend}
        benchmarkName={undefined}
        points={trend.points.map((p) => ({ ...p, interval: null }))}
      />,
    );
    assert.ok(!markup.includes('data-series="benchmark"'));
    assert.ok(!markup.includes('data-series="interval"'));
    assert.equal(count(markup, /<li /), 1);
    assert.equal(
      trendChartSummary({ ...trend, benchmarkName: undefined }),
      "Line chart of % of adults, Ay, 2021 to 2024. Latest, 2024: Ay 40.0.",
    );
  });
}
