import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { causeSchema } from './model/schemas/cause.ts';
import { fixSchema } from './model/schemas/fix.ts';
import { messageSchema } from './model/schemas/message.ts';
import { referenceSchema } from './model/schemas/reference.ts';
import { settingSchema } from './model/schemas/setting.ts';
import { sourceRecordSchema } from './model/schemas/source.ts';
import { symptomSchema } from './model/schemas/symptom.ts';

// Articles live in content/<kind>/<lang>/<slug>.mdx; the entry id keeps the language folder so
// that a German and an English file may share a slug.
const articles = (folder: string) => glob({ pattern: '*/*.mdx', base: `./content/${folder}` });

export const collections = {
  symptoms: defineCollection({ loader: articles('symptoms'), schema: symptomSchema }),
  causes: defineCollection({ loader: articles('causes'), schema: causeSchema }),
  fixes: defineCollection({ loader: articles('fixes'), schema: fixSchema }),
  messages: defineCollection({ loader: file('./content/messages.yaml'), schema: messageSchema }),
  settings: defineCollection({ loader: file('./content/settings.yaml'), schema: settingSchema }),
  sources: defineCollection({ loader: file('./content/sources/thread.yaml'), schema: sourceRecordSchema }),
  references: defineCollection({ loader: file('./content/references.yaml'), schema: referenceSchema }),
};
