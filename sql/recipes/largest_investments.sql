-- Recipe: the largest investments across a folder of pages.
--
--   sqlite3 -cmd '.load ./libjcx' :memory: < sql/recipes/largest_investments.sql
--
-- A figure counts as an investment when it is money and its indicator (or,
-- when metrics() names none, its sentence) speaks of 投资.  A figure printed
-- twice (in the text and again in a headline, or on two pages) is shown once,
-- on the first page that has it.

CREATE TABLE pages(name TEXT PRIMARY KEY, text TEXT NOT NULL);
-- cn_decode() turns the file's bytes into UTF-8 text: UTF-8, UTF-16 with a BOM
-- or GB18030/GBK (sql/recipes/load_folder.sql also skips and lists bad files).
INSERT INTO pages
SELECT name, cn_decode(data) FROM fsdir('sql/sample/pages')
WHERE name LIKE '%.txt' AND data IS NOT NULL;

.headers on
.mode box
WITH investments AS (
  SELECT p.name AS page, a.seq AS article, m.seq, m.indicator, m.value, m.unit, m.period,
         m.sentence
  FROM pages p, jcx_articles(p.text) a, jcx_metrics(a.body) m
  WHERE m.kind = 'money'
    AND coalesce(m.indicator, m.sentence) LIKE '%投资%'
),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY value, unit ORDER BY page, article, seq) AS n
  FROM investments
)
SELECT cn_format(value, unit) AS amount,
       indicator,
       period,
       substr(replace(sentence, char(10), ''), 1, 24) || '…' AS "in the sentence",
       replace(page, 'sql/sample/pages/', '') AS page
FROM ranked
WHERE n = 1
ORDER BY value DESC
LIMIT 10;
