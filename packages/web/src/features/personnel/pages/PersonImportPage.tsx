import { DownloadOutlined, InboxOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Progress, Result, Select, Space, Steps, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useErrorText } from '../../../shared/hooks/useErrorMessage';
import { personnelKeys } from '../api';
import { ImportNotes, ImportResultPanel } from '../components/ImportResultPanel';
import { downloadTemplate, runImport, type ImportProgress, type ImportResult } from '../import-api';
import { PERSON_KINDS, type PersonKind } from '../types';

type Stage = 'idle' | 'checking' | 'checked' | 'committing' | 'done';

/** 批量导入: template → upload and dry run (problems by row and column) → commit all or nothing. */
export function PersonImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [defaultKind, setDefaultKind] = useState<PersonKind>('officer');
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>('idle');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [templateBusy, setTemplateBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  // Leaving the page stops reading the stream (the server finishes on its own; a commit is atomic).
  useEffect(() => () => abort.current?.abort(), []);

  const run = async (mode: 'dry-run' | 'commit', chosen: File) => {
    abort.current?.abort();
    abort.current = new AbortController();
    setStage(mode === 'dry-run' ? 'checking' : 'committing');
    setProgress(null);
    setError(null);
    try {
      const outcome = await runImport(mode, chosen, defaultKind, setProgress, abort.current.signal);
      setResult(outcome);
      setStage(outcome.committed ? 'done' : 'checked');
      if (outcome.committed) void queryClient.invalidateQueries({ queryKey: personnelKeys.all });
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

  if (stage === 'done' && result) {
    return (
      <Card title={t('personnel.import.title')}>
        <Result
          status="success"
          title={t('personnel.import.doneTitle')}
          subTitle={t('personnel.import.doneText', { count: result.inserted, file: result.fileName })}
          extra={[
            <Button key="list" type="primary" onClick={() => navigate('/personnel')}>
              {t('personnel.import.viewList')}
            </Button>,
            <Button key="again" onClick={reset}>
              {t('personnel.import.reupload')}
            </Button>,
          ]}
        />
        <ImportNotes result={result} />
      </Card>
    );
  }

  return (
    <Card title={t('personnel.import.title')}>
      <Flex vertical gap={16}>
        <Steps
          size="small"
          current={step}
          items={[
            { title: t('personnel.import.steps.template') },
            { title: t('personnel.import.steps.check') },
            { title: t('personnel.import.steps.commit') },
          ]}
        />
        <Flex gap={12} align="center" wrap="wrap">
          <Button icon={<DownloadOutlined />} loading={templateBusy} onClick={() => void onTemplate()}>
            {t('personnel.import.downloadTemplate')}
          </Button>
          <Typography.Text type="secondary">{t('personnel.import.templateHint')}</Typography.Text>
        </Flex>
        <Space>
          <label htmlFor="importDefaultKind">{t('personnel.import.defaultKind')}</label>
          <Select<PersonKind>
            id="importDefaultKind"
            value={defaultKind}
            onChange={setDefaultKind}
            disabled={busy || stage === 'checked'}
            style={{ width: 120 }}
            options={PERSON_KINDS.map((kind) => ({ value: kind, label: t(`personnel.kind.${kind}`) }))}
          />
        </Space>
        {stage === 'idle' || !file ? (
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(chosen) => {
              if (!/\.xlsx$/i.test(chosen.name)) {
                message.error(t('personnel.import.notXlsx'));
                return Upload.LIST_IGNORE;
              }
              setFile(chosen);
              setResult(null);
              void run('dry-run', chosen);
              return false; // we send it ourselves (NDJSON progress), not antd's uploader
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('personnel.import.dragText')}</p>
            <p className="ant-upload-hint">{t('personnel.import.dragHint')}</p>
          </Upload.Dragger>
        ) : (
          <Flex gap={12} align="center" wrap="wrap">
            <Typography.Text strong>{file.name}</Typography.Text>
            <Button icon={<ReloadOutlined />} onClick={reset} disabled={stage === 'committing'}>
              {t('personnel.import.reupload')}
            </Button>
          </Flex>
        )}
        {busy && (
          <div role="status" aria-live="polite">
            <Progress percent={progress?.percent ?? 0} status="active" />
            <Typography.Text type="secondary">
              {t(`personnel.import.phases.${progress?.phase ?? 'validating'}`)}
              {progress ? ` · ${t('personnel.import.rows', { count: progress.processedRows })}` : ''}
            </Typography.Text>
          </div>
        )}
        {error !== null && (
          <Alert
            type="error"
            showIcon
            message={stage === 'checked' ? t('personnel.import.rejectedTitle') : t('errors.loadFailed')}
            description={errorText(error)}
          />
        )}
        {result && !busy && <ImportResultPanel result={result} />}
        {stage === 'checked' && result && (
          <Flex gap={12} align="center">
            <Popconfirm
              title={t('personnel.import.commitConfirm', { count: result.validRows })}
              description={t('personnel.import.commitHint')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => file && void run('commit', file)}
              disabled={!canCommit}
            >
              <Button type="primary" icon={<UploadOutlined />} disabled={!canCommit}>
                {t('personnel.import.commit')}
              </Button>
            </Popconfirm>
            <Typography.Text type="secondary">{t('personnel.import.commitHint')}</Typography.Text>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
