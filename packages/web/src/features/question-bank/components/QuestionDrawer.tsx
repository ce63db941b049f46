import { Alert, App, Button, Drawer, Flex, Form, Popconfirm, Segmented, Space, Spin, Tag, Timeline } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../shared/hooks/useErrorMessage';
import { formatDateTime } from '../../../shared/utils/format';
import { useCreateQuestion, useQuestion, useQuestionVersion, useSetQuestionRetired, useUpdateQuestion } from '../api';
import { emptyQuestion, fromQuestion, toQuestionInput, type QuestionFormValues } from '../question-form';
import type { Bank } from '../types';
import { QuestionForm } from './QuestionForm';
import { QuestionView } from './QuestionView';

interface Props {
  /** 'new' for a new question, an id to view or edit one, null when closed. */
  target: string | null;
  banks: Bank[];
  defaultBankId?: string;
  onClose: () => void;
}

/** Create, view and edit a question; an edit saves a new version, older versions stay viewable. */
export function QuestionDrawer({ target, banks, defaultBankId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<QuestionFormValues>();
  const isNew = target === 'new';
  const question = useQuestion(isNew || !target ? undefined : target);
  const [mode, setMode] = useState<'view' | 'edit'>('view');
  const [versionNo, setVersionNo] = useState<number | undefined>(undefined);
  const oldVersion = useQuestionVersion(
    target ?? '',
    versionNo !== undefined && versionNo !== question.data?.versionNo ? versionNo : undefined,
  );
  const create = useCreateQuestion();
  const update = useUpdateQuestion();
  const retire = useSetQuestionRetired();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setError(null);
    setVersionNo(undefined);
    if (isNew) {
      setMode('edit');
      form.setFieldsValue(emptyQuestion(defaultBankId ?? banks.find((b) => b.writable)?.id));
    } else {
      setMode('view');
    }
  }, [target, isNew, form, defaultBankId, banks]);

  useEffect(() => {
    if (question.data && mode === 'edit' && !isNew) form.setFieldsValue(fromQuestion(question.data));
  }, [question.data, mode, isNew, form]);

  const onSave = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      if (isNew) {
        await create.mutateAsync({ bankId: values.bankId ?? '', ...toQuestionInput(values) });
        message.success(t('questionBank.form.saved'));
        onClose();
      } else if (target) {
        const saved = await update.mutateAsync({ id: target, body: toQuestionInput(values) });
        message.success(t('questionBank.form.savedVersion', { no: saved.versionNo }));
        setMode('view');
      }
    } catch (failure) {
      setError(failure);
    }
  };

  const q = question.data;
  const shown = versionNo !== undefined && versionNo !== q?.versionNo ? oldVersion.data : q?.current;
  const title = isNew
    ? t('questionBank.form.createTitle')
    : mode === 'edit'
      ? t('questionBank.form.editTitle')
      : t('questionBank.form.viewTitle');
  const saving = create.isPending || update.isPending;

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={title}
      width={720}
      destroyOnClose
      extra={
        <Space>
          {mode === 'edit' ? (
            <>
              {!isNew && <Button onClick={() => setMode('view')}>{t('common.cancel')}</Button>}
              <Button type="primary" loading={saving} onClick={() => void onSave()} data-testid="question-save">
                {t('common.save')}
              </Button>
            </>
          ) : (
            q?.writable && (
              <>
                <Popconfirm
                  title={q.status === 'active' ? t('questionBank.form.retireConfirm') : undefined}
                  disabled={q.status !== 'active'}
                  onConfirm={() => retire.mutate({ id: q.id, retired: true }, { onError: (e) => message.error(errorText(e)) })}
                >
                  <Button
                    danger={q.status === 'active'}
                    onClick={
                      q.status === 'retired'
                        ? () => retire.mutate({ id: q.id, retired: false }, { onError: (e) => message.error(errorText(e)) })
                        : undefined
                    }
                  >
                    {q.status === 'active' ? t('questionBank.form.retire') : t('questionBank.form.restore')}
                  </Button>
                </Popconfirm>
                {q.status === 'active' && (
                  <Button type="primary" onClick={() => setMode('edit')} data-testid="question-edit">
                    {t('common.edit')}
                  </Button>
                )}
              </>
            )
          )}
        </Space>
      }
    >
      {error !== null && <Alert type="error" showIcon message={errorText(error)} style={{ marginBottom: 12 }} />}
      {mode === 'edit' ? (
        <>
          {!isNew && <Alert type="info" showIcon message={t('questionBank.form.versionNote')} style={{ marginBottom: 12 }} />}
          {(isNew || q) && <QuestionForm form={form} banks={banks} editing={!isNew} />}
        </>
      ) : !q ? (
        <Spin />
      ) : (
        <Flex vertical gap={12}>
          {!q.writable && <Alert type="info" showIcon message={t('questionBank.form.readOnly')} />}
          <Space wrap>
            <Tag>{q.bankName}</Tag>
            {q.status === 'retired' && <Tag color="default">{t('questionBank.status.retired')}</Tag>}
            {q.versions.length > 1 && (
              <Segmented
                size="small"
                value={versionNo ?? q.versionNo}
                onChange={(v) => setVersionNo(Number(v))}
                options={q.versions.map((v) => ({ value: v.versionNo, label: `v${v.versionNo}` }))}
              />
            )}
          </Space>
          {shown ? <QuestionView version={shown} /> : <Spin />}
          <div>
            <h4>{t('questionBank.form.versions')}</h4>
            <Timeline
              items={q.versions.map((v) => ({
                color: v.versionNo === q.versionNo ? 'blue' : 'gray',
                children: (
                  <Space>
                    {t('questionBank.form.versionItem', { no: v.versionNo, time: formatDateTime(v.createdAt) })}
                    {v.versionNo === q.versionNo && <Tag color="blue">{t('questionBank.form.current')}</Tag>}
                  </Space>
                ),
              }))}
            />
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
