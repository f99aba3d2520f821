import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n.js';

/** Numbers, shares and months in the UI language (Intl), with the "not given" mark for nulls. */
export interface Formats {
  number(value: number | null | undefined, digits?: number): string;
  percent(share: number | null | undefined): string;
  money(value: number | null | undefined): string;
  /** Money on an axis, short in the UI language: "1.5M" / "1,5 млн" (tooltips keep `money`). */
  compactMoney(value: number | null | undefined): string;
  /** A `YYYY-MM` month, e.g. "Mar 2026" / "мар. 2026 г.". */
  month(period: string | null | undefined): string;
}

/** Room for a compact money tick ("−12.5M", "1,5 млн") beside a chart. */
export const MONEY_AXIS_WIDTH = 72;

export function useFormats(): Formats {
  const { lang, t } = useI18n();
  return useMemo(() => {
    const none = t.common.notGiven;
    const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
    const money = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    const compactMoney = new Intl.NumberFormat(lang, {
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    const month = new Intl.DateTimeFormat(lang, {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const numbers = new Map<number, Intl.NumberFormat>();
    const numberFormat = (digits: number) => {
      let format = numbers.get(digits);
      if (!format) {
        format = new Intl.NumberFormat(lang, { maximumFractionDigits: digits });
        numbers.set(digits, format);
      }
      return format;
    };
    const given = (value: number | null | undefined): value is number =>
      typeof value === 'number' && Number.isFinite(value);
    return {
      number: (value, digits = 1) => (given(value) ? numberFormat(digits).format(value) : none),
      percent: (share) => (given(share) ? percent.format(share) : none),
      money: (value) => (given(value) ? money.format(value) : none),
      compactMoney: (value) => (given(value) ? compactMoney.format(value) : none),
      month: (period) => {
        const match = period ? /^(\d{4})-(\d{2})$/.exec(period) : null;
        if (!match) return period ?? none;
        return month.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
      },
    };
  }, [lang, t]);
}

/** `YYYY-MM` of a date (UTC). */
export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The default span: the twelve complete months before `today`. */
export function lastTwelveMonths(today: Date): { from: string; to: string } {
  const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const from = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 11, 1));
  return { from: monthOf(from), to: monthOf(to) };
}
