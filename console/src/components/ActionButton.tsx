// A case or step action: a button that runs at once, or opens a dialog with the action's form.
// The answer shows in place: a message, the refused action in Chinese words, marked fields.
import { Button, Form, Modal, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { ProblemAlert } from './ProblemAlert';
import { useAction } from './useAction';

interface Props<V> {
  label: string;
  /** The dialog's form; without it the action runs on click. */
  fields?: ReactNode;
  initialValues?: Partial<V>;
  run: (values: V) => Promise<unknown>;
  done: string;
  onDone?: () => void;
  type?: ButtonProps['type'];
  danger?: boolean;
}

export function ActionButton<V extends object>({ label, fields, initialValues, run: act, done, onDone, type, danger }: Props<V>) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<V>();
  const { run, busy, error, clearError } = useAction();

  const submit = async (values: V) => {
    const result = await run(() => act(values), done, form);
    if (result !== undefined) {
      setOpen(false);
      form.resetFields();
      onDone?.();
    }
  };

  if (!fields) {
    return <Button type={type} danger={danger} loading={busy} onClick={() => void submit({} as V)}>{label}</Button>;
  }
  return (
    <>
      <Button type={type} danger={danger} onClick={() => { clearError(); setOpen(true); }}>{label}</Button>
      <Modal
        title={label}
        open={open}
        okText={`确认${label}`}
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnClose
      >
        <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => void submit(values)} preserve={false}>
          {fields}
          {error !== undefined && <ProblemAlert error={error} />}
        </Form>
      </Modal>
    </>
  );
}
