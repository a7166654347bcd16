/**
 * Text as XML character data, in attributes too: `&`, `<`, `>` and `"` as entities. The one
 * escaper of the XML Stepwright's diagrams hold: Graphviz's HTML-like labels and the SVG's titles.
 */
export const xmlText = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
