import { describe, expect, it } from 'vitest';
import { foldedWords, foldText, markedText, olderTonePlacement } from '../../lib/text/text-fold';
import { querySyllables, startsAsTyped, syllable, syllableMatches } from '../../lib/search/syllables';

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

describe('markedText', () => {
  it('should keep diacritics and lower the case, so that syllables differing in marks stay apart', () => {
    expect(markedText('LÊ Dũng')).toBe('lê dũng');
    expect(markedText('Lê')).not.toBe(markedText('Lễ'));
    expect(markedText('Đội')).not.toBe(markedText('Đổi'));
  });

  it('should write older and newer tone placement, and NFD and NFC, the same way', () => {
    expect(markedText('Hòa bình, thủy lợi, Đảng ủy, khỏe')).toBe(markedText('Hoà bình, thuỷ lợi, Đảng uỷ, khoẻ'));
    expect(markedText('Nguyễn Thị Thủy'.normalize('NFD'))).toBe(markedText('Nguyễn Thị Thuỷ'));
  });

  it('should read full-width and other compatibility forms of letters and digits as those letters and digits', () => {
    expect(markedText('ＬＥ Ｄũng ８６')).toBe('le dũng 86');
    expect(foldText('ＬＥ ＤＵＮＧ ﬁ')).toBe('le dung fi');
    expect(markedText('Ｌễ')).not.toBe(markedText('Lê'));
  });

  it('should move only tones, never the marks that make a letter', () => {
    expect(markedText('hoàn thuyền quý')).toBe('hoàn thuyền quý');
  });
});

describe('olderTonePlacement', () => {
  it('should put the tone of a final "oa", "oe" or "uy" back on its first vowel, and leave every other word alone', () => {
    expect(['uỷ', 'hoà', 'thuỷ', 'khoẻ'].map(olderTonePlacement)).toEqual(['ủy', 'hòa', 'thủy', 'khỏe']);
    // Closed syllables, "qu", and the marks that make a letter are written the same way in both spellings.
    expect(['hoạch', 'quý', 'hoắc', 'thuyền', 'lễ', 'dung'].map(olderTonePlacement)).toEqual([
      'hoạch',
      'quý',
      'hoắc',
      'thuyền',
      'lễ',
      'dung',
    ]);
  });
});

describe('startsAsTyped', () => {
  it('should take a start typed in the older tone placement as the start of the word it is on its way to', () => {
    expect(startsAsTyped(markedText('Đảng ủy'), markedText('Đảng ủ'))).toBe(true);
    expect(startsAsTyped(markedText('hòa'), markedText('hò'))).toBe(true);
    expect(syllableMatches(syllable('ủ'), syllable('uỷ'), true)).toBe(true);
    // Not a whole word, nor a start whose tone is another one, nor a start of a closed syllable.
    expect(syllableMatches(syllable('ủ'), syllable('uỷ'), false)).toBe(false);
    expect(startsAsTyped(markedText('uỷ'), markedText('ù'))).toBe(false);
    expect(startsAsTyped(markedText('hoạch'), markedText('họ'))).toBe(false);
  });
});

describe('syllable', () => {
  it('should tell a word with diacritics or đ from a bare one', () => {
    expect(['Lê', 'đi', 'Dũng'.normalize('NFD')].map((word) => syllable(word).marked)).toEqual([true, true, true]);
    expect(['le', 'Dung', '86'].map((word) => syllable(word).marked)).toEqual([false, false, false]);
  });

  it("should give a name's words the same forms whether read as a whole or one by one", () => {
    const name = 'Lê Dũng, Thuỷ HOÀ and Bộ Quốc phòng';
    expect(querySyllables(name)).toEqual(name.match(/[\p{L}\p{M}\p{N}]+/gu)?.map(syllable));
  });
});
