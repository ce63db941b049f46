import type { WorkView } from '@zhenggong/core';
import { Button, Flex, Input, Popover, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadWork, exportCollection, useCollection, useReviewWork } from '../api';

const statusColor = { submitted: 'blue', accepted: 'green', returned: 'red' } as const;

/** A collection's works: the editors accept or return each, and export the accepted ones as one Word document. */
export function CollectionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useCollection(id);
  const review = useReviewWork();
  const showError = useErrorMessage();
  const [note, setNote] = useState('');
  const [exporting, setExporting] = useState(false);
  if (detail.isError) return <QueryErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const k = detail.data?.collection;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {k?.title}
        </Typography.Title>
        <Button
          type="primary"
          data-testid="collection-export"
          disabled={!k?.accepted}
          loading={exporting}
          onClick={() => {
            if (!k) return;
            setExporting(true);
            exportCollection(k.id, k.title)
              .catch(showError)
              .finally(() => setExporting(false));
          }}
        >
          {t('culture.collection.export')}
        </Button>
      </Flex>
      {k?.description && <Typography.Text type="secondary">{k.description}</Typography.Text>}
      <Table<WorkView>
        data-testid="works"
        rowKey="id"
        size="small"
        scroll={{ x: 720 }}
        loading={detail.isFetching}
        dataSource={detail.data?.works}
        pagination={false}
        expandable={{
          rowExpandable: (w) => Boolean(w.text),
          expandedRowRender: (w) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{w.text}</Typography.Paragraph>,
        }}
        columns={[
          { title: t('culture.contest.entryTitle'), dataIndex: 'title' },
          { title: t('culture.collection.author'), key: 'author', render: (_, w) => `${w.name}（${w.orgName}）` },
          {
            title: t('culture.contest.file'),
            key: 'file',
            render: (_, w) =>
              w.fileName ? (
                <Typography.Link onClick={() => void downloadWork(w.id, w.fileName ?? 'work').catch(showError)}>
                  {w.fileName}
                </Typography.Link>
              ) : null,
          },
          {
            title: t('culture.programme.status'),
            key: 'status',
            dataIndex: 'status',
            render: (s: WorkView['status']) => <Tag color={statusColor[s]}>{t(`culture.work.${s}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'review',
            render: (_, w) =>
              w.status === 'submitted' ? (
                <Space size={4}>
                  <Button
                    size="small"
                    type="primary"
                    data-testid="work-accept"
                    onClick={() => review.mutate({ id: w.id, decision: 'accepted' }, { onError: showError })}
                  >
                    {t('culture.collection.accept')}
                  </Button>
                  <Popover
                    trigger="click"
                    content={
                      <Space direction="vertical">
                        <Input.TextArea
                          rows={2}
                          maxLength={500}
                          placeholder={t('culture.collection.note')}
                          value={note}
                          onChange={(e) => setNote(e.target.value)}
                        />
                        <Button
                          size="small"
                          danger
                          onClick={() =>
                            review.mutate(
                              { id: w.id, decision: 'returned', note: note.trim() || null },
                              { onError: showError, onSuccess: () => setNote('') },
                            )
                          }
                        >
                          {t('culture.collection.return')}
                        </Button>
                      </Space>
                    }
                  >
                    <Button size="small" danger>
                      {t('culture.collection.return')}
                    </Button>
                  </Popover>
                </Space>
              ) : (
                w.reviewNote
              ),
          },
        ]}
      />
    </Flex>
  );
}
