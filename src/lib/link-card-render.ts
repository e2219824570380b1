/**
 * Draws a link card (src/lib/link-card.ts) as a 1200x630 PNG: satori lays the card out as SVG with
 * the font shipped in @fontsource/noto-sans (no system font is used, so a fresh CI machine draws the
 * same picture), @resvg/resvg-js rasterises it. Cards are cached by a hash of what they show, the
 * font and the renderer versions, so a rebuild draws only cards whose text changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { CARD_HEIGHT, CARD_WIDTH, type CardSpec, type CardTone, type RiskLevel } from './link-card.ts';

/** Raise when the drawing below changes, so cached cards are drawn again. */
const CARD_STYLE_VERSION = 1;
const CACHE_DIR = join(process.cwd(), 'node_modules', '.cache', 'link-cards');

const require = createRequire(import.meta.url);
const font = (weight: 400 | 700) =>
  readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff`));

/** The site's icon (public/favicon.svg), drawn beside its name. */
const ICON = `data:image/svg+xml;base64,${readFileSync(join(process.cwd(), 'public', 'favicon.svg')).toString('base64')}`;

let setup: { fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]; salt: string } | undefined;
function fontsAndSalt() {
  if (!setup) {
    const fonts = ([400, 700] as const).map((weight) => ({
      name: 'Noto Sans',
      data: font(weight),
      weight,
      style: 'normal' as const,
    }));
    const hash = createHash('sha256');
    for (const f of fonts) hash.update(f.data);
    const versions = ['satori', '@resvg/resvg-js'].map(
      (name) =>
        (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version,
    );
    hash.update(JSON.stringify([CARD_STYLE_VERSION, versions, ICON]));
    setup = { fonts, salt: hash.digest('hex') };
  }
  return setup;
}

const TONES: Record<CardTone, string> = {
  symptom: '#0b57d0',
  cause: '#6f42c1',
  fix: '#1a7f37',
  workaround: '#9a6700',
  page: '#57606a',
};
const RISK_COLORS: Record<RiskLevel, { bg: string; fg: string }> = {
  none: { bg: '#dafbe1', fg: '#116329' },
  low: { bg: '#fff8c5', fg: '#7d4e00' },
  high: { bg: '#ffebe9', fg: '#a40e26' },
};

/** Long titles get a smaller font, so 120 characters (the schema's limit) still fit in four lines. */
function titleSize(title: string): number {
  if (title.length <= 45) return 76;
  if (title.length <= 70) return 64;
  if (title.length <= 95) return 56;
  return 48;
}

type El = { type: string; props: { style: Record<string, unknown>; children?: El | El[] | string; src?: string } };
const el = (type: string, style: Record<string, unknown>, children?: El | El[] | string): El => ({
  type,
  props: { style, children },
});

function layout(spec: CardSpec): El {
  const tone = TONES[spec.tone];
  const top = [el('div', { display: 'flex', fontSize: 32, fontWeight: 700, color: tone, letterSpacing: 1 }, spec.kind)];
  if (spec.risk) {
    const { bg, fg } = RISK_COLORS[spec.risk.level];
    top.push(
      el(
        'div',
        {
          display: 'flex',
          fontSize: 28,
          fontWeight: 700,
          color: fg,
          background: bg,
          borderRadius: 999,
          padding: '6px 24px',
        },
        spec.risk.label,
      ),
    );
  }
  return el(
    'div',
    { width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', background: '#ffffff', fontFamily: 'Noto Sans' },
    [
      el('div', { width: 28, height: '100%', background: tone }),
      el(
        'div',
        {
          flex: 1,
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '56px 72px 52px 64px',
          color: '#1b1f24',
        },
        [
          el('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'center' }, top),
          el(
            'div',
            { display: 'flex', fontSize: titleSize(spec.title), fontWeight: 700, lineHeight: 1.18 },
            spec.title,
          ),
          el(
            'div',
            {
              display: 'flex',
              alignItems: 'center',
              fontSize: 30,
              color: '#57606a',
              borderTop: '2px solid #d0d7de',
              paddingTop: 24,
            },
            [
              { type: 'img', props: { src: ICON, width: 44, height: 44, style: { marginRight: 18 } } } as El,
              el('div', { display: 'flex', fontWeight: 700, color: '#1b1f24' }, spec.site),
            ],
          ),
        ],
      ),
    ],
  );
}

/** The card as PNG bytes, drawn or taken from the cache. */
export async function renderCard(spec: CardSpec): Promise<Uint8Array> {
  const { fonts, salt } = fontsAndSalt();
  const key = createHash('sha256').update(salt).update(JSON.stringify(spec)).digest('hex');
  const cached = join(CACHE_DIR, `${key}.png`);
  if (existsSync(cached)) return readFileSync(cached);
  const svg = await satori(layout(spec) as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
  });
  const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
  mkdirSync(CACHE_DIR, { recursive: true });
  // Written under a temporary name first: a build killed half-way leaves no broken card behind.
  const partial = `${cached}.${process.pid}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, cached);
  return png;
}
