#!/usr/bin/env node
// What does a command leave in the temp dir? Runs it with a temp dir of its own
// (TMPDIR; traversable, as /tmp is, for the embedded PostgreSQL's OS user), so
// that other runs on the machine do not blur the listing; prints that dir
// before and after, with sizes; exits 1 when the command failed or left
// anything but what is kept on purpose, one folder of a fixed name each that
// every later run reuses: the shared copy of the PostgreSQL binaries
// (grms-pg-bin-*), jest's cache (jest_*; point jest at the usual one with
// --cacheDirectory to keep it warm) and ts-node's compile cache of itself
// (v8-compile-cache-*, made by the API and CLI children of some tests).
//
//   node test/support/temp-leftovers.mjs npx jest --cacheDirectory /tmp/jest_0 test/read-replica.e2e-spec.ts
//
// The private temp dir is removed at the end, whatever the command left in it.
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';

const KEPT_ON_PURPOSE = [/^grms-pg-bin-/, /^jest_/, /^v8-compile-cache-/];

function sizeOf(path) {
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.size;
  let total = 0;
  for (const name of readdirSync(path)) total += sizeOf(join(path, name));
  return total;
}

function listing(dir) {
  return readdirSync(dir).sort().map((name) => ({ name, bytes: sizeOf(join(dir, name)) }));
}

function show(title, entries) {
  process.stdout.write(`${title} (${entries.length} entries)\n`);
  for (const e of entries) process.stdout.write(`  ${(e.bytes / 1048576).toFixed(1).padStart(8)} MB  ${e.name}\n`);
}

const command = process.argv.slice(2);
if (command.length === 0) {
  process.stderr.write('usage: node test/support/temp-leftovers.mjs <command> [args...]\n');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'grms-leftovers-'));
let code = 1;
try {
  chmodSync(dir, 0o755);
  const before = listing(dir);
  show(`temp dir ${dir} before`, before);
  const res = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, TMPDIR: dir } });
  const after = listing(dir);
  show(`temp dir ${dir} after \`${command.join(' ')}\` (exit ${res.status ?? res.signal})`, after);
  const known = new Set(before.map((e) => e.name));
  const left = after.filter((e) => !known.has(e.name) && !KEPT_ON_PURPOSE.some((re) => re.test(e.name)));
  show('left behind (not kept on purpose)', left);
  code = res.status === 0 && left.length === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
