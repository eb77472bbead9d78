import type { TFunction } from 'i18next';
import { formatMoney } from '../../../shared/domain/money';

const LOCALES: Record<string, string> = { ru: 'ru-RU', en: 'en-GB', fr: 'fr-FR' };

export function localeOf(language: string): string {
  return LOCALES[language] ?? 'ru-RU';
}

/** Minor units as whole currency units for a chart axis or a table cell. */
export function major(minor: number): number {
  return Math.round(minor / 100);
}

export function money(minor: number, language: string): string {
  return formatMoney(minor, localeOf(language));
}

export function percent(share: number, language: string): string {
  return share.toLocaleString(localeOf(language), { style: 'percent', maximumFractionDigits: 1 });
}

/** A rate already in percent (CRR, churn), one decimal; a dash when undefined. */
export function rate(value: number | null, language: string): string {
  return value === null ? '—' : value.toLocaleString(localeOf(language), { maximumFractionDigits: 1 });
}

export function isoToLocal(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

export type T = TFunction;
