/**
 * Numbered steps get an anchor each (id="step-1", "step-2", … over the whole article body), so a
 * forum answer can point at one step: /kb/<id>#step-3. The ids are written into the HTML, so the
 * link works without JavaScript; only the "copy link" buttons are added by script (CopyButtons).
 */
import { Parser } from 'htmlparser2';

export const STEP_ID_PREFIX = 'step-';

/** Adds ids to the items of every ordered list that is not itself inside a list item. */
export function addStepAnchors(html: string): string {
  const inserts: number[] = [];
  const stack: { name: string; stepList: boolean }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = stack.at(-1);
        const insideItem = stack.some((e) => e.name === 'li');
        if (name === 'li' && parent?.stepList && !('id' in attributes)) inserts.push(parser.startIndex + '<li'.length);
        stack.push({ name, stepList: name === 'ol' && !insideItem });
      },
      onclosetag(name) {
        const index = stack.map((e) => e.name).lastIndexOf(name);
        if (index >= 0) stack.length = index;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  let out = '';
  let from = 0;
  inserts.forEach((at, i) => {
    out += `${html.slice(from, at)} id="${STEP_ID_PREFIX}${i + 1}"`;
    from = at;
  });
  return out + html.slice(from);
}
