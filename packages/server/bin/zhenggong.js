#!/usr/bin/env node
// Launcher for the `zhenggong` bin: the CLI is TypeScript, run through tsx without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
