import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadReport, type ImportProblemView, type ImportResult } from '../import-api';

/** Outcome of a dry run (or a commit refused in its transaction): summary, columns, problems. */
export function ImportResultPanel({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const showError = useErrorMessage();
  const [downloading, setDownloading] = useState(false);
  const ok = result.problemCount === 0;

  const onReport = async () => {
    setDownloading(true);
    try {
      await downloadReport(result.jobId);
    } catch (error) {
      showError(error);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Alert
        type={ok ? 'success' : 'error'}
        showIcon
        message={
          ok
            ? t('personnel.import.checkedOk', { valid: result.validRows })
            : t('personnel.import.checkedProblems', { count: result.problemCount, rows: result.totalRows - result.validRows })
        }
        description={t('personnel.import.summary', {
          total: result.totalRows,
          valid: result.validRows,
          blank: result.skippedRows.blank,
          totals: result.skippedRows.totals,
          example: result.skippedRows.example,
        })}
      />
      <Flex gap={8} wrap="wrap" align="center">
        <Typography.Text type="secondary">{t('personnel.import.columnsRecognised')}:</Typography.Text>
        {result.columns.map((column) => (
          <Tag key={column.letter} color="blue">
            {column.letter} {column.header}
          </Tag>
        ))}
      </Flex>
      {result.ignoredColumns.length > 0 && (
        <Flex gap={8} wrap="wrap" align="center">
          <Typography.Text type="secondary">{t('personnel.import.ignoredColumns')}:</Typography.Text>
          {result.ignoredColumns.map((column) => (
            <Tag key={column.letter}>
              {column.letter} {column.header}
            </Tag>
          ))}
        </Flex>
      )}
      <ImportNotes result={result} />
      {!ok && (
        <Card
          size="small"
          title={t('personnel.import.problemsTitle')}
          extra={
            <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void onReport()}>
              {t('personnel.import.downloadReport')}
            </Button>
          }
        >
          {result.problemCount > result.problems.length && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              message={t('personnel.import.problemsTruncated', { shown: result.problems.length })}
            />
          )}
          <div data-testid="import-problems">
            <Table<ImportProblemView>
              rowKey={(problem) => `${problem.row}-${problem.column}-${problem.code}`}
              size="small"
              dataSource={result.problems}
              pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
              columns={[
                { title: t('personnel.import.columns.row'), dataIndex: 'row', width: 72 },
                {
                  title: t('personnel.import.columns.column'),
                  key: 'column',
                  width: 180,
                  render: (_value: unknown, problem) => `${problem.column ? `${problem.column} ` : ''}${problem.header}`,
                },
                { title: t('personnel.import.columns.value'), dataIndex: 'value', width: 200, ellipsis: true },
                { title: t('personnel.import.columns.message'), dataIndex: 'message' },
              ]}
            />
          </div>
        </Card>
      )}
    </Flex>
  );
}

/** Rows imported all the same, with what changed on the way in or deserves a second look. */
export function ImportNotes({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  if (result.noteCount === 0) return null;
  return (
    <Card size="small" title={t('personnel.import.notesTitle', { count: result.noteCount })}>
      <div data-testid="import-notes">
        <Table<ImportProblemView>
          rowKey={(note) => `${note.row}-${note.column}-${note.code}`}
          size="small"
          dataSource={result.notes}
          pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
          columns={[
            { title: t('personnel.import.columns.row'), dataIndex: 'row', width: 72 },
            {
              title: t('personnel.import.columns.column'),
              key: 'column',
              width: 180,
              render: (_value: unknown, note) => `${note.column ? `${note.column} ` : ''}${note.header}`,
            },
            { title: t('personnel.import.columns.value'), dataIndex: 'value', width: 200, ellipsis: true },
            {
              title: t('personnel.import.columns.note'),
              key: 'message',
              render: (_value: unknown, note) => (
                <>
                  <Tag color={note.code === 'rank_outside_band' ? 'warning' : 'blue'}>
                    {t(`personnel.import.noteKinds.${note.code === 'rank_outside_band' ? 'warning' : 'note'}`)}
                  </Tag>
                  {note.message}
                </>
              ),
            },
          ]}
        />
      </div>
    </Card>
  );
}
