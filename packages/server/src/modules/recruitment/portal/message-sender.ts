/**
 * Verification messages to applicants go through a sender chosen by configuration
 * (PORTAL_MESSAGE_SENDER). Only the console driver ships: it prints the message on the server's
 * standard output, so no external SMS service is needed. A real gateway implements this interface.
 */
export interface MessageSender {
  readonly name: string;
  send(phone: string, text: string): Promise<void>;
}

export const consoleSender: MessageSender = {
  name: 'console',
  async send(phone, text) {
    process.stdout.write(`[portal message] to ${phone}: ${text}\n`);
  },
};

const drivers: Record<string, MessageSender> = { console: consoleSender };

export function messageSenderFor(name: string | undefined): MessageSender {
  const sender = drivers[name || 'console'];
  if (!sender) throw new Error(`PORTAL_MESSAGE_SENDER "${name}" is unknown; available: ${Object.keys(drivers).join(', ')}`);
  return sender;
}
