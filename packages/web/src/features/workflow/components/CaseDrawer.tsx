import { App, Button, Descriptions, Drawer, Empty, Flex, Grid, List, Steps, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCase, useCaseAction } from '../api';
import type { CaseAction, CaseDetail } from '@zhenggong/core';
import { ActionModal, type ActionInput } from './ActionModal';
import { CaseStatusTag } from './CaseStatusTag';

/** Actions run straight away (no text needed) vs. through the modal. */
const DIRECT: readonly CaseAction[] = ['resubmit', 'withdraw'];

function requestFor(action: CaseAction, input: ActionInput, c: CaseDetail): { path: string; body: object } {
  const text = input.text?.trim();
  switch (action) {
    case 'approve':
    case 'resubmit':
    case 'withdraw':
      return { path: action, body: text ? { comment: text } : {} };
    case 'reject':
      return { path: 'reject', body: { reason: text ?? '' } };
    case 'return':
      return { path: 'return', body: { to: input.to ?? 'submitter', reason: text ?? '' } };
    case 'comment':
      return { path: 'comments', body: { text: text ?? '' } };
    case 'object':
      return { path: 'objections', body: { text: text ?? '' } };
    case 'resolve_objection': {
      const open = c.objections.find((o) => o.status === 'open');
      return { path: `objections/${open?.id ?? ''}/resolve`, body: { resolution: text ?? '', uphold: input.uphold ?? false } };
    }
  }
}

/** One case: who it is about, where it stands, its history, and the buttons the caller may press. */
export function CaseDrawer({ caseId, onClose }: { caseId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const narrow = Grid.useBreakpoint().md === false;
  const query = useCase(caseId);
  const act = useCaseAction();
  const [pending, setPending] = useState<CaseAction | null>(null);
  const c = query.data;

  const run = (action: CaseAction, input: ActionInput) => {
    if (!c) return;
    act.mutate(
      { id: c.caseId, ...requestFor(action, input, c) },
      {
        onSuccess: () => {
          setPending(null);
          void message.success(t('workflow.form.done'));
        },
        onError: showError,
      },
    );
  };

  return (
    <Drawer open={!!caseId} onClose={onClose} title={c?.title ?? t('workflow.drawer.title')} width={narrow ? '100%' : 560} destroyOnHidden>
      {query.error && <QueryErrorAlert error={query.error} />}
      {c && (
        <Flex vertical gap={16}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('workflow.col.subject')}>{c.subject.name}</Descriptions.Item>
            <Descriptions.Item label={t('workflow.col.org')}>{c.subject.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('workflow.col.submittedBy')}>{c.submittedBy}</Descriptions.Item>
            <Descriptions.Item label={t('workflow.col.status')}>
              <CaseStatusTag status={c.status} />
              {c.noticeEndsOn && c.status === 'in_progress' && <Tag color="purple">{t('workflow.notice', { date: c.noticeEndsOn })}</Tag>}
            </Descriptions.Item>
            {c.deadline && <Descriptions.Item label={t('workflow.col.deadline')}>{c.deadline}</Descriptions.Item>}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('workflow.drawer.steps')}</Typography.Title>
            <Steps
              size="small"
              direction={narrow ? 'vertical' : 'horizontal'}
              current={c.currentStep?.index ?? (c.status === 'approved' ? c.steps.length : 0)}
              status={c.status === 'rejected' ? 'error' : c.status === 'approved' ? 'finish' : 'process'}
              items={c.steps.map((s) => ({ title: s.name }))}
            />
          </div>
          {c.objections.length > 0 && (
            <List
              header={<Typography.Text strong>{t('workflow.drawer.objections')}</Typography.Text>}
              size="small"
              dataSource={c.objections}
              renderItem={(o) => (
                <List.Item>
                  <List.Item.Meta title={`${o.raisedByName}：${o.text}`} description={o.resolution ?? t('workflow.status.in_progress')} />
                </List.Item>
              )}
            />
          )}
          <div>
            <Typography.Title level={5}>{t('workflow.drawer.history')}</Typography.Title>
            {c.history.length === 0 ? (
              <Empty />
            ) : (
              <Timeline
                data-testid="case-history"
                items={c.history.map((h) => ({
                  color: h.action === 'reject' ? 'red' : h.action === 'approve' ? 'green' : 'blue',
                  children: (
                    <>
                      <Typography.Text strong>{t(`workflow.action.${h.action}`, { defaultValue: h.action })}</Typography.Text> {h.actorName}
                      {h.onBehalfOfName && t('workflow.drawer.onBehalf', { name: h.onBehalfOfName })}
                      {h.stepName && <Typography.Text type="secondary"> · {h.stepName}</Typography.Text>}
                      {h.note && <div>{h.note}</div>}
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {new Date(h.at).toLocaleString()}
                        </Typography.Text>
                      </div>
                    </>
                  ),
                }))}
              />
            )}
          </div>
          {c.actions.length > 0 && (
            <Flex gap={8} wrap="wrap">
              {c.actions.map((a) => (
                <Button
                  key={a}
                  type={a === 'approve' ? 'primary' : 'default'}
                  danger={a === 'reject' || a === 'withdraw'}
                  loading={act.isPending && DIRECT.includes(a)}
                  onClick={() => (DIRECT.includes(a) ? run(a, {}) : setPending(a))}
                >
                  {t(`workflow.action.${a}`)}
                </Button>
              ))}
            </Flex>
          )}
        </Flex>
      )}
      <ActionModal
        action={pending}
        busy={act.isPending}
        onCancel={() => setPending(null)}
        onSubmit={(input) => pending && run(pending, input)}
      />
    </Drawer>
  );
}
