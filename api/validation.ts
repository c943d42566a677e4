// Request parsing with zod: a failed parse is a 400 whose `errors` name every offending field.
// Messages are Chinese: zod's zh-CN locale, with the commonest ones (a missing field, an empty
// text, a size limit, a wrong type, an unknown field, a value off a list) in plainer words for the
// window staff. Importing this module configures zod, so it holds before any request is parsed.
import { z } from 'zod';
import { badRequest } from './problems';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文本', number: '数字', int: '整数', bigint: '整数', boolean: '布尔值（true 或 false）',
  array: '列表', object: '对象', date: '日期', null: '空值（null）', nan: '非数字（NaN）',
};

const typeName = (type: string): string => TYPE_NAMES[type] ?? type;

function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

const shown = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : String(value));

const SIZED: Readonly<Record<string, string>> = { string: '个字符', array: '项', set: '项' };

/** The plainer message, or undefined to leave the issue to the zh-CN locale. */
export function plainChinese(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必填项，未填写';
      // A fraction for a whole number, or text a query coerced to NaN: the expected type says it all.
      if (typeof issue.input === 'number' && (issue.expected === 'int' || Number.isNaN(issue.input))) return `应为${typeName(issue.expected)}`;
      return `应为${typeName(issue.expected)}，实际是${typeName(typeOf(issue.input))}`;
    case 'too_small': {
      const unit = SIZED[issue.origin];
      const min = Number(issue.minimum);
      if (unit) {
        if (issue.exact) return `应为 ${min} ${unit}`;
        if (min <= 1 && issue.inclusive !== false) return issue.origin === 'string' ? '不能为空' : '至少需要一项';
        return `至少 ${min} ${unit}`;
      }
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return issue.inclusive ? `不能小于 ${min}` : `应大于 ${min}`;
      return undefined;
    }
    case 'too_big': {
      const unit = SIZED[issue.origin];
      const max = Number(issue.maximum);
      if (unit) return issue.exact ? `应为 ${max} ${unit}` : `最多 ${max} ${unit}`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return issue.inclusive ? `不能大于 ${max}` : `应小于 ${max}`;
      return undefined;
    }
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.map(shown).join('、')}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `应为 ${shown(issue.values[0])}` : `应为以下之一：${issue.values.map(shown).join('、')}`;
    case 'invalid_format':
      if (issue.format === 'date') return '应为日期，格式 YYYY-MM-DD';
      if (issue.format === 'datetime') return '应为带时区的时间，如 2026-03-02T09:00:00+08:00';
      if (issue.format === 'uuid') return '应为 UUID 格式的编号';
      if (issue.format === 'regex') return `格式不正确（应符合 ${String(issue.pattern)}）`;
      return undefined;
    default:
      return undefined;
  }
}

z.config(z.locales.zhCN());
z.config({ customError: plainChinese });

export function parse<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw badRequest(result.error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  })));
}
