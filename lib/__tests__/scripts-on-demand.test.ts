import { test } from "node:test";
import assert from "node:assert/strict";
import vm from "node:vm";
import {
  deferPageScripts,
  frameworkScripts,
  HELD_SCRIPT_TYPE,
  NEEDS_SCRIPTS_ATTRIBUTE,
  ON_REACH,
  REACH_WATCHER_FLAG,
  REACHED_ATTRIBUTE,
  REACHED_EVENT,
  reachWatcher,
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
const NEAR_SELECTOR = `[${NEEDS_SCRIPTS_ATTRIBUTE}]:not([${NEEDS_SCRIPTS_ATTRIBUTE}="${ON_REACH}"])`;
const REACH_SELECTOR = `[${NEEDS_SCRIPTS_ATTRIBUTE}="${ON_REACH}"]`;

function runLoader({
  marked,
  onReach = 0,
  reachedAlready = false,
  intersectionObserver = true,
}: {
  marked: number;
  onReach?: number;
  reachedAlready?: boolean;
  intersectionObserver?: boolean;
}) {
  const added: { src?: string; text?: string; async?: boolean; noModule?: boolean }[] = [];
  const observers: { callback: (entries: { isIntersecting: boolean }[]) => void; observed: number; off: boolean }[] =
    [];
  const listeners: Record<string, () => void> = {};
  const document = {
    readyState: "loading",
    addEventListener: (type: string, listener: () => void) => (listeners[type] = listener),
    querySelector: (selector: string) => {
      if (selector === REACH_SELECTOR) return onReach > 0 ? {} : null;
      assert.equal(selector, `[${REACHED_ATTRIBUTE}]`);
      return reachedAlready ? {} : null;
    },
    querySelectorAll: (selector: string) => {
      if (selector === `script[type="${HELD_SCRIPT_TYPE}"]`) return [{ text: "first()" }, { text: "second()" }];
      assert.equal(selector, NEAR_SELECTOR);
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
    reached: () => listeners[REACHED_EVENT]?.(),
  };
}

const LOADED_IN_ORDER = [
  // The held payload first, in order, then the files.
  ["first()", false, false],
  ["second()", false, false],
  ["/_next/static/chunks/one.js", true, false],
  ["/_next/static/chunks/legacy.js", false, true],
  ["/_next/static/chunks/two.js", true, false],
];
const loaded = (added: { src?: string; text?: string; async?: boolean; noModule?: boolean }[]) =>
  added.map((s) => [s.src ?? s.text, s.async === true, s.noModule === true]);

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
  assert.deepEqual(loaded(browser.added), LOADED_IN_ORDER);
  assert.equal(browser.observers[0]!.off, true, "stops watching once loaded");
});

test("with no marked part the loader never loads anything; without IntersectionObserver it loads at once", () => {
  const unmarked = runLoader({ marked: 0 });
  unmarked.domContentLoaded();
  assert.equal(unmarked.observers.length, 0);
  assert.equal(unmarked.added.length, 0);
  unmarked.reached();
  assert.equal(unmarked.added.length, 0, "a reach event means nothing on a page without parts that wait for one");

  const old = runLoader({ marked: 1, intersectionObserver: false });
  old.domContentLoaded();
  assert.equal(old.added.length, 5);
});

test("parts that wait to be reached for load nothing as they near the viewport, and everything once reached", () => {
  const browser = runLoader({ marked: 0, onReach: 1 });
  browser.domContentLoaded();
  assert.equal(browser.observers.length, 0, "no viewport watching for them");
  assert.equal(browser.added.length, 0);
  browser.reached();
  browser.reached();
  assert.deepEqual(loaded(browser.added), LOADED_IN_ORDER);

  // Reached before the loader looked (the page still loading): it loads at once.
  const early = runLoader({ marked: 0, onReach: 1, reachedAlready: true });
  early.domContentLoaded();
  assert.deepEqual(loaded(early.added), LOADED_IN_ORDER);

  // Both kinds on one page: whichever comes first loads everything, once.
  const mixed = runLoader({ marked: 1, onReach: 1 });
  mixed.domContentLoaded();
  assert.equal(mixed.observers[0]!.observed, 1);
  mixed.reached();
  mixed.intersect(true);
  assert.deepEqual(loaded(mixed.added), LOADED_IN_ORDER);
  assert.equal(mixed.observers[0]!.off, true);
});

// The reach watcher, run in a small stand-in for a browser: a map part on the page, events and scrolling.
function runReachWatcher({ top, height, viewport = 800 }: { top: number; height: number; viewport?: number }) {
  const listeners: Record<string, ((event: { target: unknown }) => void)[]> = {};
  const dispatched: string[] = [];
  const attributes = new Set<string>();
  const part = {
    rect: { top, bottom: top + height, height },
    hasAttribute: (name: string) => attributes.has(name),
    setAttribute: (name: string) => attributes.add(name),
    getBoundingClientRect: () => part.rect,
    dispatchEvent: (event: { type: string; bubbles: boolean }) => {
      assert.equal(event.bubbles, true);
      dispatched.push(event.type);
    },
  };
  const inside = { closest: (selector: string) => (selector === REACH_SELECTOR ? part : null) };
  const outside = { closest: () => null };
  const frames: (() => void)[] = [];
  const window: Record<string, unknown> = {
    innerHeight: viewport,
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    addEventListener: (type: string, listener: () => void) => (listeners[`window:${type}`] ??= []).push(listener),
  };
  const document = {
    addEventListener: (type: string, listener: (event: { target: unknown }) => void, options: unknown) => {
      // Captured, so nothing on the page can stop it first; passive, so scrolling never waits on it.
      assert.equal(JSON.stringify(options), JSON.stringify({ capture: true, passive: true }));
      (listeners[type] ??= []).push(listener);
    },
    querySelectorAll: (selector: string) => {
      assert.equal(selector, REACH_SELECTOR);
      return [part];
    },
  };
  class CustomEvent {
    constructor(
      readonly type: string,
      readonly options: { bubbles: boolean },
    ) {}
    get bubbles() {
      return this.options.bubbles;
    }
  }
  const context = { window, document, CustomEvent, Math };
  window.window = window;
  const watcher = reachWatcher();
  vm.runInNewContext(watcher, context);
  vm.runInNewContext(watcher, context); // a second copy on the page (a client-side navigation) adds nothing
  return {
    reached: () => attributes.has(REACHED_ATTRIBUTE),
    dispatched,
    fire: (type: string, onPart = true) =>
      (listeners[type] ?? []).forEach((listener) => listener({ target: onPart ? inside : outside })),
    scrollTo: (newTop: number) => {
      part.rect = { top: newTop, bottom: newTop + height, height };
      (listeners["window:scroll"] ?? []).forEach((listener) => listener({ target: null }));
      frames.splice(0).forEach((frame) => frame());
    },
    listenerCount: (type: string) => (listeners[type] ?? []).length,
    flag: () => window[REACH_WATCHER_FLAG],
  };
}

test("the reach watcher marks a part when the reader points at, touches, scrolls the wheel over or tabs into it, once", () => {
  for (const type of ["pointerover", "pointerdown", "touchstart", "wheel", "focusin"]) {
    const page = runReachWatcher({ top: 300, height: 420 });
    assert.equal(page.listenerCount(type), 1, `${type}: one listener, though the watcher ran twice`);
    page.fire(type, false);
    assert.equal(page.reached(), false, `${type} elsewhere on the page`);
    page.fire(type);
    page.fire(type);
    assert.equal(page.reached(), true, type);
    assert.deepEqual(page.dispatched, [REACHED_EVENT], `${type}: one event`);
    assert.equal(page.flag(), true);
  }
  const page = runReachWatcher({ top: 300, height: 420 });
  page.fire("click");
  page.fire("keydown");
  assert.equal(page.reached(), false, "only the reaching events count");
});

test("the reach watcher counts scrolling a part half into view, not arriving with it in view or a little scrolling", () => {
  const inView = runReachWatcher({ top: 100, height: 420 });
  assert.equal(inView.reached(), false, "in view on arrival: not reached by arriving");
  inView.scrollTo(60);
  assert.equal(inView.reached(), true, "the reader scrolled with it in view");

  const below = runReachWatcher({ top: 835, height: 420, viewport: 823 });
  below.scrollTo(700); // 123 px of 420 in view
  assert.equal(below.reached(), false);
  below.scrollTo(612); // 211 px: half of it
  assert.equal(below.reached(), true);

  // A part taller than the screen counts once it fills half the screen.
  const tall = runReachWatcher({ top: 900, height: 3000, viewport: 800 });
  tall.scrollTo(450);
  assert.equal(tall.reached(), false);
  tall.scrollTo(400);
  assert.equal(tall.reached(), true);
});
