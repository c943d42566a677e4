import { Tag } from 'antd';
import { LIGHTS, type Light } from '../lib/labels';

/** The traffic light as colour and words, never colour alone. */
export function LightTag({ light }: { light: string | null | undefined }) {
  if (!light || !(light in LIGHTS)) return <Tag>—</Tag>;
  const { label, color } = LIGHTS[light as Light];
  return (
    <Tag color={color} aria-label={`时限状态：${label}`}>
      <span aria-hidden="true">●</span> {label}
    </Tag>
  );
}
