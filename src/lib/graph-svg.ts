/**
 * A picture of the knowledge graph, drawn at build time as plain SVG: three columns
 * (symptoms -> causes -> fixes), a curve for every edge and a link for every box. Pure TypeScript,
 * no libraries, no inline styles (the Content-Security-Policy forbids them): colours come from CSS
 * classes on the page. Layout and drawing are separate so the layout can be unit-tested.
 */
import type { KnowledgeGraph, SymptomNode } from '../model/graph.ts';

export const COLUMNS = ['symptom', 'cause', 'fix'] as const;
export type Column = (typeof COLUMNS)[number];

export interface MapNode {
  id: string;
  column: Column;
  title: string;
  href: string;
  /** Extra classes for the box, e.g. "risk-high". */
  classes?: string[];
  /** A small second line under the title, e.g. the risk in words (so colour is not the only cue). */
  note?: string;
}

export interface MapEdge {
  from: string;
  to: string;
}

export interface MapInput {
  nodes: MapNode[];
  edges: MapEdge[];
}

export interface LayoutOptions {
  columnWidth: number;
  /** Horizontal space between columns, where the edges run. */
  gap: number;
  /** Vertical space between boxes. */
  nodeGap: number;
  fontSize: number;
  lineHeight: number;
  /** Average width of a character, for wrapping; on the generous side so text stays inside. */
  charWidth: number;
  padX: number;
  padY: number;
  /** Room above the boxes for the column headings. */
  top: number;
  margin: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  columnWidth: 240,
  gap: 64,
  nodeGap: 12,
  fontSize: 13,
  lineHeight: 17,
  charWidth: 7.1,
  padX: 10,
  padY: 8,
  top: 34,
  margin: 4,
};

export interface PlacedNode extends MapNode {
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

export interface PlacedEdge extends MapEdge {
  d: string;
}

export interface MapLayout {
  width: number;
  height: number;
  options: LayoutOptions;
  columns: { column: Column; x: number }[];
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/**
 * Breaks text into lines of at most maxChars: at spaces; a longer word after its hyphens or
 * between the words of a CamelCase name (LocalAccount|TokenFilterPolicy); else anywhere.
 */
export function wrapWords(text: string, maxChars: number): string[] {
  // Pieces of a word that was broken up are glued to the next piece without a space.
  const pieces: { text: string; glue: boolean }[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const parts = word.length <= maxChars ? [word] : word.split(/(?<=-)/);
    parts.forEach((part, i) => {
      let rest = part;
      while (rest.length > maxChars) {
        const humps = [...rest.slice(1, maxChars + 1).matchAll(/(?<=[a-z])(?=[A-Z])/g)].map((m) => m.index + 1);
        const cut = humps.at(-1) ?? maxChars;
        pieces.push({ text: rest.slice(0, cut), glue: true });
        rest = rest.slice(cut);
      }
      pieces.push({ text: rest, glue: i < parts.length - 1 });
    });
  }
  const lines: string[] = [];
  let line = '';
  let glue = false;
  for (const piece of pieces) {
    const joined = line ? line + (glue ? '' : ' ') + piece.text : piece.text;
    if (joined.length <= maxChars) line = joined;
    else {
      if (line) lines.push(line);
      line = piece.text;
    }
    glue = piece.glue;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Orders each column by the average position of its neighbours (a few barycentre sweeps), so
 * edges cross less; ties keep the input order.
 */
function orderColumns(input: MapInput): Map<Column, MapNode[]> {
  const columns = new Map<Column, MapNode[]>(COLUMNS.map((c) => [c, input.nodes.filter((n) => n.column === c)]));
  const neighbours = new Map<string, Set<string>>();
  for (const { from, to } of input.edges) {
    if (!neighbours.has(from)) neighbours.set(from, new Set());
    if (!neighbours.has(to)) neighbours.set(to, new Set());
    neighbours.get(from)!.add(to);
    neighbours.get(to)!.add(from);
  }
  const reorder = (column: Column, by: Column) => {
    const index = new Map(columns.get(by)!.map((n, i) => [n.id, i]));
    const nodes = columns.get(column)!;
    const weight = new Map(
      nodes.map((node, i) => {
        const positions = [...(neighbours.get(node.id) ?? [])]
          .filter((id) => index.has(id))
          .map((id) => index.get(id)!);
        return [node.id, positions.length ? positions.reduce((a, b) => a + b, 0) / positions.length : i];
      }),
    );
    const original = new Map(nodes.map((n, i) => [n.id, i]));
    columns.set(
      column,
      [...nodes].sort((a, b) => weight.get(a.id)! - weight.get(b.id)! || original.get(a.id)! - original.get(b.id)!),
    );
  };
  for (let sweep = 0; sweep < 2; sweep++) {
    reorder('cause', 'symptom');
    reorder('fix', 'cause');
    reorder('cause', 'fix');
    reorder('symptom', 'cause');
  }
  reorder('cause', 'symptom');
  reorder('fix', 'cause');
  return columns;
}

export function layoutMap(input: MapInput, options: LayoutOptions = DEFAULT_LAYOUT): MapLayout {
  const ids = new Set<string>();
  for (const node of input.nodes) {
    if (ids.has(node.id)) throw new Error(`graph map: the node "${node.id}" is given twice`);
    ids.add(node.id);
  }
  for (const edge of input.edges)
    if (!ids.has(edge.from) || !ids.has(edge.to))
      throw new Error(`graph map: the edge ${edge.from} -> ${edge.to} names a node that is not on the map`);

  const { columnWidth, gap, nodeGap, lineHeight, charWidth, padX, padY, top, margin } = options;
  const maxChars = Math.floor((columnWidth - 2 * padX) / charWidth);
  const columns = COLUMNS.map((column, i) => ({ column, x: margin + i * (columnWidth + gap) }));
  const ordered = orderColumns(input);

  // Symptoms stack from the top; every later box sits level with the boxes it connects to in the
  // column before (the mean of their centres), or as high below its neighbour as there is room.
  const columnOf = new Map(input.nodes.map((n) => [n.id, n.column]));
  const centre = new Map<string, number>();
  const nodes: PlacedNode[] = [];
  COLUMNS.forEach((column, i) => {
    let cursor = top;
    for (const node of ordered.get(column)!) {
      const lines = wrapWords(node.title, maxChars);
      const height = 2 * padY + (lines.length + (node.note ? 1 : 0)) * lineHeight;
      const before = input.edges
        .flatMap(({ from, to }) => (from === node.id ? [to] : to === node.id ? [from] : []))
        .filter((id) => columnOf.get(id) === COLUMNS[i - 1])
        .map((id) => centre.get(id)!);
      const ideal = before.length ? before.reduce((a, b) => a + b, 0) / before.length - height / 2 : cursor;
      const y = Math.round(Math.max(cursor, ideal));
      nodes.push({ ...node, lines, x: columns[i].x, y, width: columnWidth, height });
      centre.set(node.id, y + height / 2);
      cursor = y + height + nodeGap;
    }
  });
  const bottom = Math.max(top, ...nodes.map((n) => n.y + n.height));

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = input.edges.map((edge): PlacedEdge => {
    const a = byId.get(edge.from)!;
    const b = byId.get(edge.to)!;
    const [left, right] = a.x <= b.x ? [a, b] : [b, a];
    const x1 = left.x + left.width;
    const y1 = left.y + left.height / 2;
    const x2 = right.x;
    const y2 = right.y + right.height / 2;
    const bend = (x2 - x1) / 2;
    return { ...edge, d: `M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}` };
  });

  return {
    width: margin * 2 + COLUMNS.length * columnWidth + (COLUMNS.length - 1) * gap,
    height: bottom + margin,
    options,
    columns,
    nodes,
    edges,
  };
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface MapLabels {
  /** Prefix for the ids inside the SVG, unique on the page. */
  id: string;
  title: string;
  desc: string;
  headings: Record<Column, string>;
}

/** The SVG markup of a layout: one <a> per node, one <path> per edge, no style attributes. */
export function renderMapSvg(layout: MapLayout, labels: MapLabels): string {
  const { fontSize, lineHeight, padX, padY } = layout.options;
  const n = (value: number) => String(Math.round(value * 10) / 10);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="graph-svg" viewBox="0 0 ${layout.width} ${n(layout.height)}"` +
      ` width="${layout.width}" height="${n(layout.height)}" font-size="${fontSize}" role="group"` +
      ` aria-labelledby="${labels.id}-title" aria-describedby="${labels.id}-desc">`,
    `<title id="${labels.id}-title">${escapeXml(labels.title)}</title>`,
    `<desc id="${labels.id}-desc">${escapeXml(labels.desc)}</desc>`,
  );
  for (const { column, x } of layout.columns)
    out.push(
      `<text class="heading" x="${x + padX}" y="${n(layout.options.top - 12)}" aria-hidden="true">${escapeXml(labels.headings[column])}</text>`,
    );
  out.push('<g class="edges" aria-hidden="true">');
  for (const edge of layout.edges)
    out.push(`<path class="edge" d="${edge.d}" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}"/>`);
  out.push('</g>');
  for (const node of layout.nodes) {
    const classes = ['node', node.column, ...(node.classes ?? [])].join(' ');
    const baseline = node.y + padY + fontSize;
    const lines = node.lines.map(
      (line, i) => `<tspan x="${node.x + padX}" y="${n(baseline + i * lineHeight)}">${escapeXml(line)}</tspan>`,
    );
    if (node.note)
      lines.push(
        `<tspan class="note" x="${node.x + padX}" y="${n(baseline + node.lines.length * lineHeight)}">${escapeXml(node.note)}</tspan>`,
      );
    out.push(
      `<a class="${escapeXml(classes)}" href="${escapeXml(node.href)}" data-id="${escapeXml(node.id)}">` +
        `<rect x="${node.x}" y="${n(node.y)}" width="${node.width}" height="${n(node.height)}" rx="6"/>` +
        `<text>${lines.join('')}</text></a>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

/**
 * The map's nodes and edges for some symptoms: each symptom, its causes and their fixes. Given all
 * of a language's symptoms it is the whole graph, since every cause and fix hangs off a symptom.
 */
export function graphMapInput(
  graph: KnowledgeGraph,
  symptoms: SymptomNode[],
  riskLabel: (level: string) => string,
): MapInput {
  const causes = [...new Set(symptoms.flatMap((s) => graph.causesOf(s)))];
  const fixes = [...new Set(causes.flatMap((c) => graph.fixesOf(c)))];
  const nodes: MapNode[] = [
    ...symptoms.map((s): MapNode => ({ id: s.id, column: 'symptom', title: s.data.title, href: s.url })),
    ...causes.map((c): MapNode => ({ id: c.id, column: 'cause', title: c.data.title, href: c.url })),
    ...fixes.map((f): MapNode => ({
      id: f.id,
      column: 'fix',
      title: f.data.title,
      href: f.url,
      classes: [`risk-${f.data.risk.level}`],
      note: riskLabel(f.data.risk.level),
    })),
  ];
  const edges: MapEdge[] = [
    ...symptoms.flatMap((s) => graph.causesOf(s).map((c) => ({ from: s.id, to: c.id }))),
    ...causes.flatMap((c) => graph.fixesOf(c).map((f) => ({ from: c.id, to: f.id }))),
  ];
  return { nodes, edges };
}
