/**
 * The language of every sentence the add-in puts into a workbook or a report. It lives with
 * the template, the lowest layer that writes text; the flow builds on it (../flow/text.ts).
 */

export type Locale = 'zh' | 'en';

export function tr(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}

/** A weight as people write it: 0.4 → "40%", 0.125 → "12.5%". */
export function percent(x: number): string {
  return `${Math.round(x * 10000) / 100}%`;
}
