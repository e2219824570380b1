/** The three kinds of article and the content folder (and Astro collection) each lives in. */
export const KINDS = ['symptom', 'cause', 'fix'] as const;
export type Kind = (typeof KINDS)[number];

export const ARTICLE_FOLDERS = { symptom: 'symptoms', cause: 'causes', fix: 'fixes' } as const satisfies Record<
  Kind,
  string
>;
export type ArticleCollection = (typeof ARTICLE_FOLDERS)[Kind];

/** Language-neutral records: the YAML file of each below content/. */
export const RECORD_FILES = {
  messages: 'messages.yaml',
  settings: 'settings.yaml',
  sources: 'sources/thread.yaml',
  references: 'references.yaml',
} as const;
export type RecordCollection = keyof typeof RECORD_FILES;
