// One matter of the catalogue: limits, stage, prerequisites, special procedures, the approval
// panel and the material list. A 400 marks the offending field (materials.2.core, requires.0, …).
import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography, type FormInstance } from 'antd';
import { SUSPEND_KINDS } from '../../../lib/labels';
import type { Department } from '../../../lib/types';
import type { CatalogueMatter, UserAccount } from '../api/admin';

export const STAGES = [
  { value: 'landUse', label: '立项用地规划许可' },
  { value: 'engineering', label: '工程建设许可' },
  { value: 'construction', label: '施工许可' },
  { value: 'acceptance', label: '竣工验收' },
];

export const APPROVAL_MODES = [
  { value: 'single', label: '单人审批' },
  { value: 'all', label: '会签（全部同意）' },
  { value: 'any', label: '或签（一人决定）' },
  { value: 'sequential', label: '依次审批' },
];

export interface MatterValues {
  code: string;
  name: string;
  departmentCode: string;
  legalDays: number;
  committedDays: number;
  instant: boolean;
  stage?: string;
  requires: string[];
  specialProcedures: string[];
  approvalMode: string;
  approvers: string[];
  materials: { code: string; name: string; required: boolean; core: boolean }[];
}

export function matterValues(matter: CatalogueMatter): MatterValues {
  return {
    code: matter.code,
    name: matter.name,
    departmentCode: matter.departmentCode,
    legalDays: matter.legalDays,
    committedDays: matter.committedDays,
    instant: matter.instant,
    stage: matter.stage ?? undefined,
    requires: matter.requires ?? [],
    specialProcedures: matter.specialProcedures ?? [],
    approvalMode: matter.approval?.mode ?? 'single',
    approvers: matter.approval?.approvers ?? [],
    materials: matter.materials.map(({ code, name, required, core }) => ({ code, name, required, core })),
  };
}

export function MatterForm({ form, creating, departments, matters, users }: {
  form: FormInstance<MatterValues>;
  creating: boolean;
  departments: Department[];
  matters: CatalogueMatter[];
  users: UserAccount[];
}) {
  const department = Form.useWatch('departmentCode', form);
  const mode = Form.useWatch('approvalMode', form);
  const code = Form.useWatch('code', form);
  const reviewers = users.filter((user) => user.active && (user.role === 'officer' || user.role === 'leader') && user.departmentCode === department);
  return (
    <Form form={form} layout="vertical" preserve={false}>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="code" label="事项编码" rules={[{ required: true, pattern: /^[A-Z0-9][A-Z0-9-]{1,31}$/, message: '2–32 位大写字母、数字或横线' }]}>
            <Input disabled={!creating} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="name" label="事项名称" rules={[{ required: true, whitespace: true, message: '请填写事项名称' }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="departmentCode" label="实施部门" rules={[{ required: true, message: '请选择部门' }]}>
            <Select options={departments.map((d) => ({ value: d.code, label: d.name }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="legalDays" label="法定时限（工作日）" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={1} max={365} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="committedDays" label="承诺时限（工作日）" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} max={365} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="instant" label="即办件" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="stage" label="所属审批阶段">
            <Select allowClear placeholder="不属于工程建设项目阶段" options={STAGES} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="requires" label="前置事项">
            <Select mode="multiple" allowClear options={matters.filter((m) => m.code !== code).map((m) => ({ value: m.code, label: `${m.code} ${m.name}` }))} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="specialProcedures" label="可用特别程序（暂停计时）">
            <Checkbox.Group options={SUSPEND_KINDS.map((kind) => ({ value: kind, label: kind }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="approvalMode" label="审批方式">
            <Select options={APPROVAL_MODES} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="approvers"
            label="审批组成员（按审批顺序）"
            extra={mode === 'single' ? '单人审批不设审批组' : '至少两名本部门在岗的审批人员或负责人'}
          >
            <Select
              mode="multiple"
              disabled={mode === 'single'}
              options={reviewers.map((user) => ({ value: user.username, label: `${user.displayName}（${user.username}）` }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={3} style={{ fontSize: '1em' }}>申请材料</Typography.Title>
      <Form.List name="materials">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'code']} label={`材料 ${index + 1} 编码`} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{0,63}$/, message: '小写字母、数字和横线' }]}>
                  <Input style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} label={`材料 ${index + 1} 名称`} rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
                  <Input style={{ width: 260 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'required']} label="必要" valuePropName="checked">
                  <Checkbox aria-label={`材料 ${index + 1} 必要`} />
                </Form.Item>
                <Form.Item name={[field.name, 'core']} label="核心（不可容缺）" valuePropName="checked">
                  <Checkbox aria-label={`材料 ${index + 1} 核心`} />
                </Form.Item>
                <Button onClick={() => remove(field.name)} aria-label={`删除材料 ${index + 1}`} style={{ marginTop: 30 }}>删除</Button>
              </Space>
            ))}
            <Button onClick={() => add({ code: '', name: '', required: true, core: false })}>添加材料</Button>
          </>
        )}
      </Form.List>
    </Form>
  );
}
