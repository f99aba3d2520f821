import fs from 'node:fs';
import path from 'node:path';
import type { Ratio } from './stats.js';

/** One measured figure, with the baseline it is set against and the target it answers to. */
export interface Figure {
  name: string;
  /** The median (or the single value) of what was measured. */
  value: number;
  unit: string;
  /** p99 (and the like) beside the median, where it means something. */
  p99?: number;
  baseline?: { name: string; value: number; p99?: number };
  /** value ÷ baseline, per round: the median and its spread. */
  ratio?: Ratio;
  target?: { text: string; met: boolean };
}

/** A count that must hold (SQL statements, Temporal RPCs, rows): a failed gate fails the run. */
export interface Gate {
  name: string;
  expected: string;
  actual: string;
  passed: boolean;
}

export interface ScenarioResult {
  key: string;
  title: string;
  /** What was run: sizes, rounds, rates, databases. */
  setup: string;
  figures: Figure[];
  gates: Gate[];
  /** What limits it, what was found, where a target was missed and why. */
  notes: string[];
  seconds: number;
}

/** Where a scenario process writes its result (the runner passes `--out`). */
export function writeScenario(out: string | undefined, result: ScenarioResult): void {
  const text = JSON.stringify(result, null, 2);
  if (out) fs.writeFileSync(out, text);
  else console.log(text);
}

const fmt = (n: number | undefined, unit = '') => {
  if (n === undefined || Number.isNaN(n)) return '–';
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return `${n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })}${unit ? ` ${unit}` : ''}`;
};

/** The markdown of a run: the machine, then each scenario's figures, gates and notes. */
export function markdownOf(run: {
  at: string;
  machine: string;
  scenarios: ScenarioResult[];
}): string {
  const lines = [
    '# Benchmarks',
    '',
    `Run ${run.at} on ${run.machine}.`,
    '',
    'Timed figures are medians; each ratio is the median of per-round ratios against a baseline measured in the same run (alternating rounds after a warm-up), with its min–max. Gates are counts that must hold.',
    '',
  ];
  for (const s of run.scenarios) {
    lines.push(`## ${s.title}`, '', s.setup, '');
    if (s.figures.length) {
      lines.push(
        '| figure | median | p99 | baseline | baseline median | ratio (median, min–max) | target |',
        '|---|---:|---:|---|---:|---|---|',
      );
      for (const f of s.figures) {
        const ratio = f.ratio
          ? `${fmt(f.ratio.median)} (${fmt(f.ratio.min)}–${fmt(f.ratio.max)}, ${f.ratio.rounds} rounds)`
          : '–';
        const target = f.target ? `${f.target.met ? 'met' : '**missed**'}: ${f.target.text}` : '–';
        lines.push(
          `| ${f.name} | ${fmt(f.value, f.unit)} | ${fmt(f.p99, f.p99 === undefined ? '' : f.unit)} | ${f.baseline?.name ?? '–'} | ${f.baseline ? fmt(f.baseline.value, f.unit) : '–'} | ${ratio} | ${target} |`,
        );
      }
      lines.push('');
    }
    if (s.gates.length) {
      lines.push('| gate | expected | actual | |', '|---|---|---|---|');
      for (const g of s.gates) {
        lines.push(
          `| ${g.name} | ${g.expected} | ${g.actual} | ${g.passed ? 'pass' : '**FAIL**'} |`,
        );
      }
      lines.push('');
    }
    for (const n of s.notes) lines.push(`- ${n}`);
    lines.push('', `_${fmt(s.seconds)} s_`, '');
  }
  return lines.join('\n');
}

export const RESULTS_DIR = path.join(import.meta.dirname, '..', 'results');
