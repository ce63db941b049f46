import { ArrowLeftOutlined, DownloadOutlined, InboxOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Progress, Result, Select, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useErrorText } from '../../../shared/hooks/useErrorMessage';
import { qbKeys, useBanks } from '../api';
import { downloadTemplate, runImport } from '../import-api';
import { QUESTION_TYPES, type ImportProblem, type ImportProgress, type ImportResult } from '../types';

type Stage = 'idle' | 'checking' | 'checked' | 'committing' | 'done';

/** 批量导入试题: bank → template → upload and dry run (problems by row and column) → commit all or nothing. */
export function QuestionImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const banks = useBanks();
  const writable = (banks.data ?? []).filter((b) => b.writable);
  const [bankId, setBankId] = useState<string | undefined>(params.get('bankId') ?? undefined);
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>('idle');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [templateBusy, setTemplateBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const bank = writable.find((b) => b.id === bankId);

  useEffect(() => () => abort.current?.abort(), []);
  // A bank from the URL that the caller cannot write to is dropped.
  useEffect(() => {
    if (banks.data && bankId && !writable.some((b) => b.id === bankId)) setBankId(undefined);
  }, [banks.data, bankId, writable]);

  const run = async (mode: 'dry-run' | 'commit', chosen: File) => {
    if (!bankId) return;
    abort.current?.abort();
    abort.current = new AbortController();
    setStage(mode === 'dry-run' ? 'checking' : 'committing');
    setProgress(null);
    setError(null);
    try {
      const outcome = await runImport(mode, chosen, bankId, setProgress, abort.current.signal);
      setResult(outcome);
      setStage(outcome.committed ? 'done' : 'checked');
      if (outcome.committed) void queryClient.invalidateQueries({ queryKey: qbKeys.all });
    } catch (failure) {
      if (failure instanceof DOMException && failure.name === 'AbortError') return;
      setError(failure);
      setStage(mode === 'commit' ? 'checked' : 'idle');
    }
  };

  const onTemplate = async () => {
    setTemplateBusy(true);
    try {
      await downloadTemplate();
    } catch (failure) {
      message.error(errorText(failure));
    } finally {
      setTemplateBusy(false);
    }
  };

  const reset = () => {
    abort.current?.abort();
    setFile(null);
    setResult(null);
    setError(null);
    setProgress(null);
    setStage('idle');
  };

  const busy = stage === 'checking' || stage === 'committing';
  const canCommit = stage === 'checked' && result !== null && result.problemCount === 0 && result.validRows > 0 && file !== null;
  const step = stage === 'done' ? 3 : stage === 'checked' && result?.problemCount === 0 ? 2 : file ? 1 : 0;
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/question-bank${bankId ? `?bankId=${bankId}` : ''}`)}>
      {t('questionBank.import.back')}
    </Button>
  );

  if (stage === 'done' && result) {
    return (
      <Card title={t('questionBank.import.title')}>
        <div data-testid="qb-import-done">
          <Result
            status="success"
            title={t('questionBank.import.doneTitle')}
            subTitle={t('questionBank.import.doneText', { count: result.inserted, bank: bank?.name ?? '' })}
            extra={[
              <Button key="list" type="primary" onClick={() => navigate(`/question-bank?bankId=${bankId ?? ''}`)}>
                {t('questionBank.import.viewList')}
              </Button>,
              <Button key="again" onClick={reset}>
                {t('questionBank.import.reupload')}
              </Button>,
            ]}
          />
        </div>
      </Card>
    );
  }

  return (
    <Card title={t('questionBank.import.title')} extra={back}>
      <Flex vertical gap={16}>
        <Steps
          size="small"
          current={step}
          items={[
            { title: t('questionBank.import.steps.template') },
            { title: t('questionBank.import.steps.check') },
            { title: t('questionBank.import.steps.commit') },
          ]}
        />
        <Space wrap>
          <label htmlFor="qbImportBank">{t('questionBank.import.bank')}</label>
          <Select
            id="qbImportBank"
            data-testid="qb-import-bank"
            value={bankId}
            onChange={(v: string) => {
              setBankId(v);
              reset();
            }}
            disabled={busy}
            placeholder={t('questionBank.import.bankRequired')}
            style={{ width: 320 }}
            showSearch
            optionFilterProp="label"
            options={writable.map((b) => ({ value: b.id, label: `${b.name}（${b.orgName}）` }))}
          />
        </Space>
        <Flex gap={12} align="center" wrap="wrap">
          <Button icon={<DownloadOutlined />} loading={templateBusy} onClick={() => void onTemplate()} data-testid="qb-import-template">
            {t('questionBank.import.downloadTemplate')}
          </Button>
          <Typography.Text type="secondary">{t('questionBank.import.templateHint')}</Typography.Text>
        </Flex>
        {stage === 'idle' || !file ? (
          <div data-testid="qb-import-upload">
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              disabled={busy || !bankId}
              beforeUpload={(chosen) => {
                if (!/\.xlsx$/i.test(chosen.name)) {
                  message.error(t('questionBank.import.notXlsx'));
                  return Upload.LIST_IGNORE;
                }
                setFile(chosen);
                setResult(null);
                void run('dry-run', chosen);
                return false; // sent by runImport (NDJSON progress), not by antd's uploader
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{bankId ? t('questionBank.import.dragText') : t('questionBank.import.bankRequired')}</p>
              <p className="ant-upload-hint">{t('questionBank.import.dragHint')}</p>
            </Upload.Dragger>
          </div>
        ) : (
          <Flex gap={12} align="center" wrap="wrap">
            <Typography.Text strong>{file.name}</Typography.Text>
            <Button icon={<ReloadOutlined />} onClick={reset} disabled={stage === 'committing'} data-testid="qb-import-reupload">
              {t('questionBank.import.reupload')}
            </Button>
          </Flex>
        )}
        {busy && (
          <div role="status" aria-live="polite" data-testid="qb-import-progress">
            <Progress percent={progress?.percent ?? 0} status="active" />
            <Typography.Text type="secondary">
              {t(`questionBank.import.phases.${progress?.phase ?? 'validating'}`)}
              {progress ? ` · ${t('questionBank.import.rows', { count: progress.processedRows })}` : ''}
            </Typography.Text>
          </div>
        )}
        {error !== null && (
          <Alert
            type="error"
            showIcon
            data-testid="qb-import-error"
            message={stage === 'checked' ? t('questionBank.import.rejectedTitle') : t('errors.loadFailed')}
            description={errorText(error)}
          />
        )}
        {result && !busy && <ResultPanel result={result} />}
        {stage === 'checked' && result && (
          <Flex gap={12} align="center">
            <Popconfirm
              title={t('questionBank.import.commitConfirm', { count: result.validRows })}
              description={t('questionBank.import.commitHint')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => file && void run('commit', file)}
              disabled={!canCommit}
            >
              <Button type="primary" icon={<UploadOutlined />} disabled={!canCommit} data-testid="qb-import-commit">
                {t('questionBank.import.commit')}
              </Button>
            </Popconfirm>
            <Typography.Text type="secondary">{t('questionBank.import.commitHint')}</Typography.Text>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

function ResultPanel({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      <div data-testid="qb-import-summary">
        <Typography.Text>
          {t('questionBank.import.summary', { total: result.totalRows, valid: result.validRows, problems: result.problemCount })}
        </Typography.Text>
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('questionBank.import.byType')}</Typography.Text>
          {QUESTION_TYPES.map((type) => (
            <Tag key={type} data-testid={`qb-import-count-${type}`}>
              {t(`questionBank.type.${type}`)} {result.byType[type]}
            </Tag>
          ))}
        </div>
      </div>
      {result.problemCount === 0 ? (
        <Alert type="success" showIcon message={t('questionBank.import.noProblems')} />
      ) : (
        <>
          <Alert type="warning" showIcon message={t('questionBank.import.fixAndRetry')} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('questionBank.import.problems')}
          </Typography.Title>
          <Table<ImportProblem>
            data-testid="qb-import-problems"
            size="small"
            rowKey={(p) => `${p.row}-${p.column}-${p.code}`}
            dataSource={result.problems}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 640 }}
            columns={[
              { key: 'row', title: t('questionBank.import.row'), dataIndex: 'row', width: 70 },
              { key: 'column', title: t('questionBank.import.column'), dataIndex: 'column', width: 60 },
              { key: 'header', title: t('questionBank.import.header'), dataIndex: 'header', width: 100 },
              { key: 'value', title: t('questionBank.import.value'), dataIndex: 'value', width: 200, ellipsis: true },
              { key: 'message', title: t('questionBank.import.message'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
