// 事项目录: the departments and the matters with limits, stage, prerequisites, panel and materials.
// Cases already registered keep the matter as it was at registration.
import { Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { MaterialTags } from '../../../components/MaterialTags';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAction } from '../../../components/useAction';
import { usePolling } from '../../../lib/usePolling';
import type { Department } from '../../../lib/types';
import {
  createDepartment, createMatter, getDepartments, getMatters, getUsers, replaceMatter, type CatalogueMatter, type MatterBody,
} from '../api/admin';
import { APPROVAL_MODES, MatterForm, STAGES, matterValues, type MatterValues } from './MatterForm';

type MatterBodyProcedures = NonNullable<MatterBody['specialProcedures']>;
type MatterBodyStage = NonNullable<MatterBody['stage']>;
type MatterBodyMode = NonNullable<MatterBody['approval']>['mode'];

type Dialog = { kind: 'matter'; matter: CatalogueMatter | null } | { kind: 'department' } | null;

const EMPTY: Partial<MatterValues> = {
  instant: false, requires: [], specialProcedures: [], approvalMode: 'single', approvers: [],
  materials: [{ code: 'application-form', name: '申请表', required: true, core: true }],
};

export function CataloguePage() {
  const matters = usePolling(getMatters, [], 15_000);
  const departments = usePolling(getDepartments, [], 30_000);
  const users = usePolling(getUsers, [], 30_000);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [matterForm] = Form.useForm<MatterValues>();
  const [departmentForm] = Form.useForm<Department>();
  const action = useAction();
  const departmentName = (code: string) => departments.data?.find((d) => d.code === code)?.name ?? code;

  const open = (next: Dialog) => {
    action.clearError();
    setDialog(next);
    if (next?.kind === 'matter') {
      matterForm.resetFields();
      matterForm.setFieldsValue(next.matter ? matterValues(next.matter) : EMPTY);
    } else departmentForm.resetFields();
  };

  const saveMatter = async () => {
    const values = await matterForm.validateFields();
    const body = {
      name: values.name.trim(),
      departmentCode: values.departmentCode,
      legalDays: values.legalDays,
      committedDays: values.committedDays,
      instant: values.instant ?? false,
      specialProcedures: (values.specialProcedures ?? []) as MatterBodyProcedures,
      requires: values.requires ?? [],
      ...(values.stage ? { stage: values.stage as MatterBodyStage } : {}),
      approval: { mode: values.approvalMode as MatterBodyMode, approvers: values.approvalMode === 'single' ? [] : values.approvers ?? [] },
      materials: (values.materials ?? []).map((m) => ({ code: m.code.trim(), name: m.name.trim(), required: !!m.required, core: !!m.core })),
    };
    const existing = dialog?.kind === 'matter' ? dialog.matter : null;
    const done = existing
      ? await action.run(() => replaceMatter(existing.code, body), `事项 ${existing.code} 已保存，新收件按新目录办理`, matterForm)
      : await action.run(() => createMatter({ code: values.code.trim(), ...body }), `事项 ${values.code} 已添加`, matterForm);
    if (done) {
      setDialog(null);
      void matters.reload();
    }
  };

  const saveDepartment = async () => {
    const values = await departmentForm.validateFields();
    if (await action.run(() => createDepartment({ code: values.code.trim(), name: values.name.trim() }), `部门 ${values.name} 已添加`, departmentForm)) {
      setDialog(null);
      void departments.reload();
    }
  };

  return (
    <>
      <PageHeading
        title="事项目录"
        extra={(
          <Space>
            <Button onClick={() => open({ kind: 'department' })}>添加部门</Button>
            <Button type="primary" onClick={() => open({ kind: 'matter', matter: null })}>添加事项</Button>
          </Space>
        )}
      />
      <ProblemAlert error={matters.error ?? departments.error} />
      <Card size="small" title="审批事项">
        <Table<CatalogueMatter>
          size="small"
          rowKey="code"
          loading={matters.loading}
          scroll={{ x: true }}
          pagination={false}
          dataSource={matters.data ?? []}
          expandable={{
            expandedRowRender: (matter) => (
              <Table
                size="small"
                rowKey="code"
                pagination={false}
                dataSource={matter.materials}
                columns={[
                  { title: '材料', dataIndex: 'name' },
                  { title: '编码', dataIndex: 'code' },
                  { title: '要求', key: 'tags', render: (_, material) => <MaterialTags material={material} /> },
                ]}
              />
            ),
          }}
          columns={[
            { title: '编码', dataIndex: 'code' },
            { title: '名称', dataIndex: 'name' },
            { title: '部门', key: 'department', render: (_, m) => departmentName(m.departmentCode) },
            { title: '法定 / 承诺时限', key: 'limits', render: (_, m) => (m.instant ? <Tag color="green">即办件</Tag> : `${m.legalDays} / ${m.committedDays} 个工作日`) },
            { title: '阶段', key: 'stage', render: (_, m) => STAGES.find((s) => s.value === m.stage)?.label ?? '—' },
            { title: '前置事项', key: 'requires', render: (_, m) => (m.requires?.length ? m.requires.join('、') : '—') },
            {
              title: '审批方式', key: 'approval',
              render: (_, m) => {
                const mode = APPROVAL_MODES.find((a) => a.value === m.approval?.mode)?.label ?? '单人审批';
                return m.approval?.approvers.length ? `${mode}：${m.approval.approvers.join('、')}` : mode;
              },
            },
            { title: '材料', key: 'materials', render: (_, m) => `${m.materials.length} 项` },
            { title: '操作', key: 'actions', render: (_, m) => <Button size="small" onClick={() => open({ kind: 'matter', matter: m })} aria-label={`编辑事项 ${m.code}`}>编辑</Button> },
          ]}
        />
      </Card>
      <Card size="small" title="部门" style={{ marginTop: 16 }}>
        <Typography.Paragraph>
          {(departments.data ?? []).map((d) => <Tag key={d.code}>{d.name}（{d.code}）</Tag>)}
        </Typography.Paragraph>
      </Card>
      <Modal
        open={dialog?.kind === 'matter'}
        width={900}
        title={dialog?.kind === 'matter' && dialog.matter ? `编辑事项 ${dialog.matter.code}` : '添加事项'}
        okText="保存"
        cancelText="取消"
        confirmLoading={action.busy}
        onOk={() => void saveMatter()}
        onCancel={() => setDialog(null)}
        forceRender
      >
        <ProblemAlert error={action.error} />
        <MatterForm
          form={matterForm}
          creating={dialog?.kind === 'matter' && dialog.matter === null}
          departments={departments.data ?? []}
          matters={matters.data ?? []}
          users={users.data ?? []}
        />
      </Modal>
      <Modal
        open={dialog?.kind === 'department'}
        title="添加部门"
        okText="保存"
        cancelText="取消"
        confirmLoading={action.busy}
        onOk={() => void saveDepartment()}
        onCancel={() => setDialog(null)}
        forceRender
      >
        <ProblemAlert error={action.error} />
        <Form form={departmentForm} layout="vertical">
          <Form.Item name="code" label="部门编码" rules={[{ required: true, pattern: /^[a-z][a-z0-9-]{1,31}$/, message: '2–32 位小写字母、数字或横线' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label="部门名称" rules={[{ required: true, whitespace: true, message: '请填写部门名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
