import { expect } from 'chai';
import fc from 'fast-check';
import { searchGrams, wordGrams } from '../../domain/word-grams';

describe('the pieces of words 办件查询 looks up (domain/word-grams.ts)', () => {
  it('when a case is indexed, then each text gives its distinct lower-cased two-character pieces, never across texts', () => {
    expect(wordGrams('AB12', '星河星河')).to.deep.equal(['ab', 'b1', '12', '星河', '河星']);
    expect(wordGrams('A', '')).to.deep.equal([]);
    // By code point: a character outside the BMP is one character.
    expect(wordGrams('𠀀星河')).to.deep.equal(['𠀀星', '星河']);
  });

  it('when words are searched, then a single character has no piece and long words keep six from first to last', () => {
    expect(searchGrams('星')).to.deep.equal([]);
    expect(searchGrams('申请单位4242')).to.deep.equal(['申请', '请单', '单位', '位4', '42', '24']);
    expect(searchGrams('ABCDEFGHIJ')).to.deep.equal(['ab', 'cd', 'de', 'fg', 'gh', 'ij']);
  });

  it('when words occur in a text, then every piece searched for is among the pieces of the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.nat(), fc.nat(), (text, a, b) => {
      const chars = [...text];
      const [from, to] = [Math.min(a, b) % (chars.length + 1), Math.max(a, b) % (chars.length + 1)];
      const words = chars.slice(from, to).join('');
      const pieces = new Set(wordGrams('CODE', text));
      return searchGrams(words).every((gram) => pieces.has(gram));
    }));
  });
});
