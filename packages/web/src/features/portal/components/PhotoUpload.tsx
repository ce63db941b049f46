import { Alert, App, Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../shared/hooks/useErrorMessage';
import { readAsDataUrl, usePhoto, useUploadPhoto } from '../api';
import { formatSize } from '../format';
import { checkPhoto, type PhotoProblem } from '../photo-check';

/** The ID photo: preview, checks in the browser first, then the server's content check. */
export function PhotoUpload({ applicationId, editable }: { applicationId: string; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const stored = usePhoto(applicationId, true);
  const upload = useUploadPhoto(applicationId);
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const describe = (p: PhotoProblem): string => {
    switch (p.kind) {
      case 'type':
        return t('portal.application.photoType');
      case 'size':
        return t('portal.application.photoSize', { size: formatSize(p.size) });
      case 'dimensions':
        return t('portal.application.photoDimensions', { width: p.width, height: p.height });
      case 'unreadable':
        return t('portal.application.photoUnreadable');
    }
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    upload.reset();
    const dataUrl = await readAsDataUrl(file);
    const found = await checkPhoto(file, dataUrl);
    if (found) {
      setPreview(null);
      setProblem(describe(found));
      return;
    }
    setPreview(dataUrl);
    upload.mutate(file, {
      onSuccess: () => void message.success(t('portal.application.photoUploaded')),
      onError: () => setPreview(null),
    });
  };

  const shown = preview ?? stored.data ?? null;
  return (
    <div data-testid="photo-upload">
      <Space align="start" size={16} wrap>
        {shown ? (
          <img src={shown} alt={t('portal.application.photo')} className="portal-photo" data-testid="photo-preview" />
        ) : (
          <div
            className="portal-photo"
            style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', textAlign: 'center', padding: 8 }}
          >
            <Typography.Text type="secondary">{t('portal.application.photoNone')}</Typography.Text>
          </div>
        )}
        <Space direction="vertical" style={{ maxWidth: 320 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('portal.application.photoHint')}
          </Typography.Text>
          {editable ? (
            <>
              <input
                ref={input}
                type="file"
                accept="image/jpeg,image/png"
                hidden
                data-testid="photo-input"
                onChange={(e) => {
                  void choose(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
              <Button onClick={() => input.current?.click()} loading={upload.isPending}>
                {shown ? t('portal.application.photoReplace') : t('portal.application.photoUpload')}
              </Button>
            </>
          ) : null}
        </Space>
      </Space>
      {problem || upload.isError ? (
        <Alert type="error" showIcon style={{ marginTop: 12 }} message={problem ?? errorText(upload.error)} data-testid="photo-error" />
      ) : null}
    </div>
  );
}
