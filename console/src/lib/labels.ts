// Chinese names for every status, light and action the API answers with (DESIGN §5).

export const CASE_STATUS_LABELS: Record<string, string> = {
  submitted: '已收件待受理',
  supplementRequested: '待补正',
  accepted: '已受理',
  inReview: '审查中',
  suspended: '已暂停',
  approved: '已批准待出件',
  partiallyApproved: '部分批准待出件',
  denied: '不予许可待出件',
  delivered: '已出件',
  refused: '不予受理',
  withdrawn: '已撤回',
};

export const STEP_STATUS_LABELS: Record<string, string> = {
  pending: '待签收',
  claimed: '已签收',
  inReview: '审查中',
  suspended: '暂停计时',
  approved: '已通过',
  rejected: '不予许可',
  withdrawn: '随撤回终止',
};

export const CHANNEL_LABELS: Record<string, string> = {
  standard: '普通通道',
  green: '绿色通道',
};

export type Light = 'green' | 'yellow' | 'red';

export const LIGHTS: Record<Light, { label: string; color: string }> = {
  green: { label: '绿灯', color: '#389e0d' },
  yellow: { label: '黄灯', color: '#d48806' },
  red: { label: '红灯', color: '#cf1322' },
};

/** Events (chart actions and timeline entries) by their Chinese names. */
export const ACTION_LABELS: Record<string, string> = {
  REGISTERED: '收件登记',
  ACCEPT: '受理',
  ACCEPT_WITH_DEFICIENCY: '容缺受理',
  DEEMED_ACCEPTED: '逾期视为受理',
  REFUSE: '不予受理',
  REQUEST_SUPPLEMENT: '一次告知补正',
  SUPPLEMENT_RECEIVED: '收取补正材料',
  TOLERANCE_LAPSED: '容缺补正逾期',
  STEPS_DISPATCHED: '抄告相关部门',
  DISPATCHED: '分送部门',
  CLAIM: '签收',
  START_REVIEW: '开始审查',
  APPROVE: '通过',
  REJECT: '不予许可',
  SIGNED: '会签签署',
  SUSPEND: '暂停计时',
  RESUME: '恢复计时',
  EXTEND: '延期',
  TRANSFER: '转办',
  DELEGATE: '委派',
  RETURN_DELEGATION: '委派交回',
  RELEASE: '退回签收',
  SEND_BACK: '退回',
  SUPPLEMENTED: '补正材料已送达部门',
  ADD_SIGNERS: '加签',
  STEPS_CONCLUDED: '部门审查办结',
  DECIDED_AT_WINDOW: '窗口即办',
  DELIVER: '统一出件',
  WITHDRAW: '撤回',
  WARNED: '预警（黄牌）',
  WARNING: '预警（黄牌）',
  OVERDUE: '超期（红牌）',
  SUPERVISION_ORDERED: '督办',
  SUPERVISION_ISSUED: '督办',
  ACCOUNTABILITY_RECORDED: '效能问责',
  REPLANNED: '重新计算时限',
  CC: '抄送',
  URGED: '催办',
  JOINT_REVIEW_CONVENED: '召开联合审查',
  JOINT_REVIEW_OPINION: '联合审查意见',
  JOINT_REVIEW_CONCLUDED: '联合审查结论',
  URGE: '催办',
  CLOSE: '销号（办结）',
  ASSIGN: '交办',
  RESOLVE: '办结',
  REPORT: '半月汇报',
};

/** States of records other than cases and steps (督办 orders, complaints, follow-ups, projects) named in a 409. */
export const RECORD_STATUS_LABELS: Record<string, string> = {
  open: '未办结',
  closed: '已关闭',
  received: '待交办',
  assigned: '办理中',
  resolved: '已办结',
  none: '无需回访',
  completed: '已完成',
};

export const SUSPEND_KINDS = ['补正', '现场踏勘', '专家评审', '听证', '检验检测', '公示'] as const;

export const label = (table: Record<string, string>, key: string | null | undefined): string =>
  key ? table[key] ?? key : '—';
