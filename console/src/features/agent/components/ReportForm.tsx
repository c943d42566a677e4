// 半月汇报: progress and problems of the current half-month, sent by the project's agent.
import { Button, Form, Input, Typography } from 'antd';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAction } from '../../../components/useAction';
import { submitReport, type Project } from '../api/agent';
import { halfMonthAt, periodName } from '../hooks/reportPeriod';

export function ReportForm({ project, onDone }: { project: Project; onDone: () => void }) {
  const [form] = Form.useForm<{ progress: string; problems?: string }>();
  const action = useAction();
  const current = halfMonthAt(Date.now()).period;

  const submit = async () => {
    const { progress, problems } = await form.validateFields();
    const body = { progress: progress.trim(), ...(problems?.trim() ? { problems: problems.trim() } : {}) };
    if (await action.run(() => submitReport(project.id, body), `${periodName(current)}汇报已提交`, form)) {
      form.resetFields();
      onDone();
    }
  };

  return (
    <Form form={form} layout="vertical">
      <Typography.Paragraph type="secondary">本次汇报计入{periodName(current)}。</Typography.Paragraph>
      <ProblemAlert error={action.error} />
      <Form.Item name="progress" label="项目进展" rules={[{ required: true, whitespace: true, message: '请填写项目进展' }]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="problems" label="存在问题及需协调事项（可选）">
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Button type="primary" loading={action.busy} onClick={() => void submit()}>提交半月汇报</Button>
    </Form>
  );
}
