/**
 * For tests/run-all.sh: which timing budgets missed in EVERY one of the benchmark's measurements so far.
 * `npx jiti tests/bench/budget-misses.ts a.json b.json …` prints one line per budget that every file
 * marks missed (rows are matched by position: each run prints the same budgets in the same order) and
 * exits 1 if there is any, 0 if each budget was met at least once.
 * @module
 */
import { readFileSync } from 'node:fs';

interface Row {
  check: string;
  ok: boolean | 'n/a';
  timing: boolean;
}

/** Positions of the timing rows that every run missed. */
export function missedEveryTime(runs: Row[][]): number[] {
  if (!runs.length) return [];
  return runs[0]!.map((_row, index) => index).filter((index) => runs.every((rows) => rows[index]?.timing && rows[index]!.ok === false));
}

const files = process.argv.slice(2);
if (files.length) {
  const runs = files.map((file) => (JSON.parse(readFileSync(file, 'utf8')) as { rows: Row[] }).rows);
  const missed = missedEveryTime(runs);
  for (const index of missed) console.log(`missed in all ${runs.length} measurements: ${runs.at(-1)![index]!.check}`);
  process.exit(missed.length ? 1 : 0);
}
