// 办件查询 for applicants (no sign-in): progress only; after delivery 好差评, and 效能投诉 any time.
// Laid out for a phone (375 px) first.
import { Alert, Button, Card, Descriptions, Form, Input, List, Radio, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { CaseStatusTag, StepStatusTag } from '../../../components/StatusTag';
import { useAction } from '../../../components/useAction';
import { formatInstant } from '../../../lib/format';
import { usePolling } from '../../../lib/usePolling';
import { complain, evaluate, track, type Tracking } from '../api/track';

const LEVELS = [
  { value: 5, label: '非常满意' },
  { value: 4, label: '满意' },
  { value: 3, label: '基本满意' },
  { value: 2, label: '不满意' },
  { value: 1, label: '非常不满意' },
];

interface Query {
  trackingCode: string;
  phoneLast4: string;
}

export function TrackPage() {
  const [query, setQuery] = useState<Query>();
  // The QR code on every paper opens /track?code=<tracking code>: the code is filled in already.
  const [params] = useSearchParams();
  const scanned = params.get('code')?.trim().toUpperCase();
  return (
    <main style={{ maxWidth: 560, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={1} style={{ fontSize: '1.5em', textAlign: 'center', marginTop: 8 }}>办件进度查询</Typography.Title>
      <Card style={{ marginBottom: 12 }}>
        <Form<Query>
          layout="vertical"
          initialValues={scanned ? { trackingCode: scanned } : undefined}
          onFinish={(values) => setQuery({ trackingCode: values.trackingCode.trim().toUpperCase(), phoneLast4: values.phoneLast4.trim() })}
        >
          <Form.Item label="查询码" name="trackingCode" rules={[{ required: true, whitespace: true, message: '请输入受理时取得的查询码' }]}>
            <Input autoComplete="off" autoCapitalize="characters" />
          </Form.Item>
          <Form.Item label="手机号后四位" name="phoneLast4" rules={[{ required: true, pattern: /^[0-9]{4}$/, message: '请输入手机号码的后四位数字' }]}>
            <Input inputMode="numeric" maxLength={4} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>查询</Button>
        </Form>
      </Card>
      {query && <Progress key={`${query.trackingCode}-${query.phoneLast4}`} query={query} />}
      <Typography.Paragraph style={{ textAlign: 'center' }}><Link to="/login">工作人员登录</Link></Typography.Paragraph>
    </main>
  );
}

function Progress({ query }: { query: Query }) {
  const { data, error, reload } = usePolling(() => track(query.trackingCode, query.phoneLast4), [query.trackingCode, query.phoneLast4], 10_000);
  if (!data) {
    if (!error) return <Typography.Text>正在查询…</Typography.Text>;
    return <Alert type="error" showIcon role="alert" message="未查询到办件" description="请核对查询码和手机号后四位。" />;
  }
  return (
    <>
      <Card title="办理进度" style={{ marginBottom: 12 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="查询码">{data.trackingCode}</Descriptions.Item>
          <Descriptions.Item label="办件状态"><CaseStatusTag status={data.status} /></Descriptions.Item>
          <Descriptions.Item label="收件时间">{formatInstant(data.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label="受理时间">{formatInstant(data.acceptedAt)}</Descriptions.Item>
          <Descriptions.Item label="出件时间">{formatInstant(data.deliveredAt)}</Descriptions.Item>
        </Descriptions>
        {data.deficiency && data.deficiency.owed.length > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }}
            message={`请补交：${data.deficiency.owed.map((m) => m.name).join('、')}`}
            description={`补交期限：${formatInstant(data.deficiency.dueAt)}`} />
        )}
        <List
          header={<Typography.Text strong>各部门审批情况</Typography.Text>}
          dataSource={data.steps}
          locale={{ emptyText: '受理后将分送相关部门同步审批' }}
          renderItem={(step) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <span>事项 {step.matterCode}（{step.departmentCode.toUpperCase()}）</span>
                <Space wrap>
                  <StepStatusTag status={step.status} />
                  <Typography.Text type="secondary">承诺办结：{formatInstant(step.dueAt)}</Typography.Text>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {data.status === 'delivered' && <Evaluation query={query} onDone={() => void reload()} />}
      <Complaint query={query} tracking={data} />
    </>
  );
}

function Evaluation({ query, onDone }: { query: Query; onDone: () => void }) {
  const { run, busy, error } = useAction();
  const [rated, setRated] = useState(false);
  if (rated) return <Card style={{ marginBottom: 12 }}><Result status="success" title="感谢您的评价" /></Card>;
  return (
    <Card title="服务评价（好差评）" style={{ marginBottom: 12 }}>
      <Form<{ level: number; comment?: string }>
        layout="vertical"
        onFinish={(values) => void run(() => evaluate(query.trackingCode, { phoneLast4: query.phoneLast4, level: values.level, ...(values.comment ? { comment: values.comment } : {}) }), '评价已提交')
          .then((answer) => {
            if (answer) {
              setRated(true);
              onDone();
            }
          })}
      >
        <Form.Item label="满意程度" name="level" rules={[{ required: true, message: '请选择满意程度' }]}>
          <Radio.Group>
            <Space direction="vertical">
              {LEVELS.map((level) => <Radio key={level.value} value={level.value}>{level.label}</Radio>)}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item label="评价内容（选填）" name="comment"><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        {error !== undefined && <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div>}
        <Button type="primary" htmlType="submit" loading={busy} block>提交评价</Button>
      </Form>
    </Card>
  );
}

function Complaint({ query, tracking }: { query: Query; tracking: Tracking }) {
  const { run, busy, error } = useAction();
  const [receipt, setReceipt] = useState<{ number: string; deadlineAt: string | null }>();
  const departments = [...new Set(tracking.steps.map((s) => s.departmentCode))];
  if (receipt) {
    return (
      <Card style={{ marginBottom: 12 }}>
        <Result status="success" title="投诉已受理" subTitle={`投诉编号 ${receipt.number}，将于 ${formatInstant(receipt.deadlineAt)} 前答复。`} />
      </Card>
    );
  }
  return (
    <Card title="效能投诉" style={{ marginBottom: 12 }}>
      <Form<{ content: string; departmentCode?: string }>
        layout="vertical"
        onFinish={(values) => void run(() => complain(query.trackingCode, { phoneLast4: query.phoneLast4, content: values.content, ...(values.departmentCode ? { departmentCode: values.departmentCode } : {}) }), '投诉已提交')
          .then((answer) => answer && setReceipt(answer))}
      >
        {departments.length > 0 && (
          <Form.Item label="投诉的部门（选填）" name="departmentCode">
            <Radio.Group>
              <Space wrap>{departments.map((code) => <Radio key={code} value={code}>{code.toUpperCase()}</Radio>)}</Space>
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item label="投诉内容" name="content" rules={[{ required: true, whitespace: true, message: '请填写投诉内容' }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        {error !== undefined && <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div>}
        <Button htmlType="submit" loading={busy} block>提交投诉</Button>
      </Form>
    </Card>
  );
}
