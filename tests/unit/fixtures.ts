/** A tiny, valid knowledge base in both languages; each test breaks one thing in a copy of it. */
import type { ArticleInput, ContentInput } from '../../src/model/graph.ts';
import { causeSchema } from '../../src/model/schemas/cause.ts';
import { fixSchema } from '../../src/model/schemas/fix.ts';
import type { RegistrySetting } from '../../src/model/schemas/setting.ts';
import { symptomSchema } from '../../src/model/schemas/symptom.ts';

/** A real registry setting (the guest logon value), valid as it stands. */
export const guestSetting: RegistrySetting = {
  id: 'reg',
  kind: 'registry',
  hive: 'HKLM',
  key: 'SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation\\Parameters',
  name: 'AllowInsecureGuestAuth',
  type: 'REG_DWORD',
  data: 1,
  undo: { action: 'delete' },
  reference: 'ref',
};

const base = (id: string, lang: 'de' | 'en', translation: string) => ({
  id,
  lang,
  title: `Title of ${id}`,
  summary: `A summary of the article ${id}, long enough.`,
  translation,
  reviewed: '2026-11-26',
  origin: ['c2'],
});

function symptom(lang: 'de' | 'en', id: string, translation: string, cause: string) {
  return symptomSchema.parse({
    ...base(id, lang, translation),
    prevalence: 'common',
    messages: ['msg'],
    context: { windows: ['Windows 10'], direction: 'PC -> NAS', targets: ['nas'] },
    causes: [cause],
    status: 'solved',
  });
}
function cause(lang: 'de' | 'en', id: string, translation: string, fix: string) {
  return causeSchema.parse({ ...base(id, lang, translation), certainty: 'documented', fixes: [fix] });
}
export function fixData(lang: 'de' | 'en', id: string, translation: string, extra: Record<string, unknown> = {}) {
  return fixSchema.parse({
    ...base(id, lang, translation),
    kind: 'fix',
    risk: { level: 'none' },
    settings: ['reg'],
    today: [{ windows: 'Windows 11 24H2', status: 'applies', note: 'Still works.' }],
    evidence: [{ source: 'c2', outcome: 'worked', note: 'It worked.' }],
    ...extra,
  });
}

export function validContent(): ContentInput {
  const articles: ArticleInput[] = [
    { kind: 'symptom', filePath: 'content/symptoms/en/s.mdx', slug: 's', data: symptom('en', 's-en', 's-de', 'c-en') },
    { kind: 'symptom', filePath: 'content/symptoms/de/s.mdx', slug: 's', data: symptom('de', 's-de', 's-en', 'c-de') },
    { kind: 'cause', filePath: 'content/causes/en/c.mdx', slug: 'c', data: cause('en', 'c-en', 'c-de', 'f-en') },
    { kind: 'cause', filePath: 'content/causes/de/c.mdx', slug: 'c', data: cause('de', 'c-de', 'c-en', 'f-de') },
    { kind: 'fix', filePath: 'content/fixes/en/f.mdx', slug: 'f', data: fixData('en', 'f-en', 'f-de') },
    { kind: 'fix', filePath: 'content/fixes/de/f.mdx', slug: 'f', data: fixData('de', 'f-de', 'f-en') },
  ];
  return {
    articles,
    messages: [
      {
        id: 'msg',
        codes: ['1272'],
        where: 'net-use',
        en: { text: 'System error 1272 has occurred.', verification: 'microsoft', source: 'ref' },
        de: { text: 'Systemfehler 1272 aufgetreten.', verification: 'approximate' },
      },
    ],
    settings: [guestSetting],
    sources: [
      { id: 'post', kind: 'post', author: 'Günter Born', position: '0', builds: [], reports: { de: 'x', en: 'x' } },
      { id: 'c2', kind: 'comment', author: 'Juergen', position: '2', builds: [], reports: { de: 'x', en: 'x' } },
    ],
    references: [
      {
        id: 'ref',
        title: 'A Microsoft document',
        publisher: 'Microsoft',
        url: 'https://learn.microsoft.com/en-us/windows-server/storage/file-server/smb-signing',
        foundAt: 'a made-up fixture',
        checkedFor: ['Windows 11 24H2'],
      },
    ],
  };
}

/** The article with the given id, to break in a test. */
export function article(content: ContentInput, id: string): ArticleInput {
  const found = content.articles.find((a) => a.data.id === id);
  if (!found) throw new Error(`fixture has no article ${id}`);
  return found;
}

/** One short link as forums and readers leave it: punctuation an auto-linker took in, capitals, a slash. */
export const FORUM_FORMS_OF_A_SHORT_LINK = [
  '/kb/guest-access-blocked',
  '/kb/guest-access-blocked/',
  '/kb/guest-access-blocked.',
  '/kb/guest-access-blocked,',
  '/kb/guest-access-blocked)',
  '/kb/guest-access-blocked!',
  '/kb/Guest-Access-Blocked',
  '/kb/GUEST-ACCESS-BLOCKED/',
] as const;
