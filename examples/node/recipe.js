#!/usr/bin/env node
// A reporting recipe of sql/recipes/ from Node.js (better-sqlite3 12), without
// the sqlite3 shell.
//
//   cd examples/node && npm ci && cd ../..
//   node examples/node/recipe.js [LIB] RECIPE.sql
//
// Run it from the project root; LIB defaults to ./libjcx.  The recipes read
// their files with the shell's own fsdir('DIR') and readfile('PATH'), which
// no other host has.  Here Node reads the files itself and passes their bytes
// to SQLite as parameters, into a table temp.host_files(dir, name, data); in
// each statement fsdir('DIR') becomes the subquery
// (SELECT name, data FROM temp.host_files WHERE dir = 'DIR') and
// readfile('PATH') the subquery that gives that file's bytes.  Everything
// else is the recipe's own SQL, statement by statement.
//
// The shell's dot-commands that the recipes use are followed: .headers,
// .mode (box and tabs print tab-separated rows, as `.mode tabs` does; list
// and csv as the shell does), .separator, .output, .print; .progress is
// ignored.  NULL prints as an empty field, a REAL as SQLite prints it
// ('%!.15g'), an INTEGER exactly (BigInt).
'use strict';
const fs = require('fs');
const path = require('path');
const Database = require('better-sqlite3');

const FSDIR = /\bfsdir\(\s*'((?:[^']|'')*)'\s*\)/gi;
const READFILE = /\breadfile\(\s*'((?:[^']|'')*)'\s*\)/gi;

function connect(lib) {
  const db = new Database(':memory:');
  db.loadExtension(lib, 'sqlite3_jcx_init');
  db.exec('CREATE TEMP TABLE host_files(dir TEXT, name TEXT, data BLOB)');
  return db;
}

// Every file under d, as fsdir(d) names them (d/sub/file).
function* walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.posix.join(d, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

function hostSql(db, sql, loaded) {
  const ins = db.prepare('INSERT INTO temp.host_files VALUES (?, ?, ?)');
  sql = sql.replace(FSDIR, (_, lit) => {
    const d = lit.replace(/''/g, "'");
    if (!loaded.has('dir:' + d)) {
      loaded.add('dir:' + d);
      for (const p of walk(d)) ins.run(d, p, fs.readFileSync(p));
    }
    return `(SELECT name, data FROM temp.host_files WHERE dir = '${lit}')`;
  });
  return sql.replace(READFILE, (_, lit) => {
    const p = lit.replace(/''/g, "'");
    if (!loaded.has('file:' + p)) {
      loaded.add('file:' + p);
      ins.run(null, p, fs.existsSync(p) ? fs.readFileSync(p) : null);
    }
    return `(SELECT data FROM temp.host_files WHERE dir IS NULL AND name = '${lit}')`;
  });
}

// A REAL as SQLite writes it: '%!.15g' (always a decimal point).
function realText(v) {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Inf' : '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const [m, e] = v.toExponential(14).split('e');
  const exp = Number(e);
  const trim = (s) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '.0') : s + '.0');
  if (exp < -4 || exp >= 15) {
    return trim(m) + 'e' + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
  }
  return trim(v.toFixed(14 - exp));
}

function text(v) {
  if (v === null) return null;
  if (typeof v === 'number') return realText(v);
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  return String(v);
}

// The shell's CSV quoting: a space or any byte below it, '"', "'", 0x7f or
// above, an empty string, or the separator inside: quoted, '"' doubled.
function csvField(s, sep) {
  if (s === null) return '';
  if (s === '' || s.includes(sep) || /[\x00-\x20"'\x7f-\uffff]/.test(s)) return '"' + s.replace(/"/g, '""') + '"';
  return s;
}

// The arguments of a dot-command: words, or '…' / "…" quoted.
function dotArgs(line) {
  const args = [];
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let m;
  while ((m = re.exec(line))) args.push(m[1] ?? m[2] ?? m[3]);
  return args;
}

class Shell {
  constructor() {
    this.headers = false;
    this.mode = 'list';
    this.col = '|';
    this.row = '\n';
    this.fd = 1;
  }

  write(s) { fs.writeSync(this.fd, s); }

  dot(line) {
    const [cmd, ...rest] = dotArgs(line);
    if (cmd === '.headers') this.headers = rest[0] === 'on';
    else if (cmd === '.mode') {
      this.mode = rest[0];
      [this.col, this.row] = { csv: [',', '\r\n'], list: ['|', '\n'] }[this.mode] || ['\t', '\n'];
    } else if (cmd === '.separator') {
      this.col = rest[0];
      if (rest.length > 1) this.row = rest[1];
    } else if (cmd === '.output') {
      if (this.fd !== 1) fs.closeSync(this.fd);
      this.fd = !rest.length || rest[0] === 'stdout' ? 1 : fs.openSync(rest[0], 'w');
    } else if (cmd === '.print') this.write(rest.join(' ') + '\n');
    else if (cmd !== '.progress') throw new Error('recipe.js: dot-command not supported: ' + line);
  }

  rows(names, iter) {
    const field = this.mode === 'csv' ? (s) => csvField(s, this.col) : (s) => (s === null ? '' : s);
    let first = true;
    for (const r of iter) {
      if (first && this.headers) this.write(names.map(field).join(this.col) + this.row);
      first = false;
      this.write(r.map((v) => field(text(v))).join(this.col) + this.row);
    }
  }
}

// Whether sql is one or more complete statements: it ends with ';' outside
// strings, identifiers and comments, and a CREATE TRIGGER's ';' follows END.
function complete(sql) {
  let i = 0, last = '', code = '';
  while (i < sql.length) {
    const c = sql[i];
    if (c === '-' && sql[i + 1] === '-') { const j = sql.indexOf('\n', i); i = j < 0 ? sql.length : j; continue; }
    if (c === '/' && sql[i + 1] === '*') { const j = sql.indexOf('*/', i + 2); if (j < 0) return false; i = j + 2; continue; }
    const close = { "'": "'", '"': '"', '`': '`', '[': ']' }[c];
    if (close) { const j = sql.indexOf(close, i + 1); if (j < 0) return false; code += ' x '; i = j + 1; last = 'x'; continue; }
    code += c;
    if (!/\s/.test(c)) last = c;
    i++;
  }
  if (last !== ';') return false;
  if (!/^\s*CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b/i.test(code)) return true;
  return /\bEND\s*;\s*$/i.test(code);
}

function blank(sql) { return !sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').trim(); }

function run(db, file) {
  const shell = new Shell();
  const loaded = new Set();
  let buf = '';
  for (const line of fs.readFileSync(file, 'utf8').split(/(?<=\n)/)) {
    if (blank(buf) && line.startsWith('.')) { shell.dot(line.trim()); buf = ''; continue; }
    buf += line;
    if (!complete(buf)) continue;
    const stmt = db.prepare(hostSql(db, buf, loaded));
    buf = '';
    if (!stmt.reader) { stmt.run(); continue; }
    stmt.safeIntegers(true).raw(true);
    shell.rows(stmt.columns().map((c) => c.name), stmt.iterate());
  }
  if (shell.fd !== 1) fs.closeSync(shell.fd);
}

const args = process.argv.slice(2);
if (args.length < 1 || args.length > 2) {
  process.stderr.write('usage: recipe.js [LIB] RECIPE.sql\n');
  process.exit(2);
}
const [lib, recipe] = args.length === 2 ? args : ['./libjcx', args[0]];
run(connect(lib), recipe);
