-- Recipe: one row per figure, with its article's title, indicator, value,
-- unit and period; on screen, then as a CSV file for a spreadsheet.
--
--   sqlite3 -cmd '.load ./libjcx' :memory: < sql/recipes/figures.sql
--
-- Run from the project root; it reads sql/sample/page.txt and writes
-- build/figures.csv (change both below).

CREATE TABLE pages(name TEXT PRIMARY KEY, text TEXT NOT NULL);
-- cn_decode() turns the file's bytes into UTF-8 text: UTF-8, UTF-16 with a BOM
-- or GB18030/GBK (sql/recipes/load_folder.sql also skips and lists bad files).
INSERT INTO pages VALUES ('page.txt', cn_decode(readfile('sql/sample/page.txt')));

-- jcx_articles / jcx_metrics are the same functions as articles / metrics,
-- under names that a table of yours called `articles` cannot hide.
CREATE TEMP VIEW figures AS
SELECT p.name AS page, a.seq AS article, a.title, m.seq AS figure,
       m.indicator, m.value, m.unit, m.period, m.kind, m.raw
FROM pages p, jcx_articles(p.text) a, jcx_metrics(a.body) m;

.headers on
.mode box
SELECT article, substr(coalesce(title, '-'), 1, 14) AS title, indicator,
       value, unit, cn_format(value, unit) AS "as printed", period
FROM figures ORDER BY page, article, figure;

-- CSV for Excel, WPS or LibreOffice.  The file starts with a UTF-8 byte
-- order mark (char(65279), written with empty separators) so that Excel reads
-- the Chinese text as UTF-8; .mode csv ends rows with CRLF and quotes fields
-- where needed.
.output build/figures.csv
.headers off
.mode list
.separator '' ''
SELECT char(65279);
.mode csv
.headers on
SELECT page, article, title, indicator, value, unit, period, kind
FROM figures ORDER BY page, article, figure;
.output stdout

.headers off
.mode list
.print
SELECT 'wrote build/figures.csv: ' || count(*) || ' figures' FROM figures;
