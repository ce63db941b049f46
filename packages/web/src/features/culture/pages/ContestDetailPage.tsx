import type { ContestEntryView } from '@zhenggong/core';
import { Alert, App, Button, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadEntry, useContest, usePublishContest } from '../api';

/** A contest's entries with every judge's score, the score by the rule and the place; published once complete. */
export function ContestDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const detail = useContest(id);
  const publish = usePublishContest();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  if (detail.isError) return <QueryErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const c = detail.data?.contest;
  const rule = detail.data?.rule;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {c?.title}{' '}
          {c && (
            <Tag color={c.status === 'published' ? 'green' : 'blue'}>
              {t(c.status === 'published' ? 'culture.contest.published' : 'culture.contest.open')}
            </Tag>
          )}
        </Typography.Title>
        {c?.status === 'open' && (
          <Button
            type="primary"
            data-testid="contest-publish"
            disabled={!detail.data?.complete}
            loading={publish.isPending}
            onClick={() => publish.mutate(id, { onSuccess: () => void message.success(t('culture.saved')), onError: showError })}
          >
            {t('culture.contest.publish')}
          </Button>
        )}
      </Flex>
      {c?.status === 'open' && detail.data && !detail.data.complete && (
        <Alert type="info" showIcon message={t('culture.contest.incomplete')} />
      )}
      {rule && <Typography.Text type="secondary">{i18n.language === 'en-US' ? rule['en-US'] : rule['zh-CN']}</Typography.Text>}
      <Table<ContestEntryView>
        data-testid="entries"
        rowKey="id"
        size="small"
        scroll={{ x: 760 }}
        loading={detail.isFetching}
        dataSource={detail.data?.entries}
        pagination={false}
        columns={[
          { title: t('culture.contest.rank'), dataIndex: 'rank', width: 64, render: (v: number | null) => v ?? '—' },
          { title: t('culture.contest.entryTitle'), dataIndex: 'title' },
          { title: t('culture.contest.author'), key: 'author', render: (_, e) => `${e.name}（${e.orgName}）` },
          ...(c?.judges ?? []).map((j, i) => ({
            title: j.name,
            key: `j${i}`,
            align: 'right' as const,
            render: (_: unknown, e: ContestEntryView) => e.scores[i] ?? '—',
          })),
          {
            title: t('culture.contest.score'),
            dataIndex: 'score',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
          },
          {
            title: t('culture.contest.file'),
            key: 'file',
            render: (_, e) =>
              e.fileName ? (
                <Typography.Link onClick={() => void downloadEntry(e.id, e.fileName ?? 'entry').catch(showError)}>
                  {e.fileName}
                </Typography.Link>
              ) : null,
          },
        ]}
      />
    </Flex>
  );
}
