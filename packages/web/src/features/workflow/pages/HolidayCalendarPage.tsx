import { App, Button, Card, DatePicker, Flex, Input, InputNumber, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCalendar, useSaveCalendar } from '../api';

/** Dates of one kind (days off or make-up working days), added with a picker and removed by their tag. */
function DateSet({
  year,
  label,
  value,
  onChange,
  color,
}: {
  year: number;
  label: string;
  value: string[];
  onChange: (v: string[]) => void;
  color: string;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{label}</Typography.Text>
      <Flex gap={4} wrap="wrap">
        {value.map((d) => (
          <Tag key={d} color={color} closable onClose={() => onChange(value.filter((x) => x !== d))}>
            {d}
          </Tag>
        ))}
      </Flex>
      <DatePicker
        placeholder={t('workflow.calendar.addDate')}
        value={null}
        minDate={dayjs(`${year}-01-01`)}
        maxDate={dayjs(`${year}-12-31`)}
        onChange={(d: dayjs.Dayjs | null) => {
          const date = d?.format('YYYY-MM-DD');
          if (date && !value.includes(date)) onChange([...value, date].sort());
        }}
        style={{ width: 200 }}
      />
    </Flex>
  );
}

/** 节假日安排: the official calendar per year; saving adds a version that notice periods count on. */
export function HolidayCalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [year, setYear] = useState(new Date().getFullYear());
  const query = useCalendar(year);
  const save = useSaveCalendar(year);
  const [holidays, setHolidays] = useState<string[]>([]);
  const [workdays, setWorkdays] = useState<string[]>([]);
  const [note, setNote] = useState('');
  useEffect(() => {
    setHolidays(query.data?.holidays ?? []);
    setWorkdays(query.data?.workdays ?? []);
    setNote('');
  }, [query.data]);

  return (
    <Card title={t('workflow.calendar.title')}>
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary">{t('workflow.calendar.hint')}</Typography.Paragraph>
        <Flex gap={8} align="center" wrap="wrap">
          <Typography.Text>{t('workflow.calendar.year')}</Typography.Text>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="calendar-year" />
          {query.data && (
            <Typography.Text type="secondary">
              {query.data.version > 0
                ? t('workflow.calendar.source', { source: query.data.source, version: query.data.version })
                : t('workflow.calendar.none')}
            </Typography.Text>
          )}
        </Flex>
        {query.error && <QueryErrorAlert error={query.error} />}
        <DateSet year={year} label={t('workflow.calendar.holidays')} value={holidays} onChange={setHolidays} color="red" />
        <DateSet year={year} label={t('workflow.calendar.workdays')} value={workdays} onChange={setWorkdays} color="blue" />
        <Input
          placeholder={t('workflow.calendar.note')}
          value={note}
          maxLength={200}
          onChange={(e) => setNote(e.target.value)}
          style={{ maxWidth: 480 }}
        />
        <div>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { holidays, workdays, ...(note.trim() ? { note: note.trim() } : {}) },
                { onSuccess: () => void message.success(t('workflow.calendar.saved')), onError: showError },
              )
            }
          >
            {t('workflow.calendar.save')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
