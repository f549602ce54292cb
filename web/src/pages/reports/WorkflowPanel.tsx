import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Space, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../../api/client';
import { errorText } from '../../app/errors';
import { useCan } from '../../app/session';
import { CommentsCard } from './CommentsCard';
import { reportKey, useWorkflow } from './queries';
import type { ReportState, ReportView } from './types';
import { VersionsCard } from './VersionsCard';
import { DecisionDialog, type Decision } from './WorkflowDialogs';

const steps: ReportState[] = ['draft', 'commenting', 'signing', 'secrecyReview', 'approved', 'published'];

/**
 * 起草 → 征求意见 → 领导签批 → 保密审查 → 发布: the actions the report's state and the user's
 * permissions allow, the comments, sign-offs and reviews so far, and every version.
 */
export function WorkflowPanel({ report: r }: { report: ReportView }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const workflow = useWorkflow(r.id);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const path = { params: { path: { id: r.id } } };
  const done = () => {
    void qc.invalidateQueries({ queryKey: reportKey(r.id) });
    void qc.invalidateQueries({ queryKey: ['reports', 'list'] });
  };
  const submit = useMutation({
    mutationFn: () => call(api.POST('/api/reports/{id}/submit', path)),
    onSuccess: done,
  });
  const close = useMutation({
    mutationFn: () => call(api.POST('/api/reports/{id}/comments/close', path)),
    onSuccess: done,
  });
  const problems =
    submit.error instanceof ApiError && Array.isArray(submit.error.extra.problems)
      ? (submit.error.extra.problems as string[])
      : null;
  const manage = can('reports.manage');
  const action = (key: Decision, label: string, primary = false) => (
    <Button type={primary ? 'primary' : 'default'} onClick={() => setDeciding(key)} data-testid={`wf-${key}`}>
      {label}
    </Button>
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Steps
          size="small"
          current={steps.indexOf(r.state)}
          items={steps.map((s) => ({ title: t(`reports.states.${s}`) }))}
        />
        <Space wrap style={{ marginTop: 16 }} data-testid="workflow-actions">
          {r.state === 'draft' && manage && (
            <>
              {action('startComments', t('reports.startComments'))}
              <Button
                type="primary"
                loading={submit.isPending}
                onClick={() => submit.mutate()}
                data-testid="wf-submit"
              >
                {t('reports.submit')}
              </Button>
            </>
          )}
          {r.state === 'commenting' && manage && (
            <Button loading={close.isPending} onClick={() => close.mutate()} data-testid="wf-close">
              {t('reports.closeComments')}
            </Button>
          )}
          {r.state === 'signing' && can('reports.sign') && (
            <>
              {action('approve', t('reports.approve'), true)}
              {action('return', t('reports.return'))}
            </>
          )}
          {r.state === 'secrecyReview' &&
            can('reports.secrecy') &&
            action('secrecy', t('reports.secrecyReview'), true)}
          {r.state === 'approved' && can('reports.publish') && action('publish', t('reports.publish'), true)}
          {r.state === 'published' && (
            <Button href="/portal/reports" target="_blank">
              {t('reports.viewOnPortal')}
            </Button>
          )}
        </Space>
        {problems && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            data-testid="submit-problems"
            title={t('reports.notReady')}
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
        {submit.error && !problems && (
          <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorText(submit.error)} />
        )}
        {close.error && (
          <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorText(close.error)} />
        )}
      </Card>
      {workflow.error && <Alert type="error" showIcon title={errorText(workflow.error)} />}
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <CommentsCard report={r} comments={workflow.data?.comments ?? []} />
        </Col>
        <Col xs={24} xl={14}>
          <VersionsCard report={r} workflow={workflow.data} />
        </Col>
      </Row>
      <DecisionDialog report={r} decision={deciding} onClose={() => setDeciding(null)} onDone={done} />
    </Space>
  );
}
