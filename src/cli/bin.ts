#!/usr/bin/env node
import { processIo } from './io.js';
import { run } from './main.js';

void run(process.argv, processIo()).then((code) => {
  process.exitCode = code;
});
