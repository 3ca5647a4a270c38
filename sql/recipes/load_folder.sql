-- Recipe: load a folder of page texts into a table, find the articles and
-- figures in them, and show progress while it works.
--
--   sqlite3 -cmd '.load ./libjcx' pages.db < sql/recipes/load_folder.sql
--
-- (run from the project root; :memory: instead of pages.db keeps nothing).
-- fsdir() and readfile() are the sqlite3 shell's own functions: fsdir lists a
-- folder recursively, with each file's bytes in `data`.  Change the folder
-- name below.  Loading again skips the files already loaded.

CREATE TABLE IF NOT EXISTS pages(
  id   INTEGER PRIMARY KEY,
  name TEXT UNIQUE NOT NULL,   -- the file's path
  text TEXT NOT NULL
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
INSERT OR IGNORE INTO pages(name, text)
SELECT name, CAST(data AS TEXT)
FROM fsdir('sql/sample/pages')
WHERE name LIKE '%.txt' AND data IS NOT NULL
ORDER BY name;

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
       length(p.text) AS chars,
       (SELECT count(*) FROM jcx_articles(p.text)) AS articles,
       (SELECT count(*) FROM figures f WHERE f.page_id = p.id) AS figures
FROM pages p ORDER BY p.name;

SELECT (SELECT count(*) FROM pages) AS pages,
       (SELECT count(*) FROM pages p, jcx_articles(p.text)) AS articles,
       (SELECT count(*) FROM figures) AS figures;
