import { test } from "node:test";
import assert from "node:assert/strict";
import vm from "node:vm";
import {
  deferPageScripts,
  frameworkScripts,
  HELD_SCRIPT_TYPE,
  NEEDS_SCRIPTS_ATTRIBUTE,
  scriptLoader,
  SCRIPTS_ON_DEMAND_META,
} from "@/lib/scripts-on-demand";

// The shape of a page as Next 16 writes it (script tags, preload, Turbopack's inline chunk list, the
// RSC payload); the end-to-end test (e2e/scripts-on-demand.spec.ts) runs the rewrite on the real build.
const OPT_IN = `<meta name="${SCRIPTS_ON_DEMAND_META.name}" content="${SCRIPTS_ON_DEMAND_META.content}"/>`;
function nextPage({ optIn = true }: { optIn?: boolean } = {}): string {
  return (
    `<!DOCTYPE html><html lang="en-GB"><head><meta charSet="utf-8"/><style>body{}</style>` +
    `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a-1.js"/>` +
    `<script src="/_next/static/chunks/b-2.js" async=""></script>` +
    `<script src="/_next/static/chunks/turbopack-3.js" async=""></script>` +
    `<title>Central ward</title>${optIn ? OPT_IN : ""}<link rel="canonical" href="/areas/E05010807"/>` +
    `<script src="/_next/static/chunks/legacy-4.js" noModule=""></script></head>` +
    `<body><main><h1>Central</h1><div ${NEEDS_SCRIPTS_ATTRIBUTE}="">chart</div></main>` +
    `<script id="_R_">(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push({"otherChunks":["static/chunks/a-1.js"]});</script>` +
    `<script src="/_next/static/chunks/a-1.js" async=""></script>` +
    `<script>(self.__next_f=self.__next_f||[]).push([0])</script>` +
    `<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>` +
    `<script>$RC("B:0","S:0")</script></body></html>`
  );
}

test("a page that did not opt in is left exactly as Next wrote it", () => {
  const page = nextPage({ optIn: false });
  assert.equal(deferPageScripts(page), page);
});

test("an opt-in marker outside <head> (not where React puts it) does not count", () => {
  const page = nextPage({ optIn: false }).replace("<main>", `<main>${OPT_IN}`);
  assert.equal(deferPageScripts(page), page);
});

test("an opted-in page keeps its content, holds its payload scripts and hands its script files to one loader", () => {
  const page = nextPage();
  const rewritten = deferPageScripts(page);
  assert.doesNotMatch(rewritten, /<script src=/);
  assert.doesNotMatch(rewritten, /rel="preload" as="script"/);
  // The RSC payload is kept, inert, for the loader to run; other inline scripts run as before.
  assert.equal(rewritten.split(`<script type="${HELD_SCRIPT_TYPE}">`).length - 1, 2);
  assert.doesNotMatch(rewritten, /<script>[^<]*__next_f/);
  for (const kept of [
    "<h1>Central</h1>",
    '<link rel="canonical" href="/areas/E05010807"/>',
    '<script id="_R_">',
    `<script type="${HELD_SCRIPT_TYPE}">(self.__next_f=self.__next_f||[]).push([0])</script>`,
    `<script type="${HELD_SCRIPT_TYPE}">self.__next_f.push([1,`,
    '<script>$RC("B:0","S:0")</script>',
    OPT_IN,
  ]) {
    assert.ok(rewritten.includes(kept), `kept ${kept}`);
  }
  // The loader sits in <head> and names every file, in document order, once.
  const head = rewritten.slice(0, rewritten.indexOf("</head>"));
  assert.equal(head.split("<script>").length - 1, 1);
  assert.ok(head.includes(scriptLoader(frameworkScripts(page))));
  assert.deepEqual(frameworkScripts(page), [
    { src: "/_next/static/chunks/b-2.js", noModule: false },
    { src: "/_next/static/chunks/turbopack-3.js", noModule: false },
    { src: "/_next/static/chunks/legacy-4.js", noModule: true },
    { src: "/_next/static/chunks/a-1.js", noModule: false },
  ]);
});

test("an opted-in page with no framework script (Next's output changed) is left alone", () => {
  const page = nextPage().replace(/<script src="[^"]+"[^>]*><\/script>/g, "");
  assert.equal(deferPageScripts(page), page);
});

test("the loader's list cannot close its <script> tag", () => {
  const loader = scriptLoader([{ src: "/_next/static/chunks/x.js</script><script>alert(1)//", noModule: false }]);
  assert.doesNotMatch(loader, /<\/script/i);
});

// The loader, run in a small stand-in for a browser: what it adds to <head>, and when.
function runLoader({ marked, intersectionObserver = true }: { marked: number; intersectionObserver?: boolean }) {
  const added: { src?: string; text?: string; async?: boolean; noModule?: boolean }[] = [];
  const observers: { callback: (entries: { isIntersecting: boolean }[]) => void; observed: number; off: boolean }[] =
    [];
  const listeners: Record<string, () => void> = {};
  const document = {
    readyState: "loading",
    addEventListener: (type: string, listener: () => void) => (listeners[type] = listener),
    querySelectorAll: (selector: string) => {
      if (selector === `script[type="${HELD_SCRIPT_TYPE}"]`) return [{ text: "first()" }, { text: "second()" }];
      assert.equal(selector, `[${NEEDS_SCRIPTS_ATTRIBUTE}]`);
      return Array.from({ length: marked }, () => ({}));
    },
    createElement: (tag: string) => {
      assert.equal(tag, "script");
      return {};
    },
    head: { appendChild: (script: (typeof added)[number]) => added.push(script) },
  };
  const window: Record<string, unknown> = {};
  if (intersectionObserver) {
    window.IntersectionObserver = class {
      state = { callback: (() => {}) as (entries: { isIntersecting: boolean }[]) => void, observed: 0, off: false };
      constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
        this.state.callback = callback;
        observers.push(this.state);
      }
      observe() {
        this.state.observed++;
      }
      disconnect() {
        this.state.off = true;
      }
    };
  }
  const scripts = [
    { src: "/_next/static/chunks/one.js", noModule: false },
    { src: "/_next/static/chunks/legacy.js", noModule: true },
    { src: "/_next/static/chunks/two.js", noModule: false },
  ];
  vm.runInNewContext(scriptLoader(scripts), { document, window, ...window });
  return {
    added,
    observers,
    domContentLoaded: () => listeners.DOMContentLoaded?.(),
    intersect: (isIntersecting: boolean) => observers.forEach((o) => o.callback([{ isIntersecting }])),
  };
}

test("the loader adds nothing until a marked part nears the viewport, then runs and adds every script once, in order", () => {
  const browser = runLoader({ marked: 2 });
  assert.equal(browser.added.length, 0);
  browser.domContentLoaded();
  assert.equal(browser.observers.length, 1);
  assert.equal(browser.observers[0]!.observed, 2);
  browser.intersect(false);
  assert.equal(browser.added.length, 0, "nothing while the parts are far away");
  browser.intersect(true);
  browser.intersect(true);
  assert.deepEqual(
    browser.added.map((s) => [s.src ?? s.text, s.async === true, s.noModule === true]),
    [
      // The held payload first, in order, then the files.
      ["first()", false, false],
      ["second()", false, false],
      ["/_next/static/chunks/one.js", true, false],
      ["/_next/static/chunks/legacy.js", false, true],
      ["/_next/static/chunks/two.js", true, false],
    ],
  );
  assert.equal(browser.observers[0]!.off, true, "stops watching once loaded");
});

test("with no marked part the loader never loads anything; without IntersectionObserver it loads at once", () => {
  const unmarked = runLoader({ marked: 0 });
  unmarked.domContentLoaded();
  assert.equal(unmarked.observers.length, 0);
  assert.equal(unmarked.added.length, 0);

  const old = runLoader({ marked: 1, intersectionObserver: false });
  old.domContentLoaded();
  assert.equal(old.added.length, 5);
});
