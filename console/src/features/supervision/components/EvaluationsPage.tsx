// 好差评: the ratings of the period and the follow-up (回访整改) each bad rating opens, closed with a note.
import { Button, Card, Col, DatePicker, Form, Input, Modal, Radio, Row, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAction } from '../../../components/useAction';
import { formatInstant } from '../../../lib/format';
import { usePolling } from '../../../lib/usePolling';
import { closeFollowUp, getEvaluationFigures, getEvaluations, type Evaluation } from '../api/supervision';
import { usePeriod } from '../hooks/usePeriod';
import { percent } from './rates';

type Filter = 'all' | 'open' | 'closed';

function FollowUp({ evaluation }: { evaluation: Evaluation }) {
  const followUp = evaluation.followUp;
  if (!followUp) return <span>无需回访</span>;
  const late = followUp.overdue ? <Tag color="red">已逾期</Tag> : null;
  if (followUp.status === 'open') return <span><Tag color="orange">待整改</Tag>期限 {formatInstant(followUp.deadlineAt)} {late}</span>;
  return <span><Tag color="green">已整改</Tag>{formatInstant(followUp.closedAt)} {followUp.closedBy ?? ''}：{followUp.note ?? ''} {late}</span>;
}

export function EvaluationsPage() {
  const { period, range, onRange } = usePeriod();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const list = usePolling(
    () => getEvaluations({ ...period, ...(filter === 'all' ? {} : { followUp: filter }), page, pageSize: 20 }),
    [period.from, period.to, filter, page],
  );
  const figures = usePolling(() => getEvaluationFigures(period), [period.from, period.to], 15_000);
  const [closing, setClosing] = useState<Evaluation | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const action = useAction();
  const f = figures.data;

  const submit = async () => {
    if (!closing) return;
    const { note } = await form.validateFields();
    if (await action.run(() => closeFollowUp(closing.id, { note }), '回访整改已办结', form)) {
      setClosing(null);
      void list.reload();
      void figures.reload();
    }
  };

  return (
    <>
      <PageHeading
        title="好差评"
        extra={(
          <Space wrap>
            <label htmlFor="evaluations-period">评价期间</label>
            <DatePicker.RangePicker id="evaluations-period" value={range} onChange={onRange} allowClear={false} />
          </Space>
        )}
      />
      <ProblemAlert error={list.error ?? figures.error} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}><Card size="small"><Statistic title="评价数" value={f?.evaluations ?? 0} suffix="条" /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="好评率" value={percent(f?.goodRate)} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="差评率" value={percent(f?.badRate)} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="平均分（5 分制）" value={f?.avgLevel ?? '—'} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="待整改" value={f?.followUpsOpen ?? 0} suffix="条" /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="整改逾期" value={f?.followUpsOverdue ?? 0} suffix="条" valueStyle={f?.followUpsOverdue ? { color: '#cf1322' } : undefined} /></Card></Col>
      </Row>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title="评价列表"
        extra={(
          <Radio.Group
            aria-label="回访整改"
            optionType="button"
            value={filter}
            onChange={(event) => { setFilter(event.target.value as Filter); setPage(1); }}
            options={[{ value: 'all', label: '全部评价' }, { value: 'open', label: '待整改差评' }, { value: 'closed', label: '已整改' }]}
          />
        )}
      >
        <Table<Evaluation>
          size="small"
          rowKey="id"
          loading={list.loading}
          scroll={{ x: true }}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: '期间内没有评价' }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (total) => `共 ${total} 条` }}
          columns={[
            { title: '评价时间', key: 'at', render: (_, row) => formatInstant(row.createdAt) },
            { title: '评价', key: 'level', render: (_, row) => <Tag color={row.bad ? 'red' : row.level >= 4 ? 'green' : 'default'}>{row.levelName}（{row.level} 分）</Tag> },
            { title: '意见', key: 'comment', render: (_, row) => row.comment ?? '—' },
            { title: '办件', dataIndex: 'caseId' },
            { title: '回访整改', key: 'followUp', render: (_, row) => <FollowUp evaluation={row} /> },
            {
              title: '操作', key: 'actions',
              render: (_, row) => (row.followUp?.allowed.includes('CLOSE') ? (
                <Button size="small" onClick={() => { action.clearError(); form.resetFields(); setClosing(row); }} aria-label={`办结差评回访 ${row.id}`}>
                  办结回访
                </Button>
              ) : null),
            },
          ]}
        />
      </Card>
      <Modal
        open={closing !== null}
        title="办结差评回访整改"
        okText="提交"
        cancelText="取消"
        confirmLoading={action.busy}
        onOk={() => void submit()}
        onCancel={() => setClosing(null)}
        destroyOnHidden
      >
        <ProblemAlert error={action.error} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="note" label="回访整改情况" rules={[{ required: true, whitespace: true, message: '请填写回访整改情况' }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
