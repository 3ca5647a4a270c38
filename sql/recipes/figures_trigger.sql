-- Recipe: a `figures` table that triggers keep up to date as pages are
-- inserted, changed or deleted, and a view that reports from it.
--
--   sqlite3 -cmd '.load ./libjcx' news.db < sql/recipes/figures_trigger.sql
--
-- (run from the project root; :memory: keeps nothing).  The triggers call
-- libjcx, so every connection that writes to `pages` must load libjcx first;
-- without it an INSERT fails with "no such table: main.jcx_articles".
-- Reading `figures` and the view needs no extension.

-- libjcx's functions are innocuous, so they work in triggers and views even
-- with this hardening on (a good default for databases from elsewhere).
PRAGMA trusted_schema = OFF;

CREATE TABLE IF NOT EXISTS pages(
  id   INTEGER PRIMARY KEY,
  name TEXT UNIQUE NOT NULL,
  text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS figures(
  page_id   INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  article   INTEGER NOT NULL,
  title     TEXT,
  seq       INTEGER NOT NULL,
  indicator TEXT,
  value,
  unit      TEXT,
  kind      TEXT,
  period    TEXT,
  sentence  TEXT,
  PRIMARY KEY (page_id, article, seq)
);
CREATE INDEX IF NOT EXISTS figures_indicator ON figures(indicator);

-- jcx_articles / jcx_metrics rather than articles / metrics: a schema keeps
-- working if someone later creates a table called `articles`.
CREATE TRIGGER IF NOT EXISTS pages_figures_insert AFTER INSERT ON pages BEGIN
  INSERT INTO figures
  SELECT new.id, a.seq, a.title, m.seq, m.indicator, m.value, m.unit, m.kind, m.period, m.sentence
  FROM jcx_articles(new.text) a, jcx_metrics(a.body) m;
END;
CREATE TRIGGER IF NOT EXISTS pages_figures_update AFTER UPDATE OF text ON pages BEGIN
  DELETE FROM figures WHERE page_id = old.id;
  INSERT INTO figures
  SELECT new.id, a.seq, a.title, m.seq, m.indicator, m.value, m.unit, m.kind, m.period, m.sentence
  FROM jcx_articles(new.text) a, jcx_metrics(a.body) m;
END;
CREATE TRIGGER IF NOT EXISTS pages_figures_delete AFTER DELETE ON pages BEGIN
  DELETE FROM figures WHERE page_id = old.id;
END;

-- The report: money figures by indicator, as printed in a report.
CREATE VIEW IF NOT EXISTS money_by_indicator AS
SELECT f.indicator, count(*) AS times, cn_format(max(f.value), f.unit) AS largest,
       cn_format(min(f.value), f.unit) AS smallest, group_concat(DISTINCT p.name) AS pages
FROM figures f JOIN pages p ON p.id = f.page_id
WHERE f.kind = 'money' AND f.indicator IS NOT NULL
GROUP BY f.indicator, f.unit;

.headers on
.mode box
-- 1. Insert two pages: the triggers fill `figures`.
-- cn_decode() turns the file's bytes into UTF-8 text: UTF-8, UTF-16 with a BOM
-- or GB18030/GBK (sql/recipes/load_folder.sql also skips and lists bad files).
INSERT OR IGNORE INTO pages(name, text)
SELECT replace(name, 'sql/sample/pages/', ''), cn_decode(data)
FROM fsdir('sql/sample/pages') WHERE name LIKE '%.txt' AND data IS NOT NULL;
SELECT 'after insert' AS step, p.name, count(f.seq) AS figures
FROM pages p LEFT JOIN figures f ON f.page_id = p.id GROUP BY p.id ORDER BY p.name;

SELECT * FROM money_by_indicator ORDER BY times DESC, indicator LIMIT 8;

-- 2. A correction to page 02: revenue 7.3 亿元 becomes 7.7 亿元.
UPDATE pages SET text = replace(text, '7.3 亿元', '7.7 亿元') WHERE name = '02.txt';
SELECT 'after update' AS step, f.indicator, cn_format(f.value, f.unit) AS value
FROM figures f JOIN pages p ON p.id = f.page_id
WHERE p.name = '02.txt' AND f.indicator = '一般公共预算收入';

-- 3. Delete page 01: its figures go with it.
DELETE FROM pages WHERE name = '01.txt';
SELECT 'after delete' AS step, (SELECT count(*) FROM pages) AS pages,
       (SELECT count(*) FROM figures) AS figures;

-- The table matches what libjcx finds now: 0 rows differ either way.
SELECT 'in sync' AS "check",
  (SELECT count(*) FROM (
     SELECT p.id, a.seq, m.seq FROM pages p, jcx_articles(p.text) a, jcx_metrics(a.body) m
     EXCEPT SELECT page_id, article, seq FROM figures)) +
  (SELECT count(*) FROM (
     SELECT page_id, article, seq FROM figures
     EXCEPT SELECT p.id, a.seq, m.seq FROM pages p, jcx_articles(p.text) a, jcx_metrics(a.body) m))
  AS "rows that differ";
