import { App, Alert, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useDictItems } from '../../../shared/dicts/dict-api';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useOrgTree } from '../../../shared/orgs/org-tree-api';
import { toTreeSelectData } from '../../../shared/orgs/org-tree-data';
import { useCreateExam, usePaperOptions, usePersonOptions, useRoleOptions, useScheduleExam, useUpdateExam } from '../api';
import { minutesBetween } from '../exam-format';
import { CREATABLE_KINDS, type Exam, type ExamInput, type ExamKind } from '../types';

interface FormValues {
  title: string;
  kind: ExamKind;
  paperId: string;
  orgId: string;
  window: [Dayjs, Dayjs];
  durationMinutes: number;
  attemptsAllowed: number;
  passScore: number;
  targetOrgIds: string[];
  targetRoleIds: string[];
  targetRanks: string[];
  targetPersonIds: string[];
}

interface ExamFormDrawerProps {
  /** Editing a draft; absent = a new exam. */
  exam?: Exam;
  defaultOrgId?: string;
  onClose: () => void;
}

const nonEmpty = (list: string[] | undefined) => (list && list.length > 0 ? list : undefined);

function toInput(values: FormValues): ExamInput {
  return {
    title: values.title.trim(),
    kind: values.kind,
    paperId: values.paperId,
    orgId: values.orgId,
    startsAt: values.window[0].second(0).millisecond(0).toISOString(),
    endsAt: values.window[1].second(0).millisecond(0).toISOString(),
    durationMinutes: values.durationMinutes,
    attemptsAllowed: values.attemptsAllowed,
    passScore: values.passScore,
    targets: {
      orgIds: nonEmpty(values.targetOrgIds),
      roleIds: nonEmpty(values.targetRoleIds),
      ranks: nonEmpty(values.targetRanks),
      personIds: nonEmpty(values.targetPersonIds),
    },
  };
}

/** 新建/编辑考试: kind, paper, organising unit, examinee targets, window, duration, attempts and pass score. */
export function ExamFormDrawer({ exam, defaultOrgId, onClose }: ExamFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useErrorMessage();
  const [form] = Form.useForm<FormValues>();
  const [paperKeyword, setPaperKeyword] = useState('');
  const [personKeyword, setPersonKeyword] = useState('');
  const canReadRoles = usePermission('role:read');
  const canReadPeople = usePermission('personnel:read');
  const papers = usePaperOptions(paperKeyword, true);
  const roles = useRoleOptions(canReadRoles);
  const people = usePersonOptions(personKeyword, canReadPeople);
  const ranks = useDictItems('police_rank');
  const tree = useOrgTree(false);
  const orgTreeData = useMemo(() => toTreeSelectData(tree.data ?? []), [tree.data]);
  const create = useCreateExam();
  const update = useUpdateExam(exam?.id ?? '');
  const schedule = useScheduleExam();
  const busy = create.isPending || update.isPending || schedule.isPending;

  const initialValues: Partial<FormValues> = exam
    ? {
        title: exam.title,
        kind: exam.kind,
        paperId: exam.paperId,
        orgId: exam.orgId,
        window: [dayjs(exam.startsAt), dayjs(exam.endsAt)],
        durationMinutes: exam.durationMinutes,
        attemptsAllowed: exam.attemptsAllowed,
        passScore: exam.passScore,
        targetOrgIds: exam.targets.orgIds ?? [],
        targetRoleIds: exam.targets.roleIds ?? [],
        targetRanks: exam.targets.ranks ?? [],
        targetPersonIds: exam.targets.personIds ?? [],
      }
    : {
        kind: 'monthly_practice',
        orgId: defaultOrgId,
        durationMinutes: 60,
        attemptsAllowed: 1,
        passScore: 60,
        targetOrgIds: [],
        targetRoleIds: [],
        targetRanks: [],
        targetPersonIds: [],
      };

  // Names of people once found stay known, so chosen people keep their label after the next search.
  const personLabels = useRef(new Map<string, string>());
  for (const p of people.data?.items ?? []) personLabels.current.set(p.id, p.orgName ? `${p.name}（${p.orgName}）` : p.name);
  const chosenPeople = (Form.useWatch('targetPersonIds', form) as string[] | undefined) ?? [];
  const personOptions = [...new Set([...chosenPeople, ...(people.data?.items ?? []).map((p) => p.id)])].map((id) => ({
    value: id,
    label: personLabels.current.get(id) ?? id,
  }));

  const paperOptions = useMemo(() => {
    const options = (papers.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }));
    if (exam && !options.some((o) => o.value === exam.paperId)) options.unshift({ value: exam.paperId, label: exam.paperTitle });
    return options;
  }, [papers.data, exam]);

  const save = async (andSchedule: boolean) => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is wrong next to each field
    }
    try {
      const input = toInput(values);
      const saved = exam ? await update.mutateAsync(input) : await create.mutateAsync(input);
      if (andSchedule) {
        await schedule.mutateAsync(saved.id);
        void message.success(t('exams.form.scheduled'));
      } else {
        void message.success(t('exams.form.created'));
      }
      onClose();
      if (!exam) navigate(`/exams/${saved.id}`);
    } catch (error) {
      showError(error);
    }
  };

  const anyTarget = (_: unknown, __: unknown) => {
    const v = form.getFieldsValue(['targetOrgIds', 'targetRoleIds', 'targetRanks', 'targetPersonIds']) as Partial<FormValues>;
    const count = [v.targetOrgIds, v.targetRoleIds, v.targetRanks, v.targetPersonIds].reduce((n, list) => n + (list?.length ?? 0), 0);
    return count > 0 ? Promise.resolve() : Promise.reject(new Error(t('exams.form.targetsRequired')));
  };
  const revalidateTargets = () => void form.validateFields(['targetOrgIds']).catch(() => undefined);

  return (
    <Drawer
      open
      width={640}
      title={exam ? t('exams.form.editTitle') : t('exams.form.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={() => void save(false)} loading={busy} data-testid="exam-save-draft">
            {t('exams.form.saveDraft')}
          </Button>
          <Button type="primary" onClick={() => void save(true)} loading={busy} data-testid="exam-save-schedule">
            {t('exams.form.saveAndSchedule')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initialValues} data-testid="exam-form" requiredMark>
        <Form.Item
          name="title"
          label={t('exams.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('exams.fields.title') }) }, { max: 100 }]}
        >
          <Input maxLength={100} showCount />
        </Form.Item>
        <Space.Compact block style={{ gap: 16 }}>
          <Form.Item name="kind" label={t('exams.fields.kind')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select options={CREATABLE_KINDS.map((k) => ({ value: k, label: t(`exams.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name="orgId"
            label={t('exams.fields.org')}
            rules={[{ required: true, message: t('common.selectRequired', { field: t('exams.fields.org') }) }]}
            style={{ flex: 1 }}
          >
            <OrgTreeSelect />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="paperId"
          label={t('exams.fields.paper')}
          rules={[{ required: true, message: t('common.selectRequired', { field: t('exams.fields.paper') }) }]}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={setPaperKeyword}
            options={paperOptions}
            loading={papers.isFetching}
            placeholder={t('exams.form.paperPlaceholder')}
            notFoundContent={papers.isFetching ? undefined : t('exams.form.noPapers')}
          />
        </Form.Item>
        <Form.Item
          name="window"
          label={t('exams.fields.window')}
          rules={[
            { required: true, message: t('common.selectRequired', { field: t('exams.fields.window') }) },
            {
              validator: (_, value?: [Dayjs, Dayjs]) =>
                !value || value[1].isAfter(value[0]) ? Promise.resolve() : Promise.reject(new Error(t('exams.form.endAfterStart'))),
            },
          ]}
        >
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Space.Compact block style={{ gap: 16 }}>
          <Form.Item
            name="durationMinutes"
            label={t('exams.fields.duration')}
            dependencies={['window']}
            rules={[
              { required: true, message: t('common.required', { field: t('exams.fields.duration') }) },
              {
                validator: (_, value?: number) => {
                  const window = form.getFieldValue('window') as [Dayjs, Dayjs] | undefined;
                  const minutes = window ? minutesBetween(window[0].toISOString(), window[1].toISOString()) : 0;
                  return !value || !window || value <= minutes
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('exams.form.durationFits', { minutes })));
                },
              },
            ]}
            style={{ flex: 1 }}
          >
            <InputNumber min={1} max={1440} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="attemptsAllowed" label={t('exams.fields.attempts')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="passScore" label={t('exams.fields.passScore')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <InputNumber min={0} max={1000} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>

        <Typography.Title level={5}>{t('exams.fields.targets')}</Typography.Title>
        <Alert type="info" showIcon message={t('exams.form.targetsHelp')} style={{ marginBottom: 12 }} />
        <Form.Item name="targetOrgIds" label={t('exams.fields.targetOrgs')} rules={[{ validator: anyTarget }]}>
          <TreeSelect
            multiple
            treeData={orgTreeData}
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            placeholder={t('orgPicker.placeholder')}
            onChange={revalidateTargets}
            data-testid="exam-target-orgs"
          />
        </Form.Item>
        {canReadRoles && (
          <Form.Item name="targetRoleIds" label={t('exams.fields.targetRoles')}>
            <Select
              mode="multiple"
              options={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
              loading={roles.isPending}
              optionFilterProp="label"
              onChange={revalidateTargets}
            />
          </Form.Item>
        )}
        <Form.Item name="targetRanks" label={t('exams.fields.targetRanks')}>
          <Select
            mode="multiple"
            options={ranks.items.map((r) => ({ value: r.code, label: r.name }))}
            loading={ranks.loading}
            optionFilterProp="label"
            onChange={revalidateTargets}
          />
        </Form.Item>
        {canReadPeople && (
          <Form.Item name="targetPersonIds" label={t('exams.fields.targetPeople')}>
            <Select
              mode="multiple"
              showSearch
              filterOption={false}
              onSearch={setPersonKeyword}
              placeholder={t('exams.form.peoplePlaceholder')}
              options={personOptions}
              loading={people.isFetching}
              onChange={revalidateTargets}
            />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
