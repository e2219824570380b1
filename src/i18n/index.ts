import type { Lang } from '../model/schemas/common.ts';
import { de } from './de.ts';
import { en, type UiKey } from './en.ts';

export const UI: Record<Lang, Record<UiKey, string>> = { de, en };

/** Returns a translator for one language; `{name}` placeholders are filled from `values`. */
export function useTranslations(lang: Lang) {
  return (key: UiKey, values: Readonly<{ [name: string]: string | number }> | object = {}) =>
    UI[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String((values as Record<string, unknown>)[name]) : whole,
    );
}

export function otherLang(lang: Lang): Lang {
  return lang === 'de' ? 'en' : 'de';
}

export type { UiKey };

/** Locale codes per language: BCP 47 for dates and numbers, Open Graph's form for link previews. */
export const LOCALES: Record<Lang, { bcp47: string; og: string }> = {
  de: { bcp47: 'de-DE', og: 'de_DE' },
  en: { bcp47: 'en-GB', og: 'en_US' },
};
