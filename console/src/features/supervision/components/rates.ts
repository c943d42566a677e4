/** A rate (0–1) as a percentage with one decimal; `—` when there is nothing to divide. */
export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
