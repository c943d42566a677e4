import bcrypt from 'bcryptjs';
import { DataSource, In } from 'typeorm';
import type { ProjectStage } from '../domain/projects';
import type { ApprovalPanel } from '../domain/approval-panel';
import type { Role, SuspensionKind } from '../domain/types';
import { Department } from './department';
import { Matter } from './matter';
import { MatterMaterial } from './matter-material';
import { User } from './user';

export interface DemoMaterial { code: string; name: string; required: boolean; core: boolean }
export interface DemoMatter {
  code: string;
  name: string;
  departmentCode: string;
  legalDays: number;
  committedDays: number;
  instant: boolean;
  specialProcedures: SuspensionKind[];
  /** Matters this one builds on. */
  requires?: string[];
  /** The project stage whose form lists it (工程建设项目). */
  stage?: ProjectStage;
  /** 会签 / 或签 / 依次 panel; absent: one assignee decides. */
  approval?: ApprovalPanel;
  materials: DemoMaterial[];
}
export interface DemoDepartment { code: string; name: string }
export interface DemoUser { username: string; displayName: string; role: Role; departmentCode: string | null }

// Materials most matters ask for. required=false means 容缺受理 is allowed; core=true means
// the material decides the outcome and can never be 容缺.
const m = (code: string, name: string, required = true, core = false): DemoMaterial => ({ code, name, required, core });
const APPLICATION = (name: string) => m('application-form', name, true, true);
const LICENSE = m('business-license', '营业执照(统一社会信用代码证)');
const LEGAL_REP_ID = m('legal-rep-id', '法定代表人身份证明');
const PROXY = m('power-of-attorney', '授权委托书及受托人身份证明', false);

const departments: DemoDepartment[] = [
  { code: 'fgw', name: '发展和改革委员会' },
  { code: 'zrj', name: '自然资源和规划局' },
  { code: 'zjj', name: '住房和城乡建设局' },
  { code: 'hbj', name: '生态环境局' },
  { code: 'scj', name: '市场监督管理局' },
  { code: 'wjw', name: '卫生健康委员会' },
];

const matters: DemoMatter[] = [
  {
    code: 'FGW-001', name: '企业投资项目核准', departmentCode: 'fgw', legalDays: 20, committedDays: 10,
    stage: 'landUse', instant: false, specialProcedures: ['补正', '专家评审'],
    materials: [APPLICATION('项目核准申请表'), m('project-application-report', '项目申请报告', true, true),
      m('site-opinion', '用地预审与选址意见书'), LICENSE, PROXY],
  },
  {
    code: 'FGW-002', name: '固定资产投资项目节能审查', departmentCode: 'fgw', legalDays: 20, committedDays: 10,
    stage: 'landUse', instant: false, specialProcedures: ['补正', '专家评审'],
    materials: [APPLICATION('节能审查申请表'), m('energy-report', '节能报告', true, true), LICENSE, PROXY],
  },
  {
    code: 'ZRJ-001', name: '建设项目用地预审与选址意见书核发', departmentCode: 'zrj', legalDays: 20, committedDays: 12,
    stage: 'landUse', instant: false, specialProcedures: ['补正', '现场踏勘', '公示'],
    materials: [APPLICATION('用地预审与选址申请表'), m('site-selection-report', '建设项目选址论证报告', true, true),
      m('survey-map', '标注项目用地范围的土地利用现状图'), m('project-proposal', '项目建议书或立项批复文件'), PROXY],
  },
  {
    code: 'ZRJ-002', name: '建设工程规划许可证核发', departmentCode: 'zrj', legalDays: 20, committedDays: 10,
    stage: 'engineering', instant: false, specialProcedures: ['补正', '现场踏勘', '公示'], requires: ['ZRJ-001'],
    materials: [APPLICATION('建设工程规划许可申请表'), m('land-certificate', '国有土地使用权证明文件', true, true),
      m('design-scheme', '建设工程设计方案总平面图', true, true), m('planning-conditions', '规划条件'), PROXY],
  },
  {
    code: 'ZJJ-001', name: '建筑工程施工许可证核发', departmentCode: 'zjj', legalDays: 7, committedDays: 3,
    stage: 'construction', instant: false, specialProcedures: ['补正', '现场踏勘'], requires: ['ZRJ-002'],
    materials: [APPLICATION('建筑工程施工许可申请表'), m('planning-permit', '建设工程规划许可证', true, true),
      m('construction-contract', '施工合同及中标通知书'), m('funding-proof', '建设资金已落实承诺书'),
      m('safety-measures', '保证工程质量和安全的具体措施', false)],
  },
  {
    code: 'ZJJ-003', name: '房屋建筑和市政基础设施工程竣工验收备案', departmentCode: 'zjj', legalDays: 15, committedDays: 5,
    stage: 'acceptance', instant: false, specialProcedures: ['补正', '现场踏勘'], requires: ['ZJJ-001'],
    materials: [APPLICATION('竣工验收备案表'), m('completion-report', '工程竣工验收报告', true, true),
      m('quality-records', '工程质量检测和功能性试验资料'), m('warranty', '住宅质量保证书和使用说明书', false)],
  },
  {
    code: 'ZJJ-002', name: '商品房预售许可', departmentCode: 'zjj', legalDays: 10, committedDays: 5,
    instant: false, specialProcedures: ['补正', '现场踏勘'],
    materials: [APPLICATION('商品房预售许可申请表'), LICENSE, m('qualification', '房地产开发企业资质证书', true, true),
      m('construction-permit', '建筑工程施工许可证', true, true), m('presale-plan', '商品房预售方案')],
  },
  {
    code: 'HBJ-001', name: '建设项目环境影响报告书审批', departmentCode: 'hbj', legalDays: 60, committedDays: 30,
    stage: 'engineering', instant: false, specialProcedures: ['补正', '专家评审', '听证', '公示'],
    materials: [APPLICATION('环境影响评价文件审批申请书'), m('eia-report', '环境影响报告书', true, true),
      m('public-participation', '公众参与说明'), m('confidentiality-statement', '删除涉密信息的说明', false)],
  },
  {
    code: 'HBJ-002', name: '建设项目环境影响报告表审批', departmentCode: 'hbj', legalDays: 30, committedDays: 15,
    instant: false, specialProcedures: ['补正', '专家评审', '公示'],
    materials: [APPLICATION('环境影响评价文件审批申请书'), m('eia-form', '环境影响报告表', true, true), PROXY],
  },
  {
    // 即办件: 材料齐全、符合法定形式的当场登记, so there is no committed review period.
    code: 'SCJ-001', name: '市场主体设立登记', departmentCode: 'scj', legalDays: 3, committedDays: 0,
    instant: true, specialProcedures: [],
    materials: [APPLICATION('市场主体登记申请书'), m('articles', '公司章程', true, true),
      m('shareholder-id', '股东主体资格证明'), m('address-proof', '住所使用证明'), PROXY],
  },
  {
    // 即办件: the register issues the certificate over the counter once the identity is checked.
    code: 'ZRJ-005', name: '不动产登记资料查询证明', departmentCode: 'zrj', legalDays: 1, committedDays: 0,
    instant: true, specialProcedures: [],
    materials: [APPLICATION('不动产登记资料查询申请书'), m('applicant-id', '查询人身份证明', true, true),
      m('interest-proof', '利害关系证明材料'), PROXY],
  },
  {
    code: 'SCJ-002', name: '食品经营许可', departmentCode: 'scj', legalDays: 10, committedDays: 5,
    instant: false, specialProcedures: ['补正', '现场踏勘'],
    materials: [APPLICATION('食品经营许可申请书'), LICENSE, m('premises-layout', '经营场所平面图和设备布局图', true, true),
      m('food-safety-rules', '食品安全管理制度'), PROXY],
  },
  {
    // 会签: both reviewers of the department must approve; either one's rejection decides.
    code: 'WJW-001', name: '医疗机构执业登记', departmentCode: 'wjw', legalDays: 45, committedDays: 20,
    instant: false, specialProcedures: ['补正', '现场踏勘', '专家评审'],
    approval: { mode: 'all', approvers: ['officer-wjw', 'officer2-wjw'] },
    materials: [APPLICATION('医疗机构执业登记申请书'), m('setup-approval', '设置医疗机构批准书', true, true),
      m('staff-certificates', '医务人员执业资格证明'), m('rules', '医疗机构规章制度'), LEGAL_REP_ID],
  },
  {
    code: 'WJW-002', name: '公共场所卫生许可', departmentCode: 'wjw', legalDays: 20, committedDays: 5,
    instant: false, specialProcedures: ['补正', '现场踏勘', '检验检测'],
    materials: [APPLICATION('公共场所卫生许可申请表'), LICENSE, m('hygiene-test', '卫生检测(评价)报告', true, true),
      m('health-certificates', '从业人员健康合格证明'), PROXY],
  },
];

export const DEMO_CATALOGUE: { departments: DemoDepartment[]; matters: DemoMatter[] } = { departments, matters };

export const DEMO_USERS: DemoUser[] = [
  { username: 'clerk1', displayName: '综合窗口 张敏', role: 'clerk', departmentCode: null },
  ...departments.flatMap((d): DemoUser[] => [
    { username: `officer-${d.code}`, displayName: `${d.name}经办人`, role: 'officer', departmentCode: d.code },
    { username: `leader-${d.code}`, displayName: `${d.name}分管负责人`, role: 'leader', departmentCode: d.code },
  ]),
  // A second reviewer, so a step can be handed on (转办) within one department.
  { username: 'officer2-zrj', displayName: '自然资源和规划局经办人（二）', role: 'officer', departmentCode: 'zrj' },
  // The second member of WJW-001's 会签 panel.
  { username: 'officer2-wjw', displayName: '卫生健康委员会经办人（二）', role: 'officer', departmentCode: 'wjw' },
  { username: 'agent1', displayName: '帮办代办员 李强', role: 'agent', departmentCode: null },
  { username: 'agent2', displayName: '帮办代办员 陈静', role: 'agent', departmentCode: null },
  { username: 'supervisor1', displayName: '效能监察员 王芳', role: 'supervisor', departmentCode: null },
  { username: 'admin1', displayName: '系统管理员', role: 'admin', departmentCode: null },
];

/**
 * Loads the demo catalogue and users. Insert-if-missing, never update: a second run changes
 * nothing, and a password changed after seeding is not reset.
 */
export async function seedDemo(ds: DataSource, password: string): Promise<void> {
  const existingUsers = await ds.getRepository(User).findBy({ username: In(DEMO_USERS.map((u) => u.username)) });
  const known = new Set(existingUsers.map((u) => u.username));
  // Hash before the transaction so it is not held open for bcrypt's deliberate slowness.
  const newUsers: Omit<User, 'id'>[] = [];
  for (const u of DEMO_USERS.filter((x) => !known.has(x.username))) {
    newUsers.push({ ...u, passwordHash: await bcrypt.hash(password, 10), failedLogins: 0, lockedUntil: null, active: true, createdAt: new Date() });
  }

  await ds.transaction(async (em) => {
    const deptCodes = new Set((await em.find(Department)).map((d) => d.code));
    const newDepts = departments.filter((d) => !deptCodes.has(d.code));
    if (newDepts.length) await em.insert(Department, newDepts);

    const matterCodes = new Set((await em.find(Matter)).map((x) => x.code));
    const newMatters = matters.filter((x) => !matterCodes.has(x.code)).map(({ materials: _, requires, stage, approval, ...row }) => ({
      ...row, requires: requires ?? null, stage: stage ?? null, approval: approval ?? null,
    }));
    if (newMatters.length) await em.insert(Matter, newMatters);

    const key = (matterCode: string, code: string) => `${matterCode}/${code}`;
    const materialKeys = new Set((await em.find(MatterMaterial)).map((x) => key(x.matterCode, x.code)));
    const newMaterials = matters.flatMap((x) => x.materials.map((mat) => ({ ...mat, matterCode: x.code })))
      .filter((mat) => !materialKeys.has(key(mat.matterCode, mat.code)));
    if (newMaterials.length) await em.insert(MatterMaterial, newMaterials);

    if (newUsers.length) await em.insert(User, newUsers);
  });
}
