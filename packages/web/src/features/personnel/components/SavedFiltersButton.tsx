import { DeleteOutlined, DownOutlined, SaveOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Input, List, Modal, Popconfirm, Popover, Spin, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useDeleteSavedFilter, useSavedFilters, useSaveFilter } from '../api';
import { activeFilterCount, fromSavedFilter, toSavedFilter } from '../person-filter-url';
import type { PersonFilter } from '../types';

interface SavedFiltersButtonProps {
  current: PersonFilter;
  onApply: (filter: PersonFilter) => void;
}

/** 常用筛选: the user's named searches (kept on the server, private to the user). */
export function SavedFiltersButton({ current, onApply }: SavedFiltersButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const saved = useSavedFilters();
  const save = useSaveFilter();
  const remove = useDeleteSavedFilter();
  const canSave = activeFilterCount(current) > 0;

  const onSave = ({ name }: { name: string }) =>
    save.mutate(
      { name: name.trim(), filter: toSavedFilter(current) },
      {
        onSuccess: (result) => {
          message.success(t('personnel.saved.saved', { name: result.name }));
          setNaming(false);
          form.resetFields();
        },
        onError: showError,
      },
    );

  const content = (
    <div style={{ width: 280 }}>
      {saved.isPending ? (
        <Spin size="small" />
      ) : (saved.data?.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('personnel.saved.empty')} />
      ) : (
        <List
          size="small"
          dataSource={saved.data}
          style={{ maxHeight: 320, overflow: 'auto' }}
          renderItem={(item) => (
            <List.Item
              actions={[
                <Popconfirm
                  key="delete"
                  title={t('personnel.saved.deleteConfirm', { name: item.name })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove.mutateAsync(item.id).catch(showError)}
                >
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('common.delete')} ${item.name}`} />
                </Popconfirm>,
              ]}
            >
              <Button
                type="link"
                size="small"
                style={{ padding: 0, maxWidth: 200, overflow: 'hidden', textOverflow: 'ellipsis' }}
                onClick={() => {
                  onApply(fromSavedFilter(item.filter));
                  setOpen(false);
                }}
              >
                {item.name}
              </Button>
            </List.Item>
          )}
        />
      )}
      <Tooltip title={canSave ? undefined : t('personnel.saved.nothingToSave')}>
        <Button
          block
          icon={<SaveOutlined />}
          disabled={!canSave}
          style={{ marginTop: 8 }}
          onClick={() => {
            setOpen(false);
            setNaming(true);
          }}
        >
          {t('personnel.saved.save')}
        </Button>
      </Tooltip>
    </div>
  );

  return (
    <>
      <Popover
        trigger="click"
        placement="bottomRight"
        open={open}
        onOpenChange={setOpen}
        content={content}
        title={t('personnel.saved.button')}
      >
        <Button icon={<StarOutlined />}>
          {t('personnel.saved.button')} <DownOutlined />
        </Button>
      </Popover>
      <Modal
        open={naming}
        title={t('personnel.saved.saveTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <Form form={form} name="savedFilter" layout="vertical" onFinish={onSave}>
          <Form.Item
            label={t('personnel.saved.name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('personnel.saved.name') }) }]}
          >
            <Input maxLength={100} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
