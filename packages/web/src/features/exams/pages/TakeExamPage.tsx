import { AppstoreOutlined, CloudSyncOutlined, DisconnectOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Result, Spin, Tag, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { useErrorText } from '../../../shared/hooks/useErrorMessage';
import { reportFocusLoss, saveAnswer, startExam, submitExam } from '../api';
import { AnswerSaver, isAnswered, type SaverState } from '../answer-saver';
import { ExamResultView } from '../components/ExamResultView';
import { QuestionView } from '../components/QuestionView';
import type { ItemResponse, StartAnswer, SubmitAnswer } from '../types';

type Phase = 'loading' | 'failed' | 'taking' | 'deadline' | 'takenOver' | 'submitted';

/** Two focus events closer than this are one switch away from the page (blur and hidden arrive together). */
const FOCUS_LOSS_GAP_MS = 1500;
const WARN_SECONDS = 300;

const pad = (n: number) => String(n).padStart(2, '0');
function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  return h > 0 ? `${h}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}` : `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

/**
 * 答题: full-screen, phone-first. The paper and the saved answers come from POST start (so a
 * reload or another device resumes); the countdown runs on the server's clock; every change is
 * autosaved; leaving the page is reported to the proctor; the deadline ends the exam.
 */
export function TakeExamPage() {
  const { examId = '' } = useParams();
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const [phase, setPhase] = useState<Phase>('loading');
  const [failure, setFailure] = useState<unknown>(null);
  const [paper, setPaper] = useState<StartAnswer | null>(null);
  const [responses, setResponses] = useState<Record<number, ItemResponse>>({});
  const [saver, setSaver] = useState<SaverState | null>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitAnswer, setSubmitAnswer] = useState<SubmitAnswer | null>(null);
  /** serverNow − device clock at the start answer: corrects a wrong device clock. */
  const offset = useRef(0);
  const saverRef = useRef<AnswerSaver | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [attempt, setAttempt] = useState(0);

  const items = paper?.items ?? [];
  const index = Math.min(Math.max(Number(params.get('q') ?? 1), 1), Math.max(items.length, 1)) - 1;
  const item = items[index];
  const answeredCount = items.filter((i) => isAnswered(responses[i.no])).length;

  // Start (or resume) the session.
  useEffect(() => {
    let cancelled = false;
    setPhase('loading');
    startExam(examId).then(
      (answer) => {
        if (cancelled) return;
        offset.current = Date.parse(answer.serverNow) - Date.now();
        const saved: Record<number, ItemResponse> = {};
        for (const [no, response] of Object.entries(answer.responses ?? {})) saved[Number(no)] = response;
        const instance = new AnswerSaver(
          (no, response, seq) => saveAnswer(examId, answer.sessionToken, no, response, seq),
          `zg.exam.${examId}.${answer.sessionId}`,
          setSaver,
          answer.seqs ?? {},
        );
        for (const [no, response] of instance.restore()) saved[no] = response;
        saverRef.current?.stop();
        saverRef.current = instance;
        setPaper(answer);
        setResponses(saved);
        setPhase('taking');
      },
      (error: unknown) => {
        if (cancelled) return;
        setFailure(error);
        setPhase('failed');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [examId, attempt]);

  useEffect(() => () => saverRef.current?.stop(), []);

  // Fatal save answers (deadline passed, session taken over on another device) end the page.
  useEffect(() => {
    if (saver?.fatal === 'deadline') setPhase('deadline');
    if (saver?.fatal === 'takenOver') setPhase('takenOver');
    if (saver?.fatal === 'closed') setPhase('submitted');
  }, [saver?.fatal]);

  // Connection changes: queue while offline, flush on reconnect.
  useEffect(() => {
    const online = () => saverRef.current?.setOffline(false);
    const offline = () => saverRef.current?.setOffline(true);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, []);

  // Leaving the page (another app, another tab, another window) is counted for the proctor.
  useEffect(() => {
    if (phase !== 'taking' || !paper) return undefined;
    let last = 0;
    // A reload or closing the tab hides the page too; that is not leaving the exam for something else.
    let unloading = false;
    const onUnload = () => {
      unloading = true;
    };
    const report = (type: 'blur' | 'hidden') => {
      const at = Date.now();
      if (unloading || at - last < FOCUS_LOSS_GAP_MS) return;
      last = at;
      reportFocusLoss(examId, paper.sessionToken, type).catch(() => undefined);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') report('hidden');
    };
    const onBlur = () => {
      if (document.visibilityState === 'visible') report('blur');
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('blur', onBlur);
    window.addEventListener('beforeunload', onUnload);
    window.addEventListener('pagehide', onUnload);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('beforeunload', onUnload);
      window.removeEventListener('pagehide', onUnload);
    };
  }, [phase, paper, examId]);

  // The countdown ticks on the corrected clock.
  useEffect(() => {
    if (phase !== 'taking') return undefined;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [phase]);
  const remaining = paper ? (Date.parse(paper.deadline) - (now + offset.current)) / 1000 : 0;

  const finish = useCallback(
    async (reason: 'submit' | 'deadline') => {
      const instance = saverRef.current;
      if (!paper || !instance) return;
      setSubmitting(true);
      try {
        await instance.flush();
        const answer = await submitExam(examId, paper.sessionToken);
        instance.clear();
        instance.stop();
        setSubmitAnswer(answer);
        setPhase(reason === 'deadline' ? 'deadline' : 'submitted');
      } catch (error) {
        if (isApiError(error) && error.code === 'EXAM_DEADLINE_PASSED') setPhase('deadline');
        else if (isApiError(error) && error.code === 'EXAM_SESSION_TAKEN_OVER') setPhase('takenOver');
        else if (isApiError(error) && error.code === 'EXAM_SESSION_CLOSED') setPhase('submitted');
        else if (reason === 'deadline') setPhase('deadline');
        else modal.error({ title: t('exams.take.submitTitle'), content: errorText(error) });
      } finally {
        setSubmitting(false);
      }
    },
    [paper, examId, modal, t, errorText],
  );

  // At the deadline the server finalises from the last autosave; this view just follows it.
  useEffect(() => {
    if (phase === 'taking' && paper && remaining <= 0) void finish('deadline');
  }, [phase, paper, remaining, finish]);

  const change = (no: number, response: ItemResponse, delayMs: number) => {
    setResponses((current) => ({ ...current, [no]: response }));
    saverRef.current?.change(no, response, delayMs);
  };
  const go = (to: number) => {
    setParams({ q: String(to + 1) }, { replace: true });
    setSheetOpen(false);
    window.scrollTo?.(0, 0);
  };

  const confirmSubmit = () => {
    setSheetOpen(false);
    const unanswered = items.length - answeredCount;
    modal.confirm({
      title: t('exams.take.submitTitle'),
      content: (
        <>
          {unanswered > 0 ? t('exams.take.submitUnanswered', { count: unanswered }) : t('exams.take.submitAll')}
          {(saver?.pending ?? 0) > 0 && saver?.offline && (
            <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('exams.take.submitPending')}
            </Typography.Paragraph>
          )}
        </>
      ),
      okText: t('exams.take.submit'),
      cancelText: t('common.cancel'),
      onOk: () => finish('submit'),
    });
  };

  const shell = (children: ReactNode) => (
    <div
      data-testid="take-exam"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 100,
        background: token.colorBgLayout,
        overflowY: 'auto',
        WebkitOverflowScrolling: 'touch',
      }}
    >
      {children}
    </div>
  );

  if (phase === 'loading') return shell(<Spin tip={t('exams.take.loading')} fullscreen />);
  if (phase === 'failed')
    return shell(
      <Result
        status={isApiError(failure) && failure.status === 404 ? '404' : 'warning'}
        title={isApiError(failure) && failure.status === 404 ? t('exams.take.notExaminee') : errorText(failure)}
        extra={<Button onClick={() => navigate('/my-exams')}>{t('exams.take.backToList')}</Button>}
      />,
    );
  if (phase === 'takenOver')
    return shell(
      <Result
        status="warning"
        title={t('exams.take.takenOverTitle')}
        subTitle={t('exams.take.takenOverText')}
        extra={[
          <Button key="again" type="primary" onClick={() => setAttempt((n) => n + 1)}>
            {t('exams.take.reenter')}
          </Button>,
          <Button key="back" onClick={() => navigate('/my-exams')}>
            {t('exams.take.backToList')}
          </Button>,
        ]}
      />,
    );
  if (phase === 'deadline' || phase === 'submitted')
    return shell(
      <div style={{ maxWidth: 720, margin: '0 auto', padding: 16 }}>
        <ExamResultView
          examId={examId}
          title={paper?.title ?? ''}
          totalScore={paper?.totalScore}
          headline={phase === 'deadline' ? { title: t('exams.take.deadlineTitle'), text: t('exams.take.deadlineText') } : undefined}
          submit={submitAnswer}
        />
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => navigate('/my-exams')}>{t('exams.take.backToList')}</Button>
        </Flex>
      </div>,
    );

  const warn = remaining <= WARN_SECONDS;
  const saveLine = saver?.offline ? (
    <Typography.Text type="danger" data-testid="save-state">
      <DisconnectOutlined /> {t('exams.take.offline', { count: saver.pending })}
    </Typography.Text>
  ) : saver?.failed ? (
    <Typography.Text type="warning" data-testid="save-state">
      {t('exams.take.retrying', { count: saver.pending })}
    </Typography.Text>
  ) : saver?.saving || (saver?.pending ?? 0) > 0 ? (
    <Typography.Text type="secondary" data-testid="save-state">
      <CloudSyncOutlined /> {t('exams.take.saving')}
    </Typography.Text>
  ) : saver?.lastSavedAt ? (
    <Typography.Text type="success" data-testid="save-state">
      {t('exams.take.saved', { time: dayjs(saver.lastSavedAt).format('HH:mm:ss') })}
    </Typography.Text>
  ) : (
    <span data-testid="save-state" />
  );

  return shell(
    <Flex vertical style={{ minHeight: '100%' }}>
      <div
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 2,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          padding: '8px 12px',
        }}
      >
        <Flex vertical gap={4} style={{ maxWidth: 720, margin: '0 auto' }}>
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text strong ellipsis style={{ minWidth: 0, flex: 1, fontSize: 15 }}>
              {paper?.title}
            </Typography.Text>
            <Tag
              color={warn ? 'red' : 'blue'}
              style={{ fontSize: 16, padding: '2px 8px', marginInlineEnd: 0, fontVariantNumeric: 'tabular-nums' }}
              data-testid="countdown"
              aria-label={t('exams.take.remaining')}
            >
              {clock(remaining)}
            </Tag>
          </Flex>
          <Flex justify="space-between" align="center" gap={8} style={{ fontSize: 12 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="answered-count">
              {t('exams.take.answered', { count: answeredCount, total: items.length })}
            </Typography.Text>
            <span style={{ fontSize: 12, textAlign: 'right' }}>{saveLine}</span>
          </Flex>
        </Flex>
      </div>

      <div style={{ flex: 1, width: '100%', maxWidth: 720, margin: '0 auto', padding: '16px 16px 96px', boxSizing: 'border-box' }}>
        {item && (
          <QuestionView
            key={item.no}
            item={item}
            total={items.length}
            response={responses[item.no]}
            onChange={(r, delay) => change(item.no, r, delay)}
          />
        )}
      </div>

      <div
        style={{
          position: 'fixed',
          left: 0,
          right: 0,
          bottom: 0,
          zIndex: 2,
          background: token.colorBgContainer,
          borderTop: `1px solid ${token.colorBorderSecondary}`,
          padding: '8px 12px calc(8px + env(safe-area-inset-bottom))',
        }}
      >
        <Flex gap={8} style={{ maxWidth: 720, margin: '0 auto' }}>
          <Button size="large" icon={<LeftOutlined />} disabled={index === 0} onClick={() => go(index - 1)} style={{ flex: 1 }}>
            {t('exams.take.prev')}
          </Button>
          <Button
            size="large"
            icon={<AppstoreOutlined />}
            onClick={() => setSheetOpen(true)}
            aria-label={t('exams.take.navigator')}
            data-testid="open-sheet"
          >
            {index + 1}/{items.length}
          </Button>
          {index < items.length - 1 ? (
            <Button
              size="large"
              type="primary"
              onClick={() => go(index + 1)}
              style={{ flex: 1 }}
              iconPosition="end"
              icon={<RightOutlined />}
            >
              {t('exams.take.next')}
            </Button>
          ) : (
            <Button size="large" type="primary" danger onClick={confirmSubmit} loading={submitting} style={{ flex: 1 }}>
              {t('exams.take.submit')}
            </Button>
          )}
        </Flex>
      </div>

      <Drawer
        open={sheetOpen}
        placement="bottom"
        height="auto"
        title={t('exams.take.navigator')}
        onClose={() => setSheetOpen(false)}
        zIndex={1000}
        extra={
          <Button type="primary" danger onClick={confirmSubmit} loading={submitting}>
            {t('exams.take.submit')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          {t('exams.take.answered', { count: answeredCount, total: items.length })}
        </Typography.Paragraph>
        <Flex wrap gap={8} data-testid="answer-sheet">
          {items.map((it, i) => (
            <Button
              key={it.no}
              type={isAnswered(responses[it.no]) ? 'primary' : 'default'}
              ghost={i === index && isAnswered(responses[it.no])}
              style={{ width: 48, height: 48, ...(i === index ? { outline: `2px solid ${token.colorPrimary}`, outlineOffset: 1 } : {}) }}
              onClick={() => go(i)}
              aria-label={t('exams.take.questionOf', { no: it.no, total: items.length })}
            >
              {it.no}
            </Button>
          ))}
        </Flex>
      </Drawer>
    </Flex>,
  );
}
