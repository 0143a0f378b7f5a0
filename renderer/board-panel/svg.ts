/** A tiny SVG element builder, the drawing's counterpart of `ui/dom.ts`'s `h`. */
const SVG_NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number | undefined>;

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string | null>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) element.setAttribute(name, String(value));
  for (const child of children) if (child !== null) element.append(child);
  return element;
}

/** An HTML island inside the drawing (the OLED's canvas, the sliders). */
export function island(x: number, y: number, width: number, height: number, content: HTMLElement): SVGForeignObjectElement {
  return s('foreignObject', { x, y, width, height }, content);
}
