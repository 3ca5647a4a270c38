-- Recipe: check that a breakdown adds up to its total.  Chinese reports give
-- a total and then its parts after 其中 ("固定资产投资 28.6 亿元，其中工业投资
-- 17.2 亿元、基础设施投资 8.1 亿元、民生项目投资 3.3 亿元"); this finds every
-- 其中, takes the figure before it as the total and the figures after it, up to
-- the end of the sentence (。 or ；), in the same unit, as the parts, and
-- compares.  Parts that cover only part of the total are normal (the rest is
-- not itemised); parts that exceed it are an error in the text.
--
--   sqlite3 -cmd '.load ./libjcx' :memory: < sql/recipes/breakdown_check.sql
--
-- The sample has one such error, made on purpose: page 02 gives 7.3 亿元 of
-- revenue, "其中税收收入 5.1 亿元、非税收入 2.6 亿元".

CREATE TABLE docs(name TEXT PRIMARY KEY, body TEXT NOT NULL);
-- cn_decode() turns the file's bytes into UTF-8 text (UTF-8, UTF-16 with a
-- BOM or GB18030/GBK); cn_clean() joins the hard-wrapped lines, so that
-- metrics() offsets and instr() positions below refer to the same text.
INSERT INTO docs
SELECT replace(name, 'sql/sample/', ''), cn_clean(cn_decode(data))
FROM fsdir('sql/sample')
WHERE name LIKE '%.txt' AND name NOT LIKE '%/page.txt' AND data IS NOT NULL;

-- Level figures (not rates), with their 1-based character positions.
CREATE TEMP TABLE figs AS
SELECT d.name, m.seq, m.start, m.value, m.unit, m.indicator
FROM docs d, jcx_metrics(d.body) m
WHERE m.kind NOT IN ('growth', 'percent');

-- Every 其中, and where its sentence ends.
CREATE TEMP TABLE breakdowns AS
WITH RECURSIVE hit(name, pos) AS (
  SELECT name, instr(body, '其中') FROM docs WHERE instr(body, '其中') > 0
  UNION ALL
  SELECT h.name, h.pos + 1 + instr(substr(d.body, h.pos + 2), '其中')
  FROM hit h JOIN docs d ON d.name = h.name
  WHERE instr(substr(d.body, h.pos + 2), '其中') > 0
)
SELECT h.name, h.pos,
       h.pos + min(coalesce(nullif(instr(substr(d.body, h.pos), '。'), 0), 1e9),
                   coalesce(nullif(instr(substr(d.body, h.pos), '；'), 0), 1e9),
                   length(d.body) - h.pos + 1) - 1 AS stop
FROM hit h JOIN docs d ON d.name = h.name;

-- The parts: figures between 其中 and the end of its sentence.  The total:
-- the nearest figure before 其中 (at most 60 characters before) in the unit
-- of the first part.
CREATE TEMP TABLE checked AS
WITH parts AS (
  SELECT b.name, b.pos, f.seq, f.value, f.unit, f.indicator
  FROM breakdowns b JOIN figs f ON f.name = b.name AND f.start > b.pos AND f.start < b.stop
),
first_part AS (
  SELECT name, pos, unit FROM parts p
  WHERE seq = (SELECT min(seq) FROM parts q WHERE q.name = p.name AND q.pos = p.pos)
),
total AS (
  SELECT fp.name, fp.pos, fp.unit,
         (SELECT f.seq FROM figs f
          WHERE f.name = fp.name AND f.unit = fp.unit AND f.start < fp.pos AND f.start > fp.pos - 60
          ORDER BY f.start DESC LIMIT 1) AS seq
  FROM first_part fp
)
SELECT t.name, t.pos, tf.indicator, tf.value AS total, t.unit,
       count(p.seq) AS parts, sum(p.value) AS sum,
       group_concat(coalesce(p.indicator, '?'), '、') AS items
FROM total t
JOIN figs tf ON tf.name = t.name AND tf.seq = t.seq
JOIN parts p ON p.name = t.name AND p.pos = t.pos AND p.unit = t.unit
GROUP BY t.name, t.pos;

.headers on
.mode box
SELECT name AS document,
       indicator AS total,
       cn_format(total, unit) AS "amount",
       items AS "其中",
       cn_format(sum, unit) AS "parts add up to",
       CASE
         WHEN abs(sum - total) <= 0.001 * abs(total) THEN 'ok: parts = total'
         WHEN sum < total THEN printf('ok: parts cover %.1f%%', 100.0 * sum / total)
         ELSE printf('ERROR: parts exceed the total by %s', cn_format(sum - total, unit))
       END AS verdict
FROM checked
ORDER BY name, pos;

SELECT count(*) AS breakdowns,
       sum(abs(sum - total) <= 0.001 * abs(total)) AS "add up",
       sum(sum < total AND abs(sum - total) > 0.001 * abs(total)) AS partial,
       sum(sum > total AND abs(sum - total) > 0.001 * abs(total)) AS errors
FROM checked;
