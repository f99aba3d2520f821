import { useEffect, useState } from 'react';
import type { CaseResponseClock } from '../../gql/graphql.js';
import type { Language } from '../../i18n/dictionary.js';
import { useI18n } from '../../i18n/i18n.js';
import { useCasesText, type CasesText } from './cases.i18n.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A span of time in words of `lang` ("5 hours", "3 дня"): minutes under an hour, days from two. */
export function durationWords(ms: number, lang: Language): string {
  const abs = Math.abs(ms);
  const [value, unit]: [number, string] =
    abs < HOUR
      ? [Math.max(1, Math.floor(abs / MINUTE)), 'minute']
      : abs < 48 * HOUR
        ? [Math.floor(abs / HOUR), 'hour']
        : [Math.floor(abs / (24 * HOUR)), 'day'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

export interface ClockFacts {
  responseClock: CaseResponseClock;
  responseDueAt: string;
  firstResponseAt?: string | null;
  resolvedAt?: string | null;
}

/**
 * The clock in words: the state is the server's (`responseClock`); how long is left, or how long
 * it is overdue, is counted from `now` to the deadline, and the deadline is also shown as a date.
 */
export function clockWords(
  c: ClockFacts,
  now: Date,
  lang: Language,
  text: CasesText,
  dateTime: (iso: string | null | undefined) => string,
): { headline: string; detail: string } {
  const due = new Date(c.responseDueAt).getTime();
  const dueText = text.clock.due(dateTime(c.responseDueAt));
  const answeredAt = c.firstResponseAt ?? c.resolvedAt;
  switch (c.responseClock) {
    case 'RUNNING':
      return {
        headline:
          due > now.getTime()
            ? text.clock.left(durationWords(due - now.getTime(), lang))
            : text.clock.dueNow,
        detail: dueText,
      };
    case 'OVERDUE':
      return {
        headline: text.clock.overdueBy(durationWords(now.getTime() - due, lang)),
        detail: dueText,
      };
    case 'MET':
    case 'MISSED':
      return {
        headline: c.responseClock === 'MET' ? text.clock.met : text.clock.missed,
        detail: `${text.clock.answered(dateTime(answeredAt))}, ${dueText}`,
      };
  }
}

/** The current time, advanced every `everyMs` so clocks count down while the page is open. */
export function useNow(everyMs = MINUTE): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** A case's SLA clock: the state in words (never colour alone) and the deadline as a date. */
export function SlaClock({ facts, now }: { facts: ClockFacts; now: Date }) {
  const text = useCasesText();
  const { lang, dateTime } = useI18n();
  const { headline, detail } = clockWords(facts, now, lang, text, dateTime);
  return (
    <span className={`sla-clock sla-${facts.responseClock.toLowerCase()}`}>
      <strong>{headline}</strong> <span className="sla-detail">{detail}</span>
    </span>
  );
}
