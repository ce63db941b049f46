import { Input, Space, Spin } from 'antd';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCaptcha, type Captcha } from '../api';

export interface CaptchaHandle {
  /** Every captcha is good for one try: fetch a new picture after each attempt. */
  refresh: () => void;
  captchaId: () => string | undefined;
}

interface CaptchaFieldProps {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
}

/**
 * The server's SVG is shown as an <img> data URL rather than inlined: an image cannot run
 * script, whatever the markup holds.
 */
export const CaptchaField = forwardRef<CaptchaHandle, CaptchaFieldProps>(function CaptchaField({ id, value, onChange }, ref) {
  const { t } = useTranslation();
  const [captcha, setCaptcha] = useState<Captcha | null>(null);
  const [loading, setLoading] = useState(false);
  // Form.Item hands a new onChange on every render; the refresh callback must stay stable.
  const changeRef = useRef(onChange);
  changeRef.current = onChange;

  const loadedOnce = useRef(false);

  const refresh = useCallback(() => {
    setLoading(true);
    // A new picture needs a new answer; on the first load there is nothing to clear (and clearing
    // would show "required" before the applicant has typed anything).
    if (loadedOnce.current) changeRef.current?.('');
    loadedOnce.current = true;
    fetchCaptcha()
      .then(setCaptcha)
      .catch(() => setCaptcha(null))
      .finally(() => setLoading(false));
  }, []);

  useEffect(refresh, [refresh]);
  useImperativeHandle(ref, () => ({ refresh, captchaId: () => captcha?.captchaId }), [refresh, captcha]);

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={id}
        size="large"
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        placeholder={t('portal.auth.captchaPlaceholder')}
        autoComplete="off"
        inputMode="text"
        maxLength={8}
      />
      <button
        type="button"
        className="portal-captcha"
        title={t('portal.auth.captchaRefresh')}
        aria-label={t('portal.auth.captchaRefresh')}
        onClick={refresh}
        data-testid="captcha-image"
      >
        {loading || !captcha ? (
          <Spin size="small" />
        ) : (
          <img
            alt={t('portal.auth.captcha')}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(captcha.svg)}`}
            style={{ height: 38 }}
          />
        )}
      </button>
    </Space.Compact>
  );
});
