// The lint panel: the modeler's findings and the server's refusal, each naming its element; a click selects it. It
// folds down to its counts to give the canvas the room.
import { Button, Empty, Flex, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import type { ModelProblem } from '../../../api/deployments';
import { useT } from '../../../i18n/useT';
import type { LintIssue } from '../BpmnCanvas';

/** One row of the panel. */
export interface PanelFinding {
  source: 'lint' | 'server';
  severity: 'error' | 'warning';
  elementId?: string;
  elementName?: string;
  message: string;
  code: string;
}

/** How the panel names an element and words a lint message. */
export interface FindingText {
  nameOf: (elementId: string) => string | undefined;
  translate: (message: string) => string;
}

/** Turns lint issues and server problems/warnings into panel rows, errors first. */
export function panelFindings(issues: readonly LintIssue[], server: { problems: readonly ModelProblem[]; warnings: readonly ModelProblem[] }, text: FindingText): PanelFinding[] {
  const fromServer = (severity: PanelFinding['severity']) => (p: ModelProblem): PanelFinding => ({
    source: 'server',
    severity,
    elementId: p.elementId,
    elementName: p.elementId ? text.nameOf(p.elementId) : undefined,
    message: p.message,
    code: p.code,
  });
  const rows: PanelFinding[] = [
    ...server.problems.map(fromServer('error')),
    ...issues.map(
      (issue): PanelFinding => ({
        source: 'lint',
        severity: issue.category === 'warn' || issue.category === 'info' ? 'warning' : 'error',
        elementId: issue.id,
        elementName: text.nameOf(issue.id),
        message: text.translate(issue.message),
        code: issue.rule,
      }),
    ),
    ...server.warnings.map(fromServer('warning')),
  ];
  return rows.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** Lists `findings` with a count summary (folded: the summary only); `onSelect` is called with the element id of a clicked row. */
export function LintPanel({ findings, onSelect }: { findings: readonly PanelFinding[]; onSelect: (elementId: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(true);
  const listId = useId();
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  return (
    <section aria-label={t('lint.title')} style={{ borderTop: '1px solid #f0f0f0', background: '#fff', maxHeight: open ? 170 : undefined, overflowY: 'auto', padding: '6px 12px' }}>
      <Flex gap="small" align="center" style={{ marginBottom: open ? 4 : 0 }}>
        <Typography.Text strong>{t('lint.title')}</Typography.Text>
        <Tag color={errors ? 'error' : 'success'}>{t('lint.errors', { count: errors })}</Tag>
        <Tag color={warnings ? 'warning' : 'default'}>{t('lint.warnings', { count: warnings })}</Tag>
        <Button size="small" type="link" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)} style={{ marginInlineStart: 'auto' }}>
          {t(open ? 'lint.collapse' : 'lint.expand')}
        </Button>
      </Flex>
      <div id={listId} hidden={!open}>
        {findings.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lint.none')} style={{ margin: 4 }} />
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {findings.map((finding, index) => (
              <li key={index}>
                <Typography.Link
                  onClick={() => finding.elementId && onSelect(finding.elementId)}
                  style={{ display: 'flex', gap: 8, alignItems: 'baseline', color: 'inherit', padding: '2px 0' }}
                >
                  <Tag color={finding.severity === 'error' ? 'error' : 'warning'} style={{ marginInlineEnd: 0 }}>
                    {t(finding.source === 'server' ? (finding.severity === 'error' ? 'lint.serverError' : 'lint.serverWarning') : finding.severity === 'error' ? 'lint.error' : 'lint.warning')}
                  </Tag>
                  <Typography.Text strong>{finding.elementName ?? finding.elementId ?? t('lint.diagram')}</Typography.Text>
                  <Typography.Text>{finding.message}</Typography.Text>
                  <Typography.Text type="secondary" code>
                    {finding.code}
                  </Typography.Text>
                </Typography.Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
