// 消息中心 wording: the Chinese title and body a person reads for each kind of notice. Pure, from
// the outbox template and payload, so every writer (workflow activities and API routes) words a
// notice the same way. A kind without wording of its own still reads as a notice.

export interface NoticeText {
  title: string;
  body: string | null;
}

type Payload = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const matter = (p: Payload): string => str(p.matterName) ?? str(p.matterCode) ?? '审批事项';
const tracking = (p: Payload): string => (str(p.trackingCode) ? `（受理编号 ${String(p.trackingCode)}）` : '');
const at = (label: string, value: unknown): string | null => (str(value) ? `${label}${String(value)}` : null);
const note = (p: Payload): string | null => at('附言：', p.note);
const items = (value: unknown): string => (Array.isArray(value)
  ? value.map((item) => (typeof item === 'string' ? item : str((item as Payload)?.name) ?? str((item as Payload)?.code) ?? '')).filter(Boolean).join('、')
  : '');
const lines = (...parts: (string | null | undefined)[]): string | null => {
  const kept = parts.filter((part): part is string => typeof part === 'string' && part !== '');
  return kept.length > 0 ? kept.join('\n') : null;
};

const WORDING: Record<string, (p: Payload) => NoticeText> = {
  'case.urged': (p) => ({ title: `催办：${matter(p)}请加快办理`, body: lines(at('催办人：', p.urgedBy), at('办理时限：', p.dueAt), note(p)) }),
  'order.urged': (p) => ({ title: `督办催办：${matter(p)}`, body: lines(`第 ${String(p.urgeCount ?? 1)} 次催办`, at('督办期限：', p.deadlineAt), at('催办人：', p.urgedBy), note(p)) }),
  'step.warning': (p) => ({ title: `预警：${matter(p)}即将到期`, body: lines(at('办理时限：', p.dueAt)) }),
  'step.overdue': (p) => ({ title: `超期：${matter(p)}已超过办理时限`, body: lines(at('办理时限：', p.dueAt), '请部门负责人督促办结。') }),
  'order.opened': (p) => ({ title: `督办：${matter(p)}超期未办结`, body: lines(at('督办期限：', p.deadlineAt), '逾期未办结将记录效能问责。') }),
  'accountability.recorded': (p) => ({ title: `效能问责：${matter(p)}督办逾期`, body: lines('已生成效能问责记录（红牌）。', at('记录编号：', p.recordId === undefined ? null : String(p.recordId))) }),
  'step.suspended': (p) => ({ title: `暂停计时：${matter(p)}（${String(p.kind ?? '特别程序')}）`, body: lines(at('原因：', p.reason), '特别程序所需时间不计入办理时限。') }),
  'step.rejected': (p) => ({
    title: `否定报备：${matter(p)}不予许可`,
    body: lines(tracking(p) || null, at('理由：', p.reason), at('法律依据：', p.legalBasis), at('经办人：', p.rejectedBy)),
  }),
  'step.delegated': (p) => ({ title: `委派：${matter(p)}请协助审查`, body: lines(at('委派人：', p.delegatedBy), at('事由：', p.reason), '审查后请交回委派人决定。') }),
  'step.delegation-returned': (p) => ({ title: `委派交回：${matter(p)}`, body: lines(at('交回人：', p.returnedBy), at('审查意见：', p.opinion)) }),
  'step.signers-added': (p) => ({ title: `加签：${matter(p)}请会签`, body: lines(at('加签人：', p.addedBy), at('事由：', p.reason)) }),
  'step.sent-back-previous': (p) => ({ title: `退回：${matter(p)}请重新签署`, body: lines(at('退回人：', p.sentBackBy), at('原因：', p.reason)) }),
  'step.sent-back': (p) => ({
    title: `一次性告知：${matter(p)}退回补正${tracking(p)}`,
    body: lines(at('原因：', p.reason), items(p.missing) ? `需补正材料：${items(p.missing)}` : null, '请一次性补齐上述材料，补正期间不计入办理时限。'),
  }),
  'deficiency.owed': (p) => ({ title: `容缺受理：待补材料${tracking(p)}`, body: lines(items(p.owed) ? `待补材料：${items(p.owed)}` : null, at('补齐期限：', p.dueAt)) }),
  'deficiency.lapsed': (p) => ({ title: `容缺逾期：材料未按期补齐${tracking(p)}`, body: lines(items(p.owed) ? `未补材料：${items(p.owed)}` : null, at('补齐期限：', p.dueAt)) }),
  'supplement.not-one-time': (p) => ({
    title: `一次告知：第 ${String(p.round ?? '')} 次补正要求含首次可告知的材料${tracking(p)}`,
    body: lines(items(p.items) ? `材料：${items(p.items)}` : null, at('窗口人员：', p.clerk)),
  }),
  'case.deemed-accepted': (p) => ({ title: `视为受理：窗口逾期未作决定${tracking(p)}`, body: lines(at('材料齐全时间：', p.receivedAt), at('决定期限：', p.deadline)) }),
  'case.delivered': (p) => ({ title: `统一出件：办理结果可领取${tracking(p)}`, body: null }),
  'calendar.horizon-provisional': (p) => ({
    title: `日历预警：${String(p.year ?? '')} 年节假日安排尚未发布或导入`,
    body: lines(`今后 ${String(p.lookaheadWorkingDays ?? '')} 个工作日将进入 ${String(p.year ?? '')} 年，该年调休安排未知，期限按法定节假日推算。`, '国务院办公厅发布后，请在“节假日日历”导入全年安排，在办期限将随之重算。'),
  }),
  'calendar.deadlines-provisional': (p) => ({
    title: `日历预警：${String(p.steps ?? '')} 个在办环节的期限落在 ${String(p.year ?? '')} 年（节假日安排未发布）`,
    body: lines('这些期限按法定节假日推算，调休安排发布并导入后将重算。'),
  }),
  'case.copied': (p) => ({ title: `抄送：办件${tracking(p)}`, body: lines(at('抄送人：', p.copiedBy), note(p)) }),
  'joint-review.convened': (p) => ({ title: `联合审查：${String(p.topic ?? '')}`, body: lines(at('会议日期：', p.heldOn), at('召集人：', p.convenedBy), '请提交本部门意见。') }),
  'joint-review.concluded': (p) => ({ title: `联合审查结论：${String(p.topic ?? '')}`, body: lines(at('会审意见：', p.consolidatedOpinion)) }),
  'commitment.check-failed': (p) => ({
    title: `告知承诺核查不合格：${matter(p)}`,
    body: lines(at('承诺事项：', p.items), at('核查结论：', p.finding), at('核查人：', p.checkedBy)),
  }),
  'complaint.received': (p) => ({ title: `效能投诉：${String(p.number ?? '')}`, body: lines(at('内容：', p.content), at('办结期限：', p.deadlineAt)) }),
  'complaint.assigned': (p) => ({ title: `投诉交办：${String(p.number ?? '')}`, body: lines(at('内容：', p.content), at('办结期限：', p.deadlineAt)) }),
  'evaluation.bad': (p) => ({
    title: `差评：办件${tracking(p)}评价为 ${String(p.level ?? '')} 分`,
    body: lines(at('评价内容：', p.comment), at('回访整改期限：', p.followUpDeadlineAt)),
  }),
  'project.warning': (p) => ({ title: `项目预警：${String(p.name ?? p.code ?? '')}全流程时限将至`, body: lines(at('全流程时限：', p.dueAt)) }),
  'project.overdue': (p) => ({ title: `项目超期：${String(p.name ?? p.code ?? '')}超过全流程时限`, body: lines(at('全流程时限：', p.dueAt)) }),
  'project.report-missing': (p) => ({ title: `半月汇报催办：${String(p.name ?? p.code ?? '')}`, body: lines(at('汇报期：', p.period), '本期进展尚未汇报。') }),
};

export function noticeText(kind: string, payload: Payload): NoticeText {
  const word = WORDING[kind];
  return word ? word(payload) : { title: `通知（${kind}）`, body: null };
}

/** Kinds with their own wording, for tests that check every kind the system sends reads as Chinese. */
export const WORDED_NOTICE_KINDS = Object.keys(WORDING);
