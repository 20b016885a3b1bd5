/**
 * Puts a line of text at the top of every printed page (Chromium's @page margin boxes), so a
 * page torn from a committee pack still says which ward and period it shows.
 */
export function PrintRunningHeader({ text }: { text: string }) {
  // A CSS string: escape backslashes and quotes, drop anything that could end the style element.
  const css = text.replace(/[\\"]/g, "\\$&").replace(/[<>\n\r]/g, " ");
  return (
    <style>{`@media print { @page { @top-left { content: "${css}"; font: 9pt system-ui, sans-serif; } } }`}</style>
  );
}
