import { Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { generatePassword } from '../generate-password';

interface PasswordInputProps {
  /** Set by Form.Item so the visible label points at the input. */
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
}

/** Password box with a "generate" button; the eye icon lets the admin read the password out. */
export function PasswordInput({ id, value, onChange }: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.Password
        id={id}
        value={value}
        onChange={(event) => onChange?.(event.target.value)}
        autoComplete="new-password"
        maxLength={256}
      />
      <Button onClick={() => onChange?.(generatePassword())}>{t('users.form.generate')}</Button>
    </Space.Compact>
  );
}
