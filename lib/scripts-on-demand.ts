// Scripts on demand: a page that reads completely without JavaScript (the ward page, the home page) need
// not make a phone download, parse and hydrate Next's ~140 kB runtime before its reader has done anything.
// Such a page opts in by rendering <ScriptsOnDemand /> (a <meta> tag and the reach watcher below), and marks
// each part that needs JavaScript with NEEDS_SCRIPTS_ATTRIBUTE, saying when it needs it:
// - "" (near): once the part comes within a screen of the viewport (an interactive chart further down);
// - ON_REACH: once the reader reaches for it: points at it, touches it, turns the wheel over it, moves the
//   keyboard focus into it, or scrolls it into view (the home page's map, which is on the first screen: it
//   is there to look at before anyone uses it; the embed code).
// The front server (lib/server/front-cache.ts) then passes the page through `deferPageScripts`: Next's
// <script src> tags and script preloads are replaced by a small loader that adds the same scripts, in the
// same order, when a marked part asks. The inline scripts that carry the page's React Server Components
// payload (`self.__next_f.push(…)`, read only by hydration) are held as inert data until then too, and run
// first, in order. Until then the page is the server-rendered HTML it already is without JavaScript (links
// and GET forms work natively); after, Next hydrates it exactly as it would have on load. Pure string
// functions, shared by the components that write the markers and the server that reads them, so the two
// cannot drift apart.

/** The <meta> a page renders to opt in. */
export const SCRIPTS_ON_DEMAND_META = { name: "civic-pulse-scripts", content: "on-demand" } as const;

/** The attribute that marks an element needing JavaScript; its value says when (see above). */
export const NEEDS_SCRIPTS_ATTRIBUTE = "data-needs-scripts";
/** The value of NEEDS_SCRIPTS_ATTRIBUTE for a part that needs scripts once the reader reaches for it. */
export const ON_REACH = "on-reach";
/** Set by the reach watcher on a part the reader has reached for. */
export const REACHED_ATTRIBUTE = "data-reached";
/** Dispatched (bubbling) on a part when the reader reaches for it. */
export const REACHED_EVENT = "civic-pulse:reached";
/** Set on window by the reach watcher once it listens, so client code knows whether to wait for it. */
export const REACH_WATCHER_FLAG = "civicPulseReachWatcher";

const REACH_SELECTOR = `[${NEEDS_SCRIPTS_ATTRIBUTE}="${ON_REACH}"]`;
/**
 * What reaching for a part is: a pointer over it or pressed on it (a mouse hovering, a finger touching),
 * the wheel (zooming), or the keyboard focus moving into it.
 */
const REACH_EVENTS = ["pointerover", "pointerdown", "touchstart", "wheel", "focusin"] as const;

/** The type that keeps Next's inline payload scripts inert until the loader runs them. */
export const HELD_SCRIPT_TYPE = "text/x-civic-pulse-held";

/** Start loading when a marked element is this close: a screen ahead, so a scrolling reader rarely waits. */
const LOAD_AHEAD_MARGIN = "100% 0px";

/**
 * The reach watcher, an inline script that runs as the page is parsed, before (and without) Next's scripts:
 * it marks a part the reader reaches for (REACHED_ATTRIBUTE) and dispatches REACHED_EVENT on it, once. The
 * front server's loader listens for that event; client components that should wait for it (the Leaflet map:
 * components/layout/useReached.ts) read the mark and listen too. Scrolling counts when, after the reader
 * scrolled, at least half of the part (or half the screen, for a part taller than that) is in view: a part
 * already in view on arrival is not reached by arriving. Listeners sit on the document, so parts rendered
 * later (a client-side navigation) are watched too. Runs once per document.
 */
export function reachWatcher(): string {
  return (
    `(function(){var w=window,d=document;if(w.${REACH_WATCHER_FLAG})return;w.${REACH_WATCHER_FLAG}=true;` +
    `function reach(part){if(part.hasAttribute("${REACHED_ATTRIBUTE}"))return;part.setAttribute("${REACHED_ATTRIBUTE}","");` +
    `var e;try{e=new CustomEvent("${REACHED_EVENT}",{bubbles:true})}catch(x){e=d.createEvent("Event");e.initEvent("${REACHED_EVENT}",true,false)}` +
    `part.dispatchEvent(e)}` +
    `function onEvent(event){var t=event.target,part=t&&t.closest?t.closest('${REACH_SELECTOR}'):null;if(part)reach(part)}` +
    `${JSON.stringify(REACH_EVENTS)}.forEach(function(type){d.addEventListener(type,onEvent,{capture:true,passive:true})});` +
    `var queued=false;function check(){queued=false;var parts=d.querySelectorAll('${REACH_SELECTOR}'),h=w.innerHeight;` +
    `for(var i=0;i<parts.length;i++){var r=parts[i].getBoundingClientRect(),shown=Math.min(r.bottom,h)-Math.max(r.top,0);` +
    `if(r.height>0&&shown>=Math.min(r.height,h)/2)reach(parts[i])}}` +
    `w.addEventListener("scroll",function(){if(!queued){queued=true;w.requestAnimationFrame(check)}},{passive:true})})();`
  );
}

// Next writes these tags itself, in exactly this form (React's HTML serialiser); the patterns are
// strict on purpose, so that a change in Next's output leaves the page as Next wrote it (scripts
// loading at once) rather than half-rewritten. e2e/scripts-on-demand.spec.ts checks them on the real build.
const OPT_IN = new RegExp(`<meta name="${SCRIPTS_ON_DEMAND_META.name}" content="${SCRIPTS_ON_DEMAND_META.content}"/?>`);
const FRAMEWORK_SCRIPT = /<script src="(\/_next\/static\/[^"<>]+\.js)"((?: [A-Za-z]+="")*)><\/script>/g;
// The payload scripts: `(self.__next_f=self.__next_f||[]).push([0])`, then `self.__next_f.push([1,"…"])`.
const PAYLOAD_SCRIPT = /<script>((?:\(self\.__next_f=self\.__next_f\|\|\[\]\)|self\.__next_f)\.push\()/g;
const FRAMEWORK_PRELOAD =
  /<link rel="preload" as="script"(?: [A-Za-z]+="[^"<>]*")*? href="\/_next\/static\/[^"<>]+"\/>/g;

export interface DeferredScript {
  src: string;
  /** The legacy-browser bundle: added with noModule, so modern browsers skip it as they do now. */
  noModule: boolean;
}

/** The framework scripts a page's HTML loads, in document order. */
export function frameworkScripts(html: string): DeferredScript[] {
  return [...html.matchAll(FRAMEWORK_SCRIPT)].map((match) => ({
    src: match[1]!,
    noModule: /\bnoModule=""/i.test(match[2] ?? ""),
  }));
}

/**
 * The inline loader. When a part marked "near" nears the viewport, or the reader reaches for a part marked
 * ON_REACH (the reach watcher says so), it first runs the held payload scripts, in document order (an
 * inline script runs as it is inserted), then adds every script file in one pass (so Turbopack's runtime
 * finds all its chunks' tags, as in the original page). With no marked element nothing loads; without
 * IntersectionObserver the parts marked "near" load everything at once.
 */
export function scriptLoader(scripts: readonly DeferredScript[]): string {
  // JSON in a <script>: "<" is escaped so no value can close the tag.
  const list = JSON.stringify(scripts.map((s) => [s.src, s.noModule ? 1 : 0])).replace(/</g, "\\u003c");
  return (
    `(function(){var list=${list},d=document,done=false,watcher=null;` +
    `function load(){if(done)return;done=true;if(watcher)watcher.disconnect();` +
    `var held=d.querySelectorAll('script[type="${HELD_SCRIPT_TYPE}"]');` +
    `for(var h=0;h<held.length;h++){var run=d.createElement("script");run.text=held[h].text;d.head.appendChild(run)}` +
    `list.forEach(function(item){var s=d.createElement("script");s.src=item[0];` +
    `if(item[1])s.noModule=true;else s.async=true;d.head.appendChild(s)})}` +
    `function watch(){if(d.querySelector('${REACH_SELECTOR}')){` +
    `if(d.querySelector("[${REACHED_ATTRIBUTE}]")){load();return}d.addEventListener("${REACHED_EVENT}",load)}` +
    `var parts=d.querySelectorAll('[${NEEDS_SCRIPTS_ATTRIBUTE}]:not(${REACH_SELECTOR})');if(!parts.length)return;` +
    `if(!("IntersectionObserver" in window)){load();return}` +
    `watcher=new IntersectionObserver(function(entries){for(var i=0;i<entries.length;i++)` +
    `if(entries[i].isIntersecting){load();return}},{rootMargin:"${LOAD_AHEAD_MARGIN}"});` +
    `for(var i=0;i<parts.length;i++)watcher.observe(parts[i])}` +
    `if(d.readyState==="loading")d.addEventListener("DOMContentLoaded",watch);else watch()})();`
  );
}

/**
 * The page with its framework scripts loaded on demand, or the page unchanged when it did not opt in
 * or holds no framework script.
 */
export function deferPageScripts(html: string): string {
  const head = html.indexOf("</head>");
  if (head < 0 || !OPT_IN.test(html.slice(0, head))) return html;
  const scripts = frameworkScripts(html);
  if (scripts.length === 0) return html;
  const withoutScripts = html
    .replace(FRAMEWORK_SCRIPT, "")
    .replace(FRAMEWORK_PRELOAD, "")
    .replace(PAYLOAD_SCRIPT, `<script type="${HELD_SCRIPT_TYPE}">$1`);
  const at = withoutScripts.indexOf("</head>");
  return `${withoutScripts.slice(0, at)}<script>${scriptLoader(scripts)}</script>${withoutScripts.slice(at)}`;
}
