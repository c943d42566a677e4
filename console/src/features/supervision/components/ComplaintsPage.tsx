// 效能投诉: the figures of the period, the complaints with their deadlines, and the actions the
// complaint allows now (交办 / 改派, 办结); complaints received by phone or letter are registered here.
import { Button, Card, Col, DatePicker, Descriptions, Form, Input, Modal, Radio, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAction } from '../../../components/useAction';
import { formatInstant } from '../../../lib/format';
import { usePolling } from '../../../lib/usePolling';
import {
  assignComplaint, getComplaintFigures, getComplaints, registerComplaint, resolveComplaint, type Complaint,
} from '../api/supervision';
import { useNames } from '../hooks/useNames';
import { usePeriod } from '../hooks/usePeriod';
import { percent } from './rates';

const STATUS: Record<Complaint['status'], { label: string; color: string }> = {
  received: { label: '待交办', color: 'blue' },
  assigned: { label: '办理中', color: 'orange' },
  resolved: { label: '已办结', color: 'default' },
};

type Dialog = { kind: 'register' } | { kind: 'assign' | 'resolve'; complaint: Complaint } | null;

function Deadline({ complaint }: { complaint: Complaint }) {
  const when = formatInstant(complaint.deadlineAt);
  if (complaint.onTime === true) return <span>{when} <Tag color="green">按期办结</Tag></span>;
  if (complaint.overdue) return <span>{when} <Tag color="red">{complaint.resolvedAt ? '逾期办结' : '已逾期'}</Tag></span>;
  return <span>{when}</span>;
}

export function ComplaintsPage() {
  const { period, range, onRange } = usePeriod();
  const [status, setStatus] = useState<Complaint['status'] | 'all'>('all');
  const [page, setPage] = useState(1);
  const list = usePolling(
    () => getComplaints({ ...period, ...(status === 'all' ? {} : { status }), page, pageSize: 20 }),
    [period.from, period.to, status, page],
  );
  const figures = usePolling(() => getComplaintFigures(period), [period.from, period.to], 15_000);
  const names = useNames();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const action = useAction();

  const refresh = () => {
    void list.reload();
    void figures.reload();
  };

  const submit = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>;
    let done: unknown;
    if (dialog?.kind === 'register') {
      // Field names follow the body's paths (complainant.phone), so a 400 marks the right field.
      const person = (values.complainant ?? {}) as { name?: string; phone?: string };
      done = await action.run(() => registerComplaint({
        content: String(values.content),
        ...(values.departmentCode ? { departmentCode: String(values.departmentCode) } : {}),
        ...(values.caseId ? { caseId: String(values.caseId).trim() } : {}),
        ...(person.name || person.phone ? {
          complainant: { ...(person.name ? { name: person.name.trim() } : {}), ...(person.phone ? { phone: person.phone.trim() } : {}) },
        } : {}),
      }), '投诉已登记', form);
    } else if (dialog?.kind === 'assign') {
      done = await action.run(() => assignComplaint(dialog.complaint.id, { departmentCode: String(values.departmentCode) }), '已交办', form);
    } else if (dialog?.kind === 'resolve') {
      done = await action.run(() => resolveComplaint(dialog.complaint.id, {
        outcome: String(values.outcome), substantiated: values.substantiated === true,
      }), '投诉已办结', form);
    }
    if (done) {
      setDialog(null);
      refresh();
    }
  };

  const open = (next: Dialog) => {
    action.clearError();
    form.resetFields();
    setDialog(next);
  };

  const departments = (names.catalogue?.departments ?? []).map((d) => ({ value: d.code, label: d.name }));
  const f = figures.data;
  return (
    <>
      <PageHeading
        title="效能投诉"
        extra={(
          <Space wrap>
            <label htmlFor="complaints-period">受理期间</label>
            <DatePicker.RangePicker id="complaints-period" value={range} onChange={onRange} allowClear={false} />
            <Button type="primary" onClick={() => open({ kind: 'register' })}>登记投诉</Button>
          </Space>
        )}
      />
      <ProblemAlert error={list.error ?? figures.error} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}><Card size="small"><Statistic title="收到" value={f?.received ?? 0} suffix="件" /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="已办结" value={f?.resolved ?? 0} suffix="件" /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="办结率" value={percent(f?.resolutionRate)} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="按期办结率" value={percent(f?.onTimeRate)} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="查实" value={f?.substantiated ?? 0} suffix="件" /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="逾期未办结" value={f?.openOverdue ?? 0} suffix="件" valueStyle={f?.openOverdue ? { color: '#cf1322' } : undefined} /></Card></Col>
      </Row>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title="投诉列表"
        extra={(
          <Radio.Group
            aria-label="投诉状态"
            optionType="button"
            value={status}
            onChange={(event) => { setStatus(event.target.value as typeof status); setPage(1); }}
            options={[{ value: 'all', label: '全部' }, ...Object.entries(STATUS).map(([value, { label }]) => ({ value, label }))]}
          />
        )}
      >
        <Table<Complaint>
          size="small"
          rowKey="id"
          loading={list.loading}
          scroll={{ x: true }}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: '期间内没有投诉' }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (total) => `共 ${total} 件` }}
          expandable={{
            expandedRowRender: (row) => (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="投诉内容">{row.content}</Descriptions.Item>
                <Descriptions.Item label="投诉人">{row.complainant ? `${row.complainant.name ?? ''} ${row.complainant.phone ?? ''}` : '—'}</Descriptions.Item>
                <Descriptions.Item label="关联办件">{row.caseId ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="办理结果">{row.outcome ? `${row.outcome}（${row.substantiated ? '查实' : '未查实'}）` : '—'}</Descriptions.Item>
              </Descriptions>
            ),
          }}
          columns={[
            { title: '编号', dataIndex: 'number' },
            { title: '状态', key: 'status', render: (_, row) => <Tag color={STATUS[row.status].color}>{STATUS[row.status].label}</Tag> },
            { title: '来源', key: 'source', render: (_, row) => (row.source === 'office' ? '来电来信来访' : '申请人在线') },
            { title: '被投诉部门', key: 'department', render: (_, row) => names.department(row.departmentCode) },
            { title: '收到时间', key: 'received', render: (_, row) => formatInstant(row.receivedAt) },
            { title: '办理期限', key: 'deadline', render: (_, row) => <Deadline complaint={row} /> },
            { title: '承办', key: 'assignee', render: (_, row) => row.assignee?.username ?? names.department(row.assignedDepartmentCode) },
            {
              title: '操作', key: 'actions',
              render: (_, row) => (
                <Space>
                  {row.allowed.includes('ASSIGN') && (
                    <Button size="small" onClick={() => open({ kind: 'assign', complaint: row })} aria-label={`交办投诉 ${row.number}`}>
                      {row.status === 'assigned' ? '改派' : '交办'}
                    </Button>
                  )}
                  {row.allowed.includes('RESOLVE') && (
                    <Button size="small" onClick={() => open({ kind: 'resolve', complaint: row })} aria-label={`办结投诉 ${row.number}`}>办结</Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'register' ? '登记投诉' : dialog?.kind === 'assign' ? `交办投诉 ${dialog.complaint.number}` : dialog ? `办结投诉 ${dialog.complaint.number}` : ''}
        okText="提交"
        cancelText="取消"
        confirmLoading={action.busy}
        onOk={() => void submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <ProblemAlert error={action.error} />
        <Form form={form} layout="vertical" preserve={false}>
          {dialog?.kind === 'register' && (
            <>
              <Form.Item name="content" label="投诉内容" rules={[{ required: true, whitespace: true, message: '请填写投诉内容' }]}>
                <Input.TextArea rows={4} maxLength={4000} />
              </Form.Item>
              <Form.Item name="departmentCode" label="被投诉部门（可选）">
                <Select allowClear options={departments} />
              </Form.Item>
              <Form.Item name="caseId" label="关联办件编号（可选）">
                <Input />
              </Form.Item>
              <Form.Item name={['complainant', 'name']} label="投诉人姓名（可选）">
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name={['complainant', 'phone']} label="联系电话（可选）">
                <Input maxLength={20} />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'assign' && (
            <Form.Item name="departmentCode" label="承办部门" rules={[{ required: true, message: '请选择承办部门' }]}>
              <Select options={departments} />
            </Form.Item>
          )}
          {dialog?.kind === 'resolve' && (
            <>
              <Form.Item name="outcome" label="办理结果" rules={[{ required: true, whitespace: true, message: '请填写办理结果' }]}>
                <Input.TextArea rows={4} maxLength={4000} />
              </Form.Item>
              <Form.Item name="substantiated" label="是否查实" rules={[{ required: true, message: '请选择是否查实' }]}>
                <Radio.Group options={[{ value: true, label: '查实' }, { value: false, label: '未查实' }]} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
