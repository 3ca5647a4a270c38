-- Recipe: load a folder of page texts into a table, find the articles and
-- figures in them, and show progress while it works.
--
--   sqlite3 -cmd '.load ./libjcx' pages.db < sql/recipes/load_folder.sql
--
-- (run from the project root; :memory: instead of pages.db keeps nothing).
-- fsdir() and readfile() are the sqlite3 shell's own functions: fsdir lists a
-- folder recursively, with each file's bytes in `data`.  Change the folder
-- name below (three times).  Loading again skips the files already loaded.
--
-- Files may be in UTF-8 (with or without a BOM), UTF-16 with a BOM, or
-- GB18030/GBK/GB2312: cn_encoding() tells which, cn_decode() turns the bytes
-- into UTF-8 text, and `pages.encoding` keeps what the file was in.  A file
-- that is none of these (cn_encoding() NULL: a corrupt file, Big5, a binary)
-- is not loaded; it is listed in `load_errors` and the load goes on.  When
-- you know such a file's encoding, load it by name: cn_decode(data, 'big5').

CREATE TABLE IF NOT EXISTS pages(
  id       INTEGER PRIMARY KEY,
  name     TEXT UNIQUE NOT NULL, -- the file's path
  encoding TEXT,                 -- what the file was in: cn_encoding(data)
  text     TEXT NOT NULL         -- UTF-8
);
CREATE TABLE IF NOT EXISTS load_errors(
  name   TEXT PRIMARY KEY,       -- the file's path
  reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS figures(
  page_id   INTEGER NOT NULL REFERENCES pages(id),
  article   INTEGER NOT NULL,  -- articles().seq
  title     TEXT,
  seq       INTEGER NOT NULL,  -- metrics().seq within the article
  indicator TEXT,
  value,
  unit      TEXT,
  kind      TEXT,
  period    TEXT,
  raw       TEXT,
  PRIMARY KEY (page_id, article, seq)
);

-- .progress N prints "Progress k" every N steps of SQLite's virtual machine,
-- so a long statement shows it is alive.  Raise N (100000 or more) for a
-- folder of thousands of pages; .progress 0 turns it off.
.print Loading the pages of sql/sample/pages ...
.progress 300
INSERT OR IGNORE INTO pages(name, encoding, text)
SELECT name, encoding, cn_decode(data, encoding)
FROM (SELECT name, data, cn_encoding(data) AS encoding
      FROM fsdir('sql/sample/pages')
      WHERE name LIKE '%.txt' AND data IS NOT NULL
        AND name NOT IN (SELECT name FROM pages))
WHERE encoding IS NOT NULL
ORDER BY name;

-- The files that could not be read as text, with the reason.
INSERT OR REPLACE INTO load_errors(name, reason)
SELECT name, 'unknown encoding: cn_encoding() is NULL'
FROM fsdir('sql/sample/pages')
WHERE name LIKE '%.txt' AND data IS NOT NULL
  AND name NOT IN (SELECT name FROM pages) AND cn_encoding(data) IS NULL;
DELETE FROM load_errors WHERE name IN (SELECT name FROM pages);

.print Finding articles and figures ...
INSERT OR IGNORE INTO figures
SELECT p.id, a.seq, a.title, m.seq, m.indicator, m.value, m.unit, m.kind, m.period, m.raw
FROM pages p, jcx_articles(p.text) a, jcx_metrics(a.body) m
WHERE p.id NOT IN (SELECT page_id FROM figures);
.progress 0

-- The report at the end: per page, then the totals.
.headers on
.mode box
SELECT p.name AS page,
       p.encoding,
       length(p.text) AS chars,
       (SELECT count(*) FROM jcx_articles(p.text)) AS articles,
       (SELECT count(*) FROM figures f WHERE f.page_id = p.id) AS figures
FROM pages p ORDER BY p.name;

SELECT name AS "not loaded", reason FROM load_errors ORDER BY name;

SELECT (SELECT count(*) FROM pages) AS pages,
       (SELECT count(*) FROM pages p, jcx_articles(p.text)) AS articles,
       (SELECT count(*) FROM figures) AS figures,
       (SELECT count(*) FROM load_errors) AS "not loaded";
