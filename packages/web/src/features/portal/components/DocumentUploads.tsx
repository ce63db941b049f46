import { Alert, Button, List, Popconfirm, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage, useErrorText } from '../../../shared/hooks/useErrorMessage';
import { downloadOwnFile, useDeleteFile, useUploadFile } from '../api';
import { formatSize } from '../format';
import { checkDocument } from '../photo-check';
import { asFileCategory, type ApplicationFile, type FileCategory } from '../types';

const CATEGORIES: FileCategory[] = ['id_card', 'diploma', 'household', 'other'];

export function DocumentUploads({
  applicationId,
  files,
  editable,
}: {
  applicationId: string;
  files: ApplicationFile[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const categoryLabel = (category: string) => {
    const known = asFileCategory(category);
    return known ? t(`portal.application.category.${known}`) : category;
  };
  const errorText = useErrorText();
  const showError = useErrorMessage();
  const upload = useUploadFile(applicationId);
  const remove = useDeleteFile(applicationId);
  const input = useRef<HTMLInputElement>(null);
  const [category, setCategory] = useState<FileCategory>('id_card');
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    upload.reset();
    const found = await checkDocument(file);
    if (found) {
      setProblem(found === 'type' ? t('portal.application.fileType') : t('portal.application.fileTooBig'));
      return;
    }
    upload.mutate({ file, category });
  };

  return (
    <div data-testid="document-uploads">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('portal.application.filesHint')}
      </Typography.Text>
      <List
        size="small"
        dataSource={files}
        locale={{ emptyText: t('portal.application.noFiles') }}
        renderItem={(file) => (
          <List.Item
            actions={
              editable
                ? [
                    <Popconfirm
                      key="delete"
                      title={t('portal.application.fileDeleteConfirm')}
                      onConfirm={() => remove.mutate(file.id, { onError: showError })}
                    >
                      <Button type="link" danger size="small">
                        {t('portal.application.fileDelete')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => void downloadOwnFile(applicationId, file.id, file.name).catch(showError)}
                >
                  {file.name}
                </Button>
              }
              description={`${categoryLabel(file.category)} · ${formatSize(file.size)}`}
            />
          </List.Item>
        )}
      />
      {editable ? (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Select<FileCategory>
            aria-label={t('portal.application.fileCategory')}
            value={category}
            onChange={setCategory}
            style={{ width: 130 }}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`portal.application.category.${c}`) }))}
          />
          <input
            ref={input}
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            hidden
            data-testid="file-input"
            onChange={(e) => {
              void choose(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <Button onClick={() => input.current?.click()} loading={upload.isPending}>
            {t('portal.application.fileUpload')}
          </Button>
        </Space.Compact>
      ) : null}
      {problem || upload.isError ? (
        <Alert type="error" showIcon style={{ marginTop: 8 }} message={problem ?? errorText(upload.error)} data-testid="file-error" />
      ) : null}
    </div>
  );
}
