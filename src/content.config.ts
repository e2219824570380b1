import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { ARTICLE_FOLDERS, RECORD_FILES } from './model/kinds.ts';
import { causeSchema } from './model/schemas/cause.ts';
import { fixSchema } from './model/schemas/fix.ts';
import { messageSchema } from './model/schemas/message.ts';
import { referenceSchema } from './model/schemas/reference.ts';
import { settingSchema } from './model/schemas/setting.ts';
import { sourceRecordSchema } from './model/schemas/source.ts';
import { symptomSchema } from './model/schemas/symptom.ts';

// Articles live in content/<kind>/<lang>/<slug>.mdx; the entry id keeps the language folder so
// that a German and an English file may share a slug. src/model/read.ts reads the same layout.
const articles = (folder: string) => glob({ pattern: '*/*.mdx', base: `./content/${folder}` });
const records = (name: keyof typeof RECORD_FILES) => file(`./content/${RECORD_FILES[name]}`);

export const collections = {
  [ARTICLE_FOLDERS.symptom]: defineCollection({ loader: articles(ARTICLE_FOLDERS.symptom), schema: symptomSchema }),
  [ARTICLE_FOLDERS.cause]: defineCollection({ loader: articles(ARTICLE_FOLDERS.cause), schema: causeSchema }),
  [ARTICLE_FOLDERS.fix]: defineCollection({ loader: articles(ARTICLE_FOLDERS.fix), schema: fixSchema }),
  messages: defineCollection({ loader: records('messages'), schema: messageSchema }),
  settings: defineCollection({ loader: records('settings'), schema: settingSchema }),
  sources: defineCollection({ loader: records('sources'), schema: sourceRecordSchema }),
  references: defineCollection({ loader: records('references'), schema: referenceSchema }),
};
