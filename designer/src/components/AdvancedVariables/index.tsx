// The raw variable editor kept for operators under a collapsed 高级 section (start without a start form, task without a form).
import { Collapse, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { VariablePairsFields } from '../VariablePairsFields';

/** A collapsed section titled `label` holding `help` and name/value rows for list field `name` of the enclosing antd Form. */
export function AdvancedVariables({ label, help, name = 'variables', style }: { label: string; help: string; name?: string; style?: CSSProperties }) {
  return (
    <Collapse
      size="small"
      style={style}
      items={[
        {
          key: 'advanced',
          label,
          children: (
            <>
              <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>
              <VariablePairsFields name={name} />
            </>
          ),
        },
      ]}
    />
  );
}
