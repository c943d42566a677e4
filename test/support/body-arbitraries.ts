// fast-check arbitraries of request bodies a route's own zod schema accepts, read from the schema
// itself (`_zod.def`): objects with their optional keys left out or sent, strings of every
// script up to the declared limits (regex and format patterns through `fc.stringMatching`),
// bounded integers, enums, literals, unions, nullable and defaulted fields. The zod schema is the
// source rather than the OpenAPI document because refinements (`refine`, `superRefine`, `trim`)
// exist only there: every node is filtered through its own `safeParse`, so a body the generator
// yields is one the route parses, refinements included. Strings a custom check guards get calendar
// dates among their candidates; a vocabulary of real values (matter codes, usernames) lets bodies
// reach the business checks behind validation instead of stopping at "unknown code".
import fc from 'fast-check';
import type { z } from 'zod';

/** Values worth sending for a field, by its dotted path without array indices (`materials.code`) or by its own name (`code`). */
export type Vocabulary = Readonly<Record<string, readonly unknown[]>>;

export interface BodyOptions {
  vocabulary?: Vocabulary;
  /** The longest array made when a schema sets no maximum. */
  maxUnboundedItems?: number;
}

interface Check {
  check: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  length?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: Check } }>;
  format?: string;
  pattern?: RegExp;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}

const internals = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def; optin?: string } })._zod;
const checksOf = (def: Def): Check[] => (def.checks ?? []).map((check) => check._zod.def);

const char = (from: number, to: number) => fc.integer({ min: from, max: to }).map((code) => String.fromCharCode(code));
/** One UTF-16 code unit each, so a string's length is what zod counts: ASCII, CJK, other scripts, odd spaces and controls, lone surrogates. */
const codeUnit = fc.oneof(
  { arbitrary: char(0x20, 0x7e), weight: 6 },
  { arbitrary: char(0x4e00, 0x9fff), weight: 4 },
  { arbitrary: char(0xa0, 0xd7ff), weight: 1 },
  { arbitrary: fc.constantFrom(' ', '\t', '\n', '\r', '\u3000', '\u200b', '\u0000', '\ufeff', '"', '\\', '<', "'", '%'), weight: 2 },
  { arbitrary: char(0xd800, 0xdfff), weight: 1 },
);
/** Code units and astral characters (emoji: two code units each). */
const anyUnit = fc.oneof({ arbitrary: codeUnit, weight: 9 }, { arbitrary: fc.constantFrom('😀', '𠀋', '👩‍💻'), weight: 1 });

/** Calendar-shaped text (1901–2099, invalid days included) for strings a custom check guards. */
const calendarDay = fc.tuple(fc.integer({ min: 1901, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([year, month, day]) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const checks = checksOf(def);
  let min = 0;
  let max: number | undefined;
  for (const check of checks) {
    if (check.check === 'min_length') min = Math.max(min, Number(check.minimum));
    if (check.check === 'max_length') max = Math.min(max ?? Infinity, Number(check.maximum));
    if (check.check === 'length_equals') [min, max] = [Number(check.length), Number(check.length)];
  }
  const pattern = def.pattern ?? checks.find((check) => check.pattern)?.pattern;
  if (pattern) return fc.stringMatching(pattern);
  const choices: Array<fc.WeightedArbitrary<string>> = [
    { arbitrary: fc.string({ unit: anyUnit, minLength: min, maxLength: max ?? Math.max(min, 64) }), weight: 8 },
  ];
  if (max !== undefined && max > 0) choices.push({ arbitrary: fc.string({ unit: codeUnit, minLength: max, maxLength: max }), weight: 1 });
  if (checks.some((check) => check.check === 'custom')) choices.push({ arbitrary: calendarDay, weight: 8 });
  return fc.oneof(...choices);
}

const BIG = 2 ** 31 - 1;

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  let low = -Number.MAX_SAFE_INTEGER;
  let high = Number.MAX_SAFE_INTEGER;
  let integer = false;
  let lowExcluded = false;
  let highExcluded = false;
  for (const check of checksOf(def)) {
    if (check.check === 'number_format') integer = true;
    if (check.check === 'greater_than' && Number(check.value) >= low) [low, lowExcluded] = [Number(check.value), !check.inclusive];
    if (check.check === 'less_than' && Number(check.value) <= high) [high, highExcluded] = [Number(check.value), !check.inclusive];
  }
  if (!integer) return fc.double({ min: low, max: high, minExcluded: lowExcluded, maxExcluded: highExcluded, noNaN: true, noDefaultInfinity: true });
  const [min, max] = [lowExcluded ? low + 1 : low, highExcluded ? high - 1 : high];
  const whole = min >= -BIG && max <= BIG
    ? fc.integer({ min, max })
    : fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);
  // Rules behind validation (a level of 1–5, a day count) sit near zero: most values are small.
  const [nearMin, nearMax] = [Math.max(min, -2), Math.min(max, 12)];
  return nearMin <= nearMax ? fc.oneof(fc.integer({ min: nearMin, max: nearMax }), whole) : whole;
}

const wordsFor = (path: string, options: Required<BodyOptions>): readonly unknown[] =>
  options.vocabulary[path] ?? options.vocabulary[path.split('.').pop() ?? ''] ?? [];

function arrayArbitrary(def: Def, path: string, options: Required<BodyOptions>): fc.Arbitrary<unknown[]> {
  let min = 0;
  let max: number | undefined;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') min = Math.max(min, Number(check.minimum));
    if (check.check === 'max_length') max = Math.min(max ?? Infinity, Number(check.maximum));
    if (check.check === 'length_equals') [min, max] = [Number(check.length), Number(check.length)];
  }
  const element = build(def.element!, path, options);
  const maxLength = max ?? Math.max(min, options.maxUnboundedItems);
  // Rules often want distinct items (codes, usernames): some lists have no repeats.
  const choices = [
    fc.array(element, { minLength: min, maxLength, size: 'small' }),
    fc.uniqueArray(element, { minLength: min, maxLength, selector: (value) => JSON.stringify(value), size: 'small' }),
  ];
  // A list of known values only, so that one random item does not stop every list at "unknown".
  const known = wordsFor(path, options).filter((word) => def.element!.safeParse(word).success);
  if (known.length >= min && known.length > 0) {
    choices.push(fc.uniqueArray(fc.constantFrom(...known), { minLength: min, maxLength: Math.min(maxLength, known.length), size: 'small' }));
  }
  return fc.oneof(...choices);
}

function objectArbitrary(def: Def, path: string, options: Required<BodyOptions>): fc.Arbitrary<Record<string, unknown>> {
  const shape = def.shape ?? {};
  const model = Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, build(value, path ? `${path}.${key}` : key, options)]));
  const requiredKeys = Object.keys(shape).filter((key) => internals(shape[key]).optin !== 'optional');
  return fc.record(model, { requiredKeys });
}

/** The arbitrary of one schema node, before its own refinements are applied. */
function structural(schema: z.ZodType, path: string, options: Required<BodyOptions>): fc.Arbitrary<unknown> {
  const def = internals(schema).def;
  switch (def.type) {
    case 'object': return objectArbitrary(def, path, options);
    case 'array': return arrayArbitrary(def, path, options);
    case 'string': return stringArbitrary(def);
    case 'number': return numberArbitrary(def);
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'enum': return fc.constantFrom(...Object.values(def.entries!));
    case 'literal': return fc.constantFrom(...def.values!);
    case 'union': return fc.oneof(...def.options!.map((option) => build(option, path, options)));
    case 'optional': return build(def.innerType!, path, options);
    case 'default':
    case 'prefault':
      return fc.option(build(def.innerType!, path, options), { nil: undefined, freq: 4 });
    case 'nullable': return fc.option(build(def.innerType!, path, options), { nil: null, freq: 4 });
    case 'readonly':
    case 'catch':
      return build(def.innerType!, path, options);
    // A transform's input is its pipe's `in`; what the pipe then checks, the filter in `build` keeps.
    case 'pipe': return build(def.in!, path, options);
    case 'record': return fc.dictionary(build(def.keyType!, path, options) as fc.Arbitrary<string>, build(def.valueType!, path, options), { maxKeys: 5 });
    case 'any':
    case 'unknown':
      return fc.jsonValue({ maxDepth: 2 });
    default:
      throw new Error(`no body arbitrary for a zod ${def.type} at ${path || 'the body'}`);
  }
}

const WRAPPERS = ['optional', 'nullable', 'default', 'prefault', 'readonly'];
const CONTAINERS = ['object', 'array', 'record'];

function build(schema: z.ZodType, path: string, options: Required<BodyOptions>): fc.Arbitrary<unknown> {
  const def = internals(schema).def;
  let arbitrary = structural(schema, path, options);
  // Wrappers pass their inner node's values through; every other node answers for its own checks.
  if (WRAPPERS.includes(def.type)) return arbitrary;
  const words = wordsFor(path, options);
  if (!CONTAINERS.includes(def.type) && words.length > 0) {
    arbitrary = fc.oneof({ arbitrary: fc.constantFrom(...words), weight: 3 }, { arbitrary, weight: 1 });
  }
  return arbitrary.filter((value) => schema.safeParse(value).success);
}

/** Bodies `schema.safeParse` accepts, as a caller would send them (inputs, before defaults and transforms). */
export function bodyArbitrary(schema: z.ZodType, options: BodyOptions = {}): fc.Arbitrary<unknown> {
  return build(schema, '', { vocabulary: options.vocabulary ?? {}, maxUnboundedItems: options.maxUnboundedItems ?? 5 });
}
