// A request that does not parse is a 400 whose every field message is Chinese, at the field's
// stable path: plain words for the commonest mistakes, zod's zh-CN locale for the rest.
import { expect } from 'chai';
import { z } from 'zod';
import { HttpProblem } from '../../api/problems';
import { parse } from '../../api/validation';

function refusal(schema: z.ZodType, value: unknown, prefix?: string): HttpProblem {
  try {
    parse(schema, value, prefix);
  } catch (err) {
    if (err instanceof HttpProblem) return err;
    throw err;
  }
  return expect.fail('the value parsed');
}

describe('request validation messages', () => {
  const cases: [string, z.ZodType, unknown, string][] = [
    ['a required field is missing', z.strictObject({ name: z.string() }), {}, '必填项，未填写'],
    ['a text is empty', z.strictObject({ name: z.string().trim().min(1) }), { name: '  ' }, '不能为空'],
    ['a text is too long', z.strictObject({ name: z.string().max(3) }), { name: '星河建设' }, '最多 3 个字符'],
    ['a text is too short', z.strictObject({ name: z.string().min(12) }), { name: 'short' }, '至少 12 个字符'],
    ['a list is empty', z.strictObject({ codes: z.array(z.string()).min(1) }), { codes: [] }, '至少需要一项'],
    ['a list is too long', z.strictObject({ codes: z.array(z.string()).max(1) }), { codes: ['a', 'b'] }, '最多 1 项'],
    ['a number is too small', z.strictObject({ days: z.number().int().min(1) }), { days: 0 }, '不能小于 1'],
    ['a number is too big', z.strictObject({ days: z.number().int().max(60) }), { days: 61 }, '不能大于 60'],
    ['a number is not positive', z.strictObject({ days: z.number().positive() }), { days: 0 }, '应大于 0'],
    ['a fraction is given for a whole number', z.strictObject({ days: z.number().int() }), { days: 1.5 }, '应为整数'],
    ['text is given for a list', z.strictObject({ codes: z.array(z.string()) }), { codes: 'ZRJ-001' }, '应为列表，实际是文本'],
    ['a number is given for a yes/no', z.strictObject({ active: z.boolean() }), { active: 1 }, '应为布尔值（true 或 false），实际是数字'],
    ['null is given for text', z.strictObject({ name: z.string() }), { name: null }, '应为文本，实际是空值（null）'],
    ['a value is off the list', z.strictObject({ channel: z.enum(['standard', 'green']) }), { channel: 'fast' }, '应为以下之一："standard"、"green"'],
    ['a date is not a date', z.strictObject({ on: z.iso.date() }), { on: '2026-13-01' }, '应为日期，格式 YYYY-MM-DD'],
    ['an id is not a UUID', z.strictObject({ id: z.uuid() }), { id: '42' }, '应为 UUID 格式的编号'],
    ['a pattern does not match', z.strictObject({ code: z.string().regex(/^[A-Z]+$/) }), { code: 'abc' }, '格式不正确（应符合 /^[A-Z]+$/）'],
    ['a route gives its own words', z.strictObject({ code: z.string().regex(/^[A-Z]+$/, '应为大写字母') }), { code: 'abc' }, '应为大写字母'],
  ];
  for (const [what, schema, value, message] of cases) {
    it(`when ${what}, then the field's message reads ${message}`, () => {
      const problem = refusal(schema, value);
      expect(problem.extra.errors).to.have.length(1);
      expect((problem.extra.errors as { message: string }[])[0].message).to.equal(message);
    });
  }

  it('when fields are unknown or wrong, then the 400 keeps their paths, and title and detail are Chinese', () => {
    const schema = z.strictObject({ applicant: z.strictObject({ phone: z.string() }), days: z.coerce.number().int() });
    const problem = refusal(schema, { applicant: { phone: 1 }, days: 'abc', colour: 'red' }, 'query');
    expect([problem.status, problem.code, problem.title]).to.deep.equal([400, 'validation', '请求有误']);
    expect(problem.extra.errors).to.deep.equal([
      { path: 'query.applicant.phone', message: '应为文本，实际是数字' },
      { path: 'query.days', message: '应为数字' },
      { path: 'query', message: '不认识的字段："colour"' },
    ]);
    expect(problem.message).to.equal('query.applicant.phone：应为文本，实际是数字；query.days：应为数字；query：不认识的字段："colour"');
  });

  it('when an issue has no plainer words, then zod\'s zh-CN locale words it, never its English default', () => {
    const problem = refusal(z.strictObject({ tag: z.string().startsWith('A') }), { tag: 'b' });
    const [error] = problem.extra.errors as { message: string }[];
    expect(error.message).to.match(/[\u4e00-\u9fff]/).and.to.contain('"A"');
    expect(error.message).not.to.match(/Invalid|must|expected/i);
  });
});
