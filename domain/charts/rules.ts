// What a refusal tells a person: the rule (a chart's guard) that refused an event declared in the
// current state, in words, and which events only the system sends (never offered as `allowed`).

/** Each guard of the charts, as the rule it enforces. */
export const RULES: Readonly<Record<string, string>> = {
  // step
  completesStep: '审批组：只有尚待签署的成员可以签署（依次审批须轮到本人），须填写意见；委派期间须待被委派人交回',
  addsSignature: '审批组：只有尚待签署的成员可以签署（依次审批须轮到本人），须填写意见；委派期间须待被委派人交回',
  hasRejectionGrounds: '不予批准须写明理由和法律依据；审批组中只有尚待签署的成员可以决定；委派期间须待被委派人交回',
  withinExtensionBound: '§42 延长期限：延长的工作日须为正整数，不超过本环节尚可延长的天数，并写明理由',
  hasTransferee: '转办须指定本人以外的审查人并写明理由',
  notDelegated: '委派期间不能退回签收，须待被委派人交回',
  hasDelegate: '委派须指定本人以外的审查人并写明理由，同一时间只能委派一人',
  isDelegateHandingBack: '只有被委派人可以交回委派，并须填写意见',
  addsSigners: '加签须写明理由；加签人须为本部门审查人，且不在审批组中',
  sendsBackToPrevious: '退回上一签署人只适用于已有人签署的依次审批，并须写明理由',
  sendsBackToWindow: '退回窗口须写明理由并列出缺少的材料；等待补正期间不能再次退回窗口',
  endsOneOfSeveral: '恢复只结束本部门自己的特别程序；窗口补正在窗口收到材料后恢复',
  endsTheLast: '恢复只结束本部门自己的特别程序；窗口补正在窗口收到材料后恢复',
  isAwaitingWindow: '只有等待窗口补正的环节在收到补正材料后恢复',
  isAwaitingWindowBesideOthers: '只有等待窗口补正的环节在收到补正材料后恢复',
  hasOtherOpenPauses: '同时还有其他特别程序未结束',
  // case
  hasOwedMaterials: '容缺受理须列出所欠材料',
  hasRefusalReason: '不予受理须写明理由',
  hasMissingMaterials: '一次告知须列出缺少的材料',
  hasWindowMatters: '即办件须在受理时由窗口办结',
  paysOwed: '容缺补齐只收所欠的材料',
  settlesLapse: '容缺逾期后，须补齐全部所欠材料才恢复审查',
  owesMaterials: '只有仍欠材料的案件会逾期',
  nothingOwed: '统一出件前须补齐容缺所欠的全部材料',
  concludedApproved: '各部门办结后由系统汇总结果',
  concludedPartiallyApproved: '各部门办结后由系统汇总结果',
  concludedDenied: '各部门办结后由系统汇总结果',
  // project
  closable: '项目终止须写明理由，且当前阶段没有在办的申请',
  opensStage: '项目各阶段依次申请：只能申请当前阶段，且同一阶段同时只有一件在办',
  namesPeriod: '半月汇报须注明期次（如 2026-11-H2）',
  passedOpenCase: '阶段只由本阶段在办的申请办结',
  failedOpenCase: '阶段只由本阶段在办的申请办结',
  // complaints, ratings, joint reviews, post-approval checks
  namesAnAssignee: '交办须指定承办人或承办部门',
  hasOutcome: '办结投诉须写明处理结果并认定是否属实',
  hasNote: '回访须填写回访记录',
  owedOpinion: '只有尚未提出意见的受邀部门可以提出意见，并须填写意见',
  everyOpinionIn: '各受邀部门的意见齐全后才能形成综合意见',
  keptWithFinding: '核查须填写核查结论',
  brokenWithFinding: '核查须填写核查结论',
};

/** Events the system sends itself (timers, other workflows); a person can never send them. */
export const SYSTEM_EVENTS: Readonly<Record<string, readonly string[]>> = {
  case: ['DEEMED_ACCEPTED', 'DECIDED_AT_WINDOW', 'STEPS_DISPATCHED', 'STEPS_CONCLUDED', 'SUSPEND', 'TOLERANCE_LAPSED', 'RESUME'],
  project: ['STAGE_CONCLUDED'],
};

/** `completesStep, addsSignature` → one sentence per distinct rule. */
export function describeRules(guards: readonly string[]): string {
  return [...new Set(guards.map((guard) => RULES[guard] ?? guard))].join('；');
}
