// 办件查询 finds its words anywhere in a tracking code or an applicant's name. Scanning every case
// for them grows with the center, so each case's texts are also indexed by their two-character
// pieces (bigrams): a search reads the cases that hold every piece of its words, then checks the
// words themselves on those few. Pieces are lower-cased and taken by code point.

export const GRAM_LENGTH = 2;
/** A search joins at most this many of its pieces: enough to make the candidates few. */
export const MAX_SEARCH_GRAMS = 6;

function gramsOf(text: string): string[] {
  const chars = [...text.toLowerCase()];
  const grams = new Set<string>();
  for (let i = 0; i + GRAM_LENGTH <= chars.length; i += 1) grams.add(chars.slice(i, i + GRAM_LENGTH).join(''));
  return [...grams];
}

/** The distinct pieces of each text (never across two texts), as stored for a case. */
export function wordGrams(...texts: string[]): string[] {
  return [...new Set(texts.flatMap(gramsOf))];
}

/**
 * The pieces a search for `words` looks up: every piece of the words, or, when there are more,
 * `max` of them spread from the first to the last. Empty when the words are a single character.
 */
export function searchGrams(words: string, max = MAX_SEARCH_GRAMS): string[] {
  const grams = gramsOf(words);
  if (grams.length <= max) return grams;
  return Array.from({ length: max }, (_, i) => grams[Math.round((i * (grams.length - 1)) / (max - 1))]);
}
