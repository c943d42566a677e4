// Canonical JSON and its SHA-256: the tamper evidence of accountability records. Anyone holding
// the stored content can recompute the hash without knowing how the writer ordered its keys.
import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted (by UTF-16 code unit, as Array.prototype.sort does) at every
 * depth and no whitespace. Otherwise JSON.stringify semantics: toJSON is honoured, undefined and
 * function members are dropped (null inside arrays), non-finite numbers become null.
 */
export function canonicalJson(value: unknown): string {
  const json = write(value);
  if (json === undefined) throw new TypeError('the value has no JSON representation');
  return json;
}

/** SHA-256, hex, of the canonical JSON of `content`. */
export function contentHash(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

function write(input: unknown): string | undefined {
  const value = hasToJson(input) ? input.toJSON() : input;
  // Primitives (and undefined, functions, symbols → undefined) serialize as JSON.stringify does.
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  // Built by hand: a JS object would reorder integer-like keys ahead of the others.
  const record = value as Record<string, unknown>;
  const members = Object.keys(record).sort().flatMap((key) => {
    const member = write(record[key]);
    return member === undefined ? [] : [`${JSON.stringify(key)}:${member}`];
  });
  return `{${members.join(',')}}`;
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
