import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benchmarkReport, type BenchFigures } from '../../bench/report';

describe('docs/benchmarks.md', () => {
  // The report is written from the saved figures and the measurements by hand kept in bench/report.ts: a paragraph
  // added to the Markdown alone would be lost at the next bench run.
  it('should be what the report writes from docs/benchmarks.json', () => {
    const figures = JSON.parse(readFileSync('docs/benchmarks.json', 'utf8')) as BenchFigures;
    expect(readFileSync('docs/benchmarks.md', 'utf8')).toBe(benchmarkReport(figures));
  });
});
