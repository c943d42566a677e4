import { Space, Tag } from 'antd';
import type { Material } from '../lib/types';

/** 必要 / 核心 / 可容缺 for a catalogue material. */
export function MaterialTags({ material }: { material: Pick<Material, 'required' | 'core'> }) {
  return (
    <Space size={4}>
      {material.required ? <Tag color="blue">必要</Tag> : <Tag>非必要</Tag>}
      {material.core && <Tag color="red">核心</Tag>}
      {material.required && !material.core && <Tag color="gold">可容缺</Tag>}
    </Space>
  );
}
