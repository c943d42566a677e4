import { Result } from 'antd';

export default function Workspace() {
  return <Result status="info" title="正在建设中" />;
}
