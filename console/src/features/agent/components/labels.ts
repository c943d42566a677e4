export const PROJECT_STATUS_LABELS: Record<string, string> = {
  landUse: '立项用地规划许可阶段',
  engineering: '工程建设许可阶段',
  construction: '施工许可阶段',
  acceptance: '竣工验收阶段',
  completed: '已完成',
  closed: '已终止',
};

export const PROJECT_EVENT_LABELS: Record<string, string> = {
  REGISTERED: '项目登记',
  OPEN_STAGE: '阶段申报',
  STAGE_CONCLUDED: '阶段办结',
  REPORT: '半月汇报',
  REPORT_URGED: '汇报催报',
  PROJECT_WARNING: '项目时限预警',
  PROJECT_OVERDUE: '项目超期',
  CLOSE: '项目终止',
  URGED: '催办',
};
