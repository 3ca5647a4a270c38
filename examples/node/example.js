#!/usr/bin/env node
// libjcx from Node.js with better-sqlite3 (12.x, Node 20 or later).
//
//   cd examples/node && npm ci && cd ../..
//   node examples/node/example.js [LIB] [PAGE] [QUERIES]
//
// LIB defaults to ./libjcx (no suffix: SQLite adds .so, .dylib or .dll),
// PAGE to sql/sample/page.txt, QUERIES to examples/queries.sql; run it from
// the project root.  It loads one page into a table `pages` and prints the
// rows of every query in QUERIES, tab-separated, NULL as NULL, each query's
// column names before its first row (what `sqlite3 -header -tabs` prints).
'use strict';
const fs = require('fs');
const path = require('path');
const Database = require('better-sqlite3');

const lib = process.argv[2] || './libjcx';
const page = process.argv[3] || 'sql/sample/page.txt';
const queries = process.argv[4] || 'examples/queries.sql';

// An extension belongs to one connection: load it in every connection you
// open.  The second argument names the entry point; it may be left out.
const db = new Database(':memory:');
db.loadExtension(lib, 'sqlite3_jcx_init');

db.exec('CREATE TABLE pages(name TEXT PRIMARY KEY, text TEXT NOT NULL)');
db.prepare('INSERT INTO pages VALUES (?, ?)')
  .run(path.basename(page), fs.readFileSync(page, 'utf8'));

// The statements of a .sql file: each ends with a line ending in ';'.
function* statements(file) {
  let buf = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    buf.push(line);
    if (line.trimEnd().endsWith(';')) { yield buf.join('\n'); buf = []; }
  }
}

const out = [];
for (const sql of statements(queries)) {
  const stmt = db.prepare(sql);
  if (!stmt.reader) { stmt.run(); continue; }
  // safeIntegers: INTEGER columns come back as BigInt, exact beyond 2^53
  // (cn_number('1亿亿') = 10^16 is past Number.MAX_SAFE_INTEGER).
  stmt.safeIntegers(true).raw(true);
  let header = stmt.columns().map((c) => c.name).join('\t');
  for (const row of stmt.iterate()) {
    if (header !== null) { out.push(header); header = null; }
    out.push(row.map((v) => (v === null ? 'NULL' : String(v))).join('\t'));
  }
}
db.close();
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
