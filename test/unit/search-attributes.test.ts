// What a case puts into Temporal's visibility store: fixed attributes and a one-line summary that
// stays inside the server's summary limit however many matters the case has.
import { expect } from 'chai';
import type { MatterSnapshot } from '../../domain/types';
import type { CaseWorkflowInput } from '../../workflows/messages';
import { caseSearchAttributes, caseSummary, stepSummary } from '../../workflows/search-attributes';

const matter = (i: number, departmentCode = 'zrj'): MatterSnapshot => ({
  code: `M-${i}`, name: `建设工程规划类许可证核发第${i}项`, departmentCode, legalDays: 20, committedDays: 10,
});
const input = (matters: MatterSnapshot[], extra: Partial<CaseWorkflowInput> = {}): CaseWorkflowInput => ({
  caseId: '4f1c2f7e-0000-4000-8000-000000000001',
  trackingCode: 'TRACK12345',
  applicant: { name: '李秀英', phone: '13912345678', idNumber: '110101199003074514' },
  channel: 'standard',
  matters,
  materials: [],
  registeredBy: { id: 1, username: 'clerk1', role: 'clerk', departmentCode: null },
  ...extra,
});
const bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('search attributes and summaries', () => {
  it('when a case has two matters, then the summary names the tracking code, the channel and both matters', () => {
    expect(caseSummary(input([matter(1), matter(2, 'hbj')])))
      .to.equal('办件 TRACK12345 · 普通 · 建设工程规划类许可证核发第1项、建设工程规划类许可证核发第2项');
  });

  it('when a case has twenty matters, then the summary stays within 300 bytes and counts the matters it leaves out', () => {
    const summary = caseSummary(input(Array.from({ length: 20 }, (_, i) => matter(i + 1)), { channel: 'green' }));
    expect(bytes(summary)).to.be.at.most(300);
    const shown = summary.split(' · ').at(-1)!;
    const kept = shown.split(' 等 ')[0]!.split('、').length;
    expect(kept).to.be.greaterThan(1);
    expect(shown).to.match(new RegExp(` 等 ${20 - kept} 项$`));
    expect(summary).to.match(/^办件 TRACK12345 · 绿色通道 · /);
  });

  it('when a case applies for a project stage, then its attributes carry the project code and each department once', () => {
    const pairs = caseSearchAttributes(input([matter(1), matter(2), matter(3, 'hbj')], { project: { id: 'p', stage: 'landUse', code: 'XM-20261130-0001' } }));
    expect(Object.fromEntries(pairs.map(({ key, value }) => [key.name, value]))).to.deep.equal({
      TrackingCode: 'TRACK12345', DepartmentCodes: ['zrj', 'hbj'], Channel: 'standard', ProjectCode: 'XM-20261130-0001',
    });
  });

  it('when anything is indexed, then none of the applicant\'s personal data is in it', () => {
    const kase = input([matter(1)]);
    const indexed = JSON.stringify([caseSearchAttributes(kase), caseSummary(kase), stepSummary(kase, matter(1))]);
    for (const personal of Object.values(kase.applicant)) expect(indexed).not.to.include(personal);
  });
});
