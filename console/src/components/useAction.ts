// One way to run an action: a spinner while it runs, a message when it is done, the problem in
// Chinese words when refused, and the 400's fields marked on the form.
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { describeProblem, fieldErrors } from '../lib/problem';

export function useAction() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  async function run<T>(action: () => Promise<T>, done: string, form?: FormInstance): Promise<T | undefined> {
    setBusy(true);
    setError(undefined);
    try {
      const result = await action();
      void message.success(done);
      return result;
    } catch (err) {
      setError(err);
      const fields = fieldErrors(err);
      if (form && fields.length) form.setFields(fields);
      const { message: words, allowed } = describeProblem(err);
      void message.error(allowed.length ? `${words}当前可执行：${allowed.join('、')}` : words);
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return { run, busy, error, clearError: () => setError(undefined) };
}
