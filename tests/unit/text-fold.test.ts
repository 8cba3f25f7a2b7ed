import { describe, expect, it } from 'vitest';
import { foldedWords, foldText } from '../../lib/text-fold';

describe('foldText', () => {
  it('should fold Vietnamese diacritics and case to plain lowercase letters', () => {
    expect(foldText('Trịnh Văn Quyết')).toBe('trinh van quyet');
    expect(foldText('TRINH VAN QUYET')).toBe('trinh van quyet');
  });

  it('should fold đ and Đ to d, which Unicode decomposition leaves alone', () => {
    expect(foldText('Đảng ủy Bộ Tư lệnh')).toBe('dang uy bo tu lenh');
    expect(foldText('đường')).toBe('duong');
  });

  it('should keep words that differ in letters apart (no phonetic folding)', () => {
    expect(foldText('tướng')).toBe('tuong');
    expect(foldText('đường')).not.toBe(foldText('tướng'));
  });
});

describe('foldedWords', () => {
  it('should split folded text into words of letters and digits', () => {
    expect(foldedWords('Bộ Tư lệnh 86, (BTL-86)!')).toEqual(['bo', 'tu', 'lenh', '86', 'btl', '86']);
  });
});
