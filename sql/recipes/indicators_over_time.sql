-- Recipe: figures by indicator over time, from a series of yearly bulletins
-- (sql/sample/bulletins/2021.txt, 2022.txt, 2023.txt: one statistical
-- bulletin a year; the year is taken from the file name).
--
--   sqlite3 -cmd '.load ./libjcx' :memory: < sql/recipes/indicators_over_time.sql

CREATE TABLE bulletins(year INTEGER PRIMARY KEY, name TEXT NOT NULL, text TEXT NOT NULL);
-- cn_decode() turns the file's bytes into UTF-8 text: UTF-8, UTF-16 with a BOM
-- or GB18030/GBK (sql/recipes/load_folder.sql also skips and lists bad files).
INSERT INTO bulletins
SELECT CAST(substr(name, -8, 4) AS INTEGER), name, cn_decode(data)
FROM fsdir('sql/sample/bulletins')
WHERE name GLOB '*/[12][0-9][0-9][0-9].txt';

-- Every level figure (not a growth rate or a share) that has an indicator,
-- the first one per indicator in each bulletin; and the growth rate that the
-- bulletin itself states for the same indicator.
CREATE TEMP TABLE series AS
SELECT b.year, m.indicator, m.unit, m.value, min(m.seq) AS seq
FROM bulletins b, jcx_metrics(b.text) m
WHERE m.indicator IS NOT NULL AND m.kind NOT IN ('growth', 'percent')
GROUP BY b.year, m.indicator, m.unit;

CREATE TEMP TABLE stated AS
SELECT b.year, m.indicator, min(m.seq) AS seq, m.value AS growth
FROM bulletins b, jcx_metrics(b.text) m
WHERE m.kind = 'growth' AND m.indicator IS NOT NULL
GROUP BY b.year, m.indicator;

.headers on
.mode box
-- One row per indicator, the years side by side (oldest first).
SELECT indicator,
       (SELECT group_concat(cn_format(value, unit), ' → ')
        FROM (SELECT value, unit FROM series s2
              WHERE s2.indicator = s.indicator AND s2.unit = s.unit ORDER BY year)) AS "by year",
       min(year) || '–' || max(year) AS years
FROM series s
GROUP BY indicator, unit
HAVING count(*) >= 2
ORDER BY min(seq);

-- Year on year, for the indicators whose growth the bulletins state: the
-- change computed from the figures next to the stated growth (output grows
-- "at constant prices", so the two differ where prices moved).
SELECT s.indicator, s.year, cn_format(s.value, s.unit) AS value,
       CASE WHEN lag(s.value) OVER w IS NOT NULL THEN
         printf('%+.1f%%', 100.0 * (s.value - lag(s.value) OVER w) / lag(s.value) OVER w)
       END AS computed,
       CASE WHEN t.growth IS NOT NULL THEN printf('%+.1f%%', t.growth) END AS stated
FROM series s LEFT JOIN stated t ON t.year = s.year AND t.indicator = s.indicator
WHERE s.indicator IN (SELECT indicator FROM stated)
  AND s.indicator IN (SELECT indicator FROM series GROUP BY indicator HAVING count(*) >= 2)
WINDOW w AS (PARTITION BY s.indicator, s.unit ORDER BY s.year)
ORDER BY (SELECT min(seq) FROM series f WHERE f.indicator = s.indicator), s.year;
