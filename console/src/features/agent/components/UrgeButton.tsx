// 催办: the leader of every open step's department is told; the note is optional.
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAction } from '../../../components/useAction';
import { urgeCase } from '../api/agent';

export function UrgeButton({ caseId, trackingCode, onDone }: { caseId: string; trackingCode: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ note?: string }>();
  const action = useAction();

  const submit = async () => {
    const { note } = await form.validateFields();
    const text = note?.trim();
    if (await action.run(() => urgeCase(caseId, text ? { note: text } : {}), '已催办，相关部门负责人将收到通知', form)) {
      setOpen(false);
      onDone();
    }
  };

  return (
    <>
      <Button size="small" onClick={() => { action.clearError(); form.resetFields(); setOpen(true); }} aria-label={`催办办件 ${trackingCode}`}>催办</Button>
      <Modal
        open={open}
        title={`催办办件 ${trackingCode}`}
        okText="确认催办"
        cancelText="取消"
        confirmLoading={action.busy}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        forceRender
      >
        <ProblemAlert error={action.error} />
        <Form form={form} layout="vertical">
          <Form.Item name="note" label="催办说明（可选）">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
