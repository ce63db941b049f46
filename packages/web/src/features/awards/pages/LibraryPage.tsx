import { App, Button, Card, Grid, Image, List, Popconfirm, Space, Table, Tag, Typography, Upload } from 'antd';
import type { LibraryView } from '@zhenggong/core';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadLibrary, libraryPhotoUrl, useAddLibraryPhoto, useLibrary, useRemoveLibraryPhoto } from '../api';

type Item = LibraryView['items'][number];

/** An exemplar's photos: thumbnails with preview; the organisers upload (JPEG/PNG, judged by the server's file intake) and remove. */
function Photos({ item }: { item: Item }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const manage = usePermission('exemplars:manage');
  const add = useAddLibraryPhoto();
  const remove = useRemoveLibraryPhoto();
  const showError = useErrorMessage();
  return (
    <Space wrap size={8} data-testid={`library-photos-${item.id}`}>
      <Image.PreviewGroup>
        {item.photos.map((photo) => (
          <Space key={photo} direction="vertical" size={0} align="center">
            <Image
              src={libraryPhotoUrl(item.id, photo)}
              alt={t('awards.exemplars.photoAlt', { name: item.name })}
              width={72}
              height={54}
              style={{ objectFit: 'cover', borderRadius: 4 }}
            />
            {manage && (
              <Popconfirm
                title={t('awards.exemplars.removePhoto')}
                onConfirm={() => remove.mutate({ id: item.id, photo }, { onError: showError })}
              >
                <Button type="link" size="small" danger>
                  {t('awards.exemplars.removePhoto')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ))}
      </Image.PreviewGroup>
      {manage && (
        <Upload
          accept="image/png,image/jpeg"
          showUploadList={false}
          beforeUpload={(file) => {
            add.mutate(
              { id: item.id, file },
              { onSuccess: () => void message.success(t('awards.exemplars.photoAdded')), onError: showError },
            );
            return false;
          }}
        >
          <Button size="small" loading={add.isPending} data-testid={`library-add-photo-${item.id}`}>
            {t('awards.exemplars.addPhoto')}
          </Button>
        </Upload>
      )}
    </Space>
  );
}

/** 典型库: exemplars with deeds, photos, campaign and awards from their record; exportable for publicity. */
export function LibraryPage() {
  const { t } = useTranslation();
  const lib = useLibrary();
  const showError = useErrorMessage();
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <>
      <Button style={{ marginBottom: 12 }} onClick={() => void downloadLibrary().catch(showError)}>
        {t('awards.exemplars.exportLibrary')}
      </Button>
      {lib.error ? <QueryErrorAlert error={lib.error} /> : null}
      {narrow ? (
        // On a phone: one card per exemplar, photos first, nothing to scroll sideways.
        <List
          loading={lib.isFetching}
          dataSource={lib.data?.items ?? []}
          rowKey="id"
          renderItem={(item) => (
            <List.Item style={{ padding: '6px 0' }}>
              <Card
                size="small"
                style={{ width: '100%' }}
                title={
                  <Space wrap>
                    {item.name}
                    <Tag color="red">{item.title}</Tag>
                  </Space>
                }
                data-testid={`library-card-${item.id}`}
              >
                <Photos item={item} />
                <Typography.Paragraph type="secondary" style={{ margin: '8px 0 4px' }}>
                  {item.orgName}
                </Typography.Paragraph>
                <Typography.Paragraph style={{ marginBottom: 4 }}>{item.deeds}</Typography.Paragraph>
                {item.awards.length > 0 && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                    {t('awards.exemplars.awards')}：{item.awards.join('；')}
                  </Typography.Paragraph>
                )}
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          scroll={{ x: 1000 }}
          loading={lib.isFetching}
          dataSource={lib.data?.items ?? []}
          columns={[
            { title: t('awards.discipline.person'), dataIndex: 'name', width: 100 },
            { title: t('awards.list.org'), dataIndex: 'orgName', width: 140 },
            { title: t('awards.exemplars.title'), dataIndex: 'title', width: 190, render: (x: string) => <Tag color="red">{x}</Tag> },
            { title: t('awards.exemplars.deeds'), dataIndex: 'deeds' },
            { title: t('awards.exemplars.awards'), dataIndex: 'awards', render: (a: string[]) => a.join('；') },
            { title: t('awards.exemplars.photos'), key: 'photos', width: 260, render: (_: unknown, item: Item) => <Photos item={item} /> },
          ]}
        />
      )}
    </>
  );
}
