/**
 * Texts in Chinese and English, as the task pane and the web page both keep them: one table
 * per surface, Chinese first with English beside it, so a missing translation is a type error
 * rather than a blank button. This module holds the shape, the lookup, and the words both
 * surfaces show; each surface's own words stay in its i18n.ts.
 */
import type { Locale } from '../flow/index.js';

export type { Locale };

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The lookup of one table: `const t = lookup(TEXT); t('zh', 'title')`. */
export function lookup<K extends string>(table: Record<K, Bilingual>): (locale: Locale, key: K) => string {
  return (locale, key) => table[key][locale];
}

/** The HTML `lang` of a locale, so the browser picks Chinese glyphs for Chinese text. */
export function htmlLang(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en';
}

/** Words the pane and the page both show: the headings of their results tables. */
export const SHARED_TEXT = {
  departmentColumn: { zh: '院系', en: 'Department' },
  rank: { zh: '排名', en: 'Rank' },
  line: { zh: '考核内容', en: 'Line' },
  max: { zh: '分值', en: 'Max' },
} satisfies Record<string, Bilingual>;
