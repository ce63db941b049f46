import { CheckOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import {
  useAddMember,
  useCategories,
  useConfirmSuggestion,
  useDefaultCategories,
  useDismissSuggestion,
  useMembers,
  useRemoveMember,
  useSuggestions,
  type Evidence,
  type Member,
  type Suggestion,
  type TalentGrade,
} from '../api';
import { PersonSelect } from '../../../shared/components/PersonSelect';

const GRADES: TalentGrade[] = ['expert', 'backbone', 'reserve'];
const gradeColor = { expert: 'gold', backbone: 'blue', reserve: 'default' } as const;

type Dialog =
  { kind: 'confirm'; s: Suggestion } | { kind: 'dismiss'; s: Suggestion } | { kind: 'remove'; m: Member } | { kind: 'add' } | null;

/** 警务人才库: suggestions a person confirms or dismisses, members by category, manual add and removal with reasons. */
export function PoolTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canWrite = usePermission('talent:write');
  const categories = useCategories();
  const suggestions = useSuggestions(canWrite);
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const members = useMembers({ ...page, ...(categoryId ? { categoryId } : {}) });
  const confirm = useConfirmSuggestion();
  const dismiss = useDismissSuggestion();
  const add = useAddMember();
  const remove = useRemoveMember();
  const defaults = useDefaultCategories();
  const showError = useErrorMessage();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ grade: TalentGrade; reason?: string; note?: string; personId?: string; categoryId?: string }>();

  const done = () => {
    setDialog(null);
    form.resetFields();
    void message.success(t('talent.done'));
  };
  const submit = async () => {
    const v = await form.validateFields();
    if (dialog?.kind === 'confirm')
      confirm.mutate(
        { personId: dialog.s.personId, categoryId: dialog.s.categoryId, grade: v.grade, ...(v.note ? { note: v.note } : {}) },
        { onSuccess: done, onError: showError },
      );
    if (dialog?.kind === 'dismiss')
      dismiss.mutate(
        { personId: dialog.s.personId, categoryId: dialog.s.categoryId, reason: v.reason ?? '' },
        { onSuccess: done, onError: showError },
      );
    if (dialog?.kind === 'remove') remove.mutate({ id: dialog.m.id, reason: v.reason ?? '' }, { onSuccess: done, onError: showError });
    if (dialog?.kind === 'add')
      add.mutate(
        { personId: v.personId ?? '', categoryId: v.categoryId ?? '', grade: v.grade, reason: v.reason ?? '' },
        { onSuccess: done, onError: showError },
      );
  };
  const evidence = (list: Evidence[]) =>
    list.map((e, i) => (
      <div key={i}>
        <Tag color="cyan">{t(`talent.rule.${e.rule}`)}</Tag>
        {e.text}
        {e.date ? `（${e.date}）` : ''}
      </div>
    ));
  const title =
    dialog?.kind === 'confirm'
      ? `${t('talent.actions.confirm')} · ${dialog.s.name} · ${dialog.s.categoryName}`
      : dialog?.kind === 'dismiss'
        ? `${t('talent.actions.dismiss')} · ${dialog.s.name} · ${dialog.s.categoryName}`
        : dialog?.kind === 'remove'
          ? `${t('talent.actions.remove')} · ${dialog.m.name}`
          : t('talent.actions.addMember');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {categories.data?.length === 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('talent.noCategories')}
          action={
            canWrite && (
              <Button size="small" loading={defaults.isPending} onClick={() => defaults.mutate(undefined, { onError: showError })}>
                {t('talent.actions.defaults')}
              </Button>
            )
          }
        />
      )}
      {canWrite && (
        <Card size="small" title={t('talent.suggestionsTitle')}>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('talent.suggestionsHint')} />
          {suggestions.isError && <QueryErrorAlert error={suggestions.error} onRetry={() => void suggestions.refetch()} />}
          <Table<Suggestion>
            rowKey={(s) => `${s.personId}|${s.categoryId}`}
            size="small"
            loading={suggestions.isPending}
            dataSource={suggestions.data?.items}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: t('talent.fields.name'), dataIndex: 'name', width: 90 },
              { title: t('talent.fields.org'), dataIndex: 'orgName', width: 140 },
              { title: t('talent.fields.category'), dataIndex: 'categoryName', width: 110 },
              { title: t('talent.fields.evidence'), dataIndex: 'evidence', render: evidence },
              {
                title: t('talent.fields.proposed'),
                dataIndex: 'proposedGrade',
                width: 100,
                render: (g: TalentGrade) => <Tag color={gradeColor[g]}>{t(`talent.talentGrade.${g}`)}</Tag>,
              },
              {
                key: 'op',
                width: 200,
                render: (_: unknown, s) => (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      icon={<CheckOutlined />}
                      onClick={() => {
                        form.setFieldsValue({ grade: s.proposedGrade });
                        setDialog({ kind: 'confirm', s });
                      }}
                    >
                      {t('talent.actions.confirm')}
                    </Button>
                    <Button size="small" icon={<CloseOutlined />} onClick={() => setDialog({ kind: 'dismiss', s })}>
                      {t('talent.actions.dismiss')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Card
        size="small"
        title={t('talent.membersTitle')}
        extra={
          <Space>
            <Select
              allowClear
              placeholder={t('talent.allCategories')}
              style={{ width: 150 }}
              value={categoryId}
              onChange={(v?: string) => {
                setCategoryId(v);
                setPage((p) => ({ ...p, page: 1 }));
              }}
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
            {canWrite && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  form.setFieldsValue({ grade: 'reserve' });
                  setDialog({ kind: 'add' });
                }}
              >
                {t('talent.actions.addMember')}
              </Button>
            )}
          </Space>
        }
      >
        {members.isError && <QueryErrorAlert error={members.error} onRetry={() => void members.refetch()} />}
        <Table<Member>
          rowKey="id"
          size="small"
          loading={members.isPending}
          dataSource={members.data?.items}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: members.data?.total,
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: t('talent.fields.name'), dataIndex: 'name', width: 90 },
            { title: t('talent.fields.org'), dataIndex: 'orgName' },
            { title: t('talent.fields.category'), dataIndex: 'categoryName' },
            {
              title: t('talent.fields.grade'),
              dataIndex: 'grade',
              render: (g: TalentGrade) => <Tag color={gradeColor[g]}>{t(`talent.talentGrade.${g}`)}</Tag>,
            },
            {
              title: t('talent.fields.source'),
              dataIndex: 'source',
              render: (v: Member['source'], m) => (
                <Tooltip title={m.basis.length > 0 ? evidence(m.basis) : m.reason}>{t(`talent.source.${v}`)}</Tooltip>
              ),
            },
            { title: t('talent.fields.confirmedAt'), dataIndex: 'confirmedAt', render: (v: string) => v.slice(0, 10) },
            ...(canWrite
              ? [
                  {
                    key: 'op',
                    width: 80,
                    render: (_: unknown, m: Member) => (
                      <Button size="small" danger onClick={() => setDialog({ kind: 'remove', m })}>
                        {t('talent.actions.remove')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        title={title}
        open={dialog !== null}
        onCancel={() => setDialog(null)}
        onOk={() => void submit()}
        confirmLoading={confirm.isPending || dismiss.isPending || add.isPending || remove.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog?.kind === 'confirm' && <div style={{ marginBottom: 12 }}>{evidence(dialog.s.evidence)}</div>}
          {dialog?.kind === 'add' && (
            <>
              <Form.Item name="personId" label={t('talent.fields.person')} rules={[{ required: true }]}>
                <PersonSelect />
              </Form.Item>
              <Form.Item name="categoryId" label={t('talent.fields.category')} rules={[{ required: true }]}>
                <Select options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
              </Form.Item>
            </>
          )}
          {(dialog?.kind === 'confirm' || dialog?.kind === 'add') && (
            <Form.Item name="grade" label={t('talent.fields.grade')} rules={[{ required: true }]}>
              <Select options={GRADES.map((g) => ({ value: g, label: t(`talent.talentGrade.${g}`) }))} />
            </Form.Item>
          )}
          {dialog?.kind === 'confirm' ? (
            <Form.Item name="note" label={t('talent.fields.comment')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          ) : (
            <Form.Item name="reason" label={t('talent.fields.reason')} rules={[{ required: true, message: t('talent.reasonRequired') }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
