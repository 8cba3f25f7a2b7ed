import { describe, expect, it } from 'vitest';
import { comparableText, countMatches } from '../../scripts/quality/print';

describe('comparableText', () => {
  it('should drop Vietnamese marks, map đ to d and collapse whitespace, keeping case', () => {
    expect(comparableText('  Tiếng\n Việt   Đảng ủy ')).toBe('Tieng Viet Dang uy');
  });

  it('should leave a letter that Chromium wrote as U+0000 in its place', () => {
    expect(comparableText('2 phút đ\u0000\u0323c')).toBe('2 phut d\u0000c');
  });
});

describe('countMatches', () => {
  it('should count separate occurrences', () => {
    expect(countMatches('Topics: A Topics: B', 'Topics')).toBe(2);
    expect(countMatches('aaaa', 'aa')).toBe(2);
    expect(countMatches('Archive', 'Topics')).toBe(0);
    expect(countMatches('anything', '')).toBe(0);
  });

  it('should take U+0000 in the printed text as any one letter, and nothing else', () => {
    const printed = comparableText('Chủ t\u0000\u0323ch nước · 2 phút đ\u0000\u0323c');
    expect(countMatches(printed, comparableText('Chủ tịch nước'))).toBe(1);
    expect(countMatches(printed, comparableText('phút đọc'))).toBe(1);
    expect(countMatches(printed, comparableText('phút đọcc'))).toBe(0);
    expect(countMatches(comparableText('Chủ tịch'), 'Chu t\u0000ch')).toBe(0);
  });
});
