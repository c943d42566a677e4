// A case's departments' steps and its timeline, as every case page shows them; `action` adds what
// the viewer may do on a step (e.g. a link to handle their own department's).
import { Card } from 'antd';
import type { ReactNode } from 'react';
import type { CaseView, StepView } from '../lib/types';
import { useCatalogue } from '../lib/useCatalogue';
import { CaseTimeline } from './CaseTimeline';
import { StepsTable } from './StepsTable';

export function CaseProgress({ kase, action }: { kase: Pick<CaseView, 'steps' | 'timeline'>; action?: (step: StepView) => ReactNode }) {
  const catalogue = useCatalogue();
  return (
    <>
      <Card title="部门审批环节" style={{ marginBottom: 16 }}>
        <StepsTable steps={kase.steps} action={action} />
      </Card>
      <Card title="审批进度">
        <CaseTimeline entries={kase.timeline} stepName={(stepId) => {
          const step = kase.steps.find((s) => s.id === stepId);
          return step ? catalogue?.departmentName(step.departmentCode) ?? step.departmentCode : stepId;
        }} />
      </Card>
    </>
  );
}
