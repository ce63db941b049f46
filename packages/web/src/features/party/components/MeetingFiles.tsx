import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, List, Popconfirm, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadMeetingFile, useMeetingFiles, useRemoveMeetingFile, useUploadMeetingFile } from '../api';

const ACCEPT = '.docx,.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const size = (n: number) => (n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** Attachments of a meeting's minutes: upload (judged by the server's file intake), download (audited), remove. */
export function MeetingFiles({ meetingId, editable }: { meetingId: string; editable: boolean }) {
  const { t } = useTranslation();
  const files = useMeetingFiles(meetingId);
  const upload = useUploadMeetingFile();
  const remove = useRemoveMeetingFile();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  return (
    <List
      size="small"
      bordered
      data-testid="meeting-files"
      loading={files.isPending}
      header={
        <Typography.Text strong>
          {t('party.files.title')} <Typography.Text type="secondary">{t('party.files.hint')}</Typography.Text>
        </Typography.Text>
      }
      locale={{ emptyText: t('party.files.none') }}
      dataSource={files.data?.items}
      footer={
        editable ? (
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate({ meetingId, file }, { onSuccess: () => void message.success(t('party.files.uploaded')), onError: showError });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="meeting-file-upload">
              {t('party.files.upload')}
            </Button>
          </Upload>
        ) : undefined
      }
      renderItem={(f) => (
        <List.Item
          actions={
            editable
              ? [
                  <Popconfirm
                    key="rm"
                    title={t('party.files.removeConfirm')}
                    onConfirm={() => remove.mutate({ meetingId, fileId: f.id }, { onError: showError })}
                  >
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('party.files.remove')} />
                  </Popconfirm>,
                ]
              : []
          }
        >
          <Typography.Link onClick={() => void downloadMeetingFile(meetingId, f).catch(showError)} ellipsis style={{ maxWidth: '100%' }}>
            <PaperClipOutlined /> {f.fileName}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ marginLeft: 8, whiteSpace: 'nowrap' }}>
            {size(f.size)}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
