// The pure SVG builders: escaping, text measurement and wrapping, series paths, and whole map and
// trend documents drawn from hand-made data.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import type { GeoJsonGeometry, Observation } from "@/lib/domain/types";
import { el, escapeXml, text, textWidth, wrapText } from "@/lib/images/svg";
import { SYNTHETIC_LABEL } from "@/lib/images/frame";
import { mapImageModel, renderMapSvg, type MapImageInput } from "@/lib/images/map-image";
import { bandPath, linePath } from "@/components/charts/scale";
import { renderTrendSvg, trendImageModel, type TrendImageInput } from "@/lib/images/trend-image";
import { allText, drawnText, findAll, hasClass, parseXml } from "./xml";

test("the XML checker rejects what is not well-formed (so the other tests can fail)", () => {
  const bad = [
    "<svg><g></svg>",
    "<svg>a & b</svg>",
    "<svg><text x=1>a</text></svg>",
    '<svg a="1" a="2"/>',
    '<svg a="<"/>',
    "<svg>&nbsp;</svg>",
    "<svg/><svg/>",
    "<svg>",
  ];
  for (const source of bad) assert.throws(() => parseXml(source), Error, source);
  const ok = parseXml('<?xml version="1.0"?>\n<svg a="&quot;1&quot;"><!-- c --><text>x &amp; y &#8211; z</text></svg>');
  assert.equal(ok.attrs.a, '"1"');
  assert.equal(allText(ok), "x & y – z");
});

test("escaped text and attributes survive a round trip through an XML parser", () => {
  const hostile = `Tom & Jerry's <script>alert("x")</script> ]]> \u0007bell`;
  const doc = parseXml(el("svg", { "data-label": hostile }, [text(hostile, { x: 1, y: 2 })]));
  const expected = hostile.replace("\u0007", ""); // a control character cannot appear in XML at all
  assert.equal(doc.attrs["data-label"], expected);
  assert.equal(allText(doc), expected);
  assert.equal(escapeXml("a<b"), "a&lt;b");
});

test("text widths match the advance widths in the bundled DejaVu Sans fonts", () => {
  // Read hmtx through cmap from the TTF files themselves (format 4 cmap, platform 3 encoding 1).
  const advances = (file: string, chars: string[]) => {
    const b = fs.readFileSync(path.join(process.cwd(), "lib/images/fonts", file));
    const tables: Record<string, number> = {};
    for (let t = 0; t < b.readUInt16BE(4); t++)
      tables[b.toString("ascii", 12 + t * 16, 16 + t * 16)] = b.readUInt32BE(20 + t * 16);
    const unitsPerEm = b.readUInt16BE(tables.head! + 18);
    const hMetrics = b.readUInt16BE(tables.hhea! + 34);
    const cmap = tables.cmap!;
    let sub = 0;
    for (let k = 0; k < b.readUInt16BE(cmap + 2); k++) {
      if (b.readUInt16BE(cmap + 4 + k * 8) === 3 && b.readUInt16BE(cmap + 6 + k * 8) === 1)
        sub = cmap + b.readUInt32BE(cmap + 8 + k * 8);
    }
    const segments = b.readUInt16BE(sub + 6) / 2;
    const ends = sub + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const offsets = deltas + segments * 2;
    return chars.map((char) => {
      const code = char.codePointAt(0)!;
      let glyph = 0;
      for (let s = 0; s < segments; s++) {
        if (code > b.readUInt16BE(ends + 2 * s)) continue;
        const start = b.readUInt16BE(starts + 2 * s);
        const offset = b.readUInt16BE(offsets + 2 * s);
        if (code >= start) {
          glyph = offset ? b.readUInt16BE(offsets + 2 * s + offset + 2 * (code - start)) : code;
          if (glyph) glyph = (glyph + b.readInt16BE(deltas + 2 * s)) & 0xffff;
        }
        break;
      }
      return b.readUInt16BE(tables.hmtx! + 4 * Math.min(glyph, hMetrics - 1)) / unitsPerEm;
    });
  };
  const ascii = Array.from({ length: 95 }, (_, k) => String.fromCharCode(32 + k));
  for (const [file, bold] of [
    ["DejaVuSans.ttf", false],
    ["DejaVuSans-Bold.ttf", true],
  ] as const) {
    const fromFont = advances(file, ascii);
    ascii.forEach((char, k) =>
      assert.ok(Math.abs(textWidth(char, 1000, bold) - fromFont[k]! * 1000) < 1, `${file} "${char}"`),
    );
  }
  assert.ok(Math.abs(textWidth("Peterborough", 20) - 2 * textWidth("Peterborough", 10)) < 1e-9);
});

test("wrapped lines fit the width, keep every word, and end in … when cut short", () => {
  const sentence = "Posted in a local online group, forum or blog about the area in the last 12 months";
  const lines = wrapText(sentence, 200, 16);
  assert.ok(lines.length > 1);
  for (const line of lines) assert.ok(textWidth(line, 16) <= 200, line);
  assert.equal(lines.join(" "), sentence);
  const two = wrapText(sentence, 200, 16, { maxLines: 2 });
  assert.equal(two.length, 2);
  assert.ok(two[1]!.endsWith("…") && textWidth(two[1]!, 16) <= 200);
  // A word longer than the line is cut rather than overflowing.
  const long = wrapText("x".repeat(100), 100, 16);
  assert.equal(long.join(""), "x".repeat(100));
  for (const line of long) assert.ok(textWidth(line, 16) <= 100);
});

test("a line breaks at missing values, and the band has one shape per run of intervals", () => {
  assert.equal(linePath([0, 10, 20, 30], [5, null, 7, 8]), "M0,5M20,7L30,8");
  assert.equal(linePath([0, 10], [null, null]), "");
  assert.equal(bandPath([0, 10, 20], [{ lower: 9, upper: 1 }, { lower: 8, upper: 2 }, null], 4), "M0,1L10,2L10,8L0,9Z");
  // A lone interval is a bar of the given width centred on its period.
  assert.equal(bandPath([0, 10], [null, { lower: 6, upper: 4 }], 4), "M8,4L12,4L12,6L8,6Z");
});

// ---------------------------------------------------------------------------------------------
// Whole documents from hand-made data
// ---------------------------------------------------------------------------------------------

const square = (x0: number, y0: number): GeoJsonGeometry => ({
  type: "Polygon",
  coordinates: [
    [
      [x0, y0],
      [x0 + 0.01, y0],
      [x0 + 0.01, y0 + 0.01],
      [x0, y0 + 0.01],
      [x0, y0],
    ],
  ],
});

const observation = (
  value: number | null,
  ci: [number, number] | null,
  extra: Partial<Observation> = {},
): Observation => ({
  indicatorSlug: "test",
  areaCode: "E05000000",
  period: "2025",
  group: "all",
  value,
  lowerCi: ci?.[0] ?? null,
  upperCi: ci?.[1] ?? null,
  numerator: null,
  denominator: null,
  sampleSize: null,
  suppressed: false,
  synthetic: false,
  sourceId: "test",
  ...extra,
});

const indicator = {
  title: `Share "quoted" & <tagged>`,
  shortTitle: "Share",
  unit: "percent" as const,
  unitLabel: "% of adults",
  decimals: 1,
  polarity: "higher-better" as const,
  synthetic: false,
};

function mapInput(overrides: Partial<MapImageInput> = {}): MapImageInput {
  return {
    indicator,
    period: "2025",
    parent: { name: "Testborough", observation: observation(20, [19, 21]) },
    wards: [
      { code: "E05000001", name: "West <End>", geometry: square(0, 52), observation: observation(10, [8, 12]) },
      { code: "E05000002", name: "Middle", geometry: square(0.02, 52), observation: observation(20, [15, 25]) },
      { code: "E05000003", name: "East", geometry: square(0.04, 52), observation: observation(40, [35, 45]) },
      {
        code: "E05000004",
        name: "South",
        geometry: square(0.02, 51.98),
        observation: observation(null, null, { suppressed: true }),
      },
    ],
    mode: "value",
    method: "quantile",
    sources: [{ title: "Test survey", publisher: "Test council", licence: "OGL v3.0" }],
    boundaryAttribution: "Source: ONS.",
    width: 1000,
    height: 600,
    ...overrides,
  };
}

/** x coordinates of a path's points. */
const xsOf = (d: string) => [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[1]));

test("the map document: size, title, one path per ward in the right place, escaped names", () => {
  const svg = renderMapSvg(mapImageModel(mapInput()));
  const doc = parseXml(svg);
  assert.equal(doc.name, "svg");
  assert.equal(doc.attrs.xmlns, "http://www.w3.org/2000/svg");
  assert.equal(doc.attrs.width, "1000");
  assert.equal(doc.attrs.height, "600");
  assert.match(doc.attrs.viewBox ?? "", /^0 0 \d+ \d+$/);
  const title = findAll(doc, (e) => e.name === "title")[0]!;
  assert.equal(doc.children[0], title, "<title> comes first");
  assert.ok(allText(title).includes(indicator.title));

  const wards = findAll(doc, (e) => e.name === "path" && hasClass(e, "ward"));
  assert.deepEqual(
    wards.map((w) => w.attrs["data-area-code"]),
    ["E05000001", "E05000002", "E05000003", "E05000004"],
  );
  // West is left of Middle, which is left of East.
  const [west, middle, east] = wards.map((w) => xsOf(w.attrs.d!));
  assert.ok(Math.max(...west!) <= Math.min(...middle!) && Math.max(...middle!) <= Math.min(...east!));
  assert.ok(allText(wards[0]!).startsWith("West <End>: 10.0%"));
  // The suppressed ward is hatched, not coloured, and the legend says so with its count.
  assert.equal(wards[3]!.attrs["data-state"], "suppressed");
  assert.match(wards[3]!.attrs.fill!, /^url\(#/);
  const legend = findAll(doc, (e) => e.attrs["data-part"] === "legend")[0]!;
  assert.match(drawnText(legend), /Suppressed: too few survey responses to publish \(1 ward\)/);
  // Legend counts cover every ward; each coloured class counts the wards drawn in its colour.
  const entries = findAll(legend, (e) => e.attrs["data-part"] === "legend-entry");
  const counts = entries.map((e) => Number(/\((\d+) wards?\)/.exec(allText(e))![1]));
  assert.equal(
    counts.reduce((a, b) => a + b, 0),
    4,
  );
  entries.forEach((entry, k) => {
    const colour = entry.attrs["data-colour"];
    const drawn = wards.filter((w) => w.attrs.fill === colour).length;
    if (!entry.children[0]!.attrs.fill!.startsWith("url(")) assert.equal(drawn, counts[k], colour);
  });
  // Sources at the foot, without a doubled "Source:".
  const source = drawnText(findAll(doc, (e) => e.attrs["data-part"] === "source")[0]!);
  assert.match(source, /Test survey, Test council\. Licence: OGL v3\.0\./);
  assert.match(source, /Boundaries: ONS\./);
  assert.ok(!svg.includes(SYNTHETIC_LABEL));
});

test("compare mode marks each ward with its rating's symbol as well as its colour", () => {
  const model = mapImageModel(mapInput({ mode: "compare" }));
  const byCode = new Map(model.areas.map((a) => [a.code, a]));
  // Benchmark 20 (19–21): East 40 (35–45) is better, West 10 (8–12) worse, Middle 20 (15–25) similar.
  assert.equal(byCode.get("E05000003")!.symbol, "✓");
  assert.equal(byCode.get("E05000001")!.symbol, "✕");
  assert.equal(byCode.get("E05000002")!.symbol, "≈");
  assert.equal(byCode.get("E05000004")!.symbol, undefined);
  assert.match(byCode.get("E05000003")!.label, /Better than Testborough/);
  const doc = parseXml(renderMapSvg(model));
  const symbols = findAll(doc, (e) => e.attrs["data-part"] === "symbols")[0]!;
  const drawn = Object.fromEntries(symbols.children.map((g) => [g.attrs["data-area-code"], g.children[1]!.text]));
  assert.deepEqual(drawn, { E05000001: "✕", E05000002: "≈", E05000003: "✓" });
});

test("synthetic figures carry the label in the header and across the map", () => {
  const svg = renderMapSvg(mapImageModel(mapInput({ indicator: { ...indicator, synthetic: true } })));
  const doc = parseXml(svg);
  const labels = findAll(doc, (e) => e.name === "text" && e.text === SYNTHETIC_LABEL);
  assert.equal(labels.length, 2);
  assert.match(allText(findAll(doc, (e) => e.name === "desc")[0]!), /SYNTHETIC DATA/);
  // A synthetic row in a real indicator (an imported survey mixed with demo rows) counts too.
  const wards = mapInput().wards;
  wards[0]!.observation = { ...wards[0]!.observation!, synthetic: true };
  assert.ok(renderMapSvg(mapImageModel(mapInput({ wards }))).includes(SYNTHETIC_LABEL));
});

test("small and tall requests keep their pixel size and stay well-formed", () => {
  for (const [width, height] of [
    [320, 200],
    [320, 1600],
    [2400, 200],
    [2400, 1600],
  ] as const) {
    const doc = parseXml(renderMapSvg(mapImageModel(mapInput({ width, height }))));
    assert.equal(doc.attrs.width, String(width));
    assert.equal(doc.attrs.height, String(height));
    const [, , vw, vh] = doc.attrs.viewBox!.split(" ").map(Number);
    assert.ok(Math.abs(vw! / vh! - width / height) < 0.01, "the viewBox keeps the requested shape");
    assert.equal(findAll(doc, (e) => hasClass(e, "ward")).length, 4);
  }
});

function trendInput(overrides: Partial<TrendImageInput> = {}): TrendImageInput {
  const at = (period: string, value: number | null, ci: [number, number] | null, extra: Partial<Observation> = {}) =>
    observation(value, ci, { period, ...extra });
  return {
    indicator,
    area: { name: "Central", type: "ward" },
    benchmark: { name: "Testborough" },
    points: [
      { period: "2021", area: at("2021", 30, [25, 35]), benchmark: at("2021", 20, [19, 21]) },
      { period: "2022", area: at("2022", null, null, { suppressed: true }), benchmark: at("2022", 22, [21, 23]) },
      { period: "2023", area: at("2023", 10, [5, 15]), benchmark: at("2023", 21, [20, 22]) },
      { period: "2024", area: at("2024", 40, [30, 50]), benchmark: at("2024", 23, [22, 24]) },
    ],
    sources: [{ title: "Test survey", publisher: "Test council", licence: "OGL v3.0" }],
    width: 900,
    height: 500,
    ...overrides,
  };
}

/** y coordinates of a path's points. */
const ysOf = (d: string) => [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));

test("the trend document: one path per series, higher values drawn higher, a gap where suppressed", () => {
  const model = trendImageModel(trendInput());
  const doc = parseXml(renderTrendSvg(model));
  assert.equal(doc.attrs.width, "900");
  assert.equal(doc.attrs.height, "500");
  const series = findAll(doc, (e) => e.name === "path" && hasClass(e, "series"));
  assert.deepEqual(
    series.map((s) => s.attrs.class),
    ["series series-benchmark", "series series-area"],
  );
  const area = series[1]!.attrs.d!;
  // 30, (gap), 10, 40: the line restarts after the suppressed period.
  assert.equal((area.match(/M/g) ?? []).length, 2);
  const [y30, y10, y40] = ysOf(area);
  assert.ok(y40! < y30! && y30! < y10!, "SVG y grows downwards");
  const benchmark = ysOf(series[0]!.attrs.d!);
  assert.equal(benchmark.length, 4);
  // Benchmark 20 is drawn between the area's 10 and 30.
  assert.ok(benchmark[0]! < y10! && benchmark[0]! > y30!);
  // The band covers each interval: its top edge is above the line, its bottom edge below.
  const band = findAll(doc, (e) => e.name === "path" && hasClass(e, "band"));
  assert.equal(band.length, 1);
  assert.ok(Math.min(...ysOf(band[0]!.attrs.d!)) < y40!);
  const text = drawnText(doc);
  assert.match(text, /Central ward and Testborough, 2021 to 2024/);
  assert.match(text, /Not shown for Central ward: 2022 \(suppressed/);
  assert.match(text, /Latest \(2024\): Central ward 40\.0% \(95% CI 30\.0% to 50\.0%\); Testborough 23\.0%/);
  assert.ok(!text.includes(SYNTHETIC_LABEL));
});

test("a trend without benchmark figures draws the area alone; synthetic trends are labelled", () => {
  const points = trendInput().points.map((p) => ({ ...p, benchmark: null }));
  const doc = parseXml(renderTrendSvg(trendImageModel(trendInput({ points, benchmark: { name: "Region" } }))));
  assert.deepEqual(
    findAll(doc, (e) => hasClass(e, "series")).map((s) => s.attrs.class),
    ["series series-area"],
  );
  assert.ok(!drawnText(doc).includes("Region"));
  const synthetic = renderTrendSvg(trendImageModel(trendInput({ indicator: { ...indicator, synthetic: true } })));
  assert.ok(findAll(parseXml(synthetic), (e) => e.text === SYNTHETIC_LABEL).length >= 1);
});
