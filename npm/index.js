// sqlite-jcx: the libjcx SQLite extension, compiled, for Node.js.
//
//   const Database = require('better-sqlite3');
//   const jcx = require('sqlite-jcx');
//   const db = new Database(':memory:');
//   jcx.load(db);
//   db.prepare("SELECT cn_number('248亿元') AS n").get();   // { n: 24800000000 }
//
// getLoadablePath() is the library's full path, for hosts that load it
// themselves (db.loadExtension(path) in better-sqlite3, node:sqlite's
// loadExtension).  An extension belongs to one connection: load it in
// every connection you open.
'use strict';
const fs = require('fs');
const path = require('path');

const ENTRY_POINT = 'sqlite3_jcx_init';
const SUFFIX = { linux: 'so', darwin: 'dylib', win32: 'dll' };

function getLoadablePath() {
  const file = path.join(__dirname, `libjcx.${SUFFIX[process.platform] || 'so'}`);
  if (!fs.existsSync(file)) {
    const here = `${process.platform}-${process.arch}`;
    const pkg = require('./package.json');
    const built = `${(pkg.os || ['?'])[0]}-${(pkg.cpu || ['?'])[0]}`;
    throw new Error(`sqlite-jcx: no ${path.basename(file)} in ${__dirname}` +
      (here === built ? '' : ` (this package was built for ${built}, this is ${here})`));
  }
  return file;
}

function load(db) {
  if (!db || typeof db.loadExtension !== 'function') {
    throw new TypeError('sqlite-jcx: load(db) needs a connection with loadExtension() ' +
      '(better-sqlite3 12, or node:sqlite opened with allowExtension: true)');
  }
  // better-sqlite3 takes the entry point as a second argument
  db.loadExtension(getLoadablePath(), ENTRY_POINT);
}

module.exports = { getLoadablePath, load, ENTRY_POINT };
