import { afterEach } from 'vitest';
import { describeOpenPages } from './browser.ts';
import { runningServers } from './server.ts';

/**
 * When a step fails, print what every open page showed and the end of what every running server
 * printed: a timeout alone ("waiting for text X") cannot tell a slow machine from a refused request.
 */
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  const servers = [...runningServers].map((server) => `--- ${server.url}\n${server.output().slice(-3000)}`).join('\n');
  console.error(`[${task.name}] pages at failure:\n${await describeOpenPages()}\n[${task.name}] server output (end):\n${servers}`);
});
