import { Alert } from 'antd';
import { describeProblem } from '../lib/problem';

/** A failed request in Chinese words; for a 409, the actions allowed now. */
export function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const { message, allowed, detail } = describeProblem(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={message}
      description={
        allowed.length || detail ? (
          <>
            {allowed.length > 0 && <div>当前可执行的操作：{allowed.join('、')}</div>}
            {detail && <div>系统说明：{detail}</div>}
          </>
        ) : undefined
      }
    />
  );
}
