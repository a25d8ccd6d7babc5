#!/usr/bin/env node
// Committed launcher so the `bayan` link exists from install time; the command itself is built into dist/.
import '../dist/bin.js';
