/** The .reg files of registry fixes, generated at build time from content/settings.yaml. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { encodeRegFile, regFileText, registrySettings } from '../../../../lib/commands.ts';
import type { FixNode } from '../../../../model/graph.ts';
import { getGraph } from '../../../../model/collections.ts';
import { KIND_SEGMENTS, regFilePath } from '../../../../model/routes.ts';
import { LANGS } from '../../../../model/schemas/common.ts';

export const getStaticPaths = (async () => {
  const graph = await getGraph();
  return LANGS.flatMap((lang) =>
    graph.fixes(lang).flatMap((fix: FixNode) => {
      const settings = registrySettings(fix.data.settings.map((id) => graph.settings.get(id)!));
      if (settings.length === 0) return [];
      return (['apply', 'undo'] as const).map((which) => ({
        params: {
          lang,
          section: KIND_SEGMENTS[lang].fix,
          slug: fix.slug,
          file: regFilePath(lang, fix.slug, which).split('/').pop()!,
        },
        props: { body: encodeRegFile(regFileText(settings, which)) },
      }));
    }),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props.body as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
