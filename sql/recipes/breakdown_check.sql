-- Recipe: check that a breakdown adds up to its total.  Chinese reports give
-- a total and then its parts after 其中 ("固定资产投资 28.6 亿元，其中工业投资
-- 17.2 亿元、基础设施投资 8.1 亿元、民生项目投资 3.3 亿元"); metrics() links
-- each part to its total (part_of_seq), and this adds the parts up and
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

-- Every figure with its links: part_of_seq names the total a part belongs to
-- (其中, 分产业看, 分别 after the total), in the same unit; metrics() reads
-- the breakdown's scope (to the end of the sentence for 其中, the paragraph for
-- 分产业看) and keeps changes and rates out of it.
CREATE TEMP TABLE figs AS
SELECT d.name, m.seq, m.value, m.unit, m.indicator, m.role, m.part_of_seq, m.sentence
FROM docs d, jcx_metrics(d.body) m;

CREATE TEMP TABLE checked AS
SELECT t.name, t.seq AS pos, t.indicator, t.value AS total, t.unit,
       count(p.seq) AS parts, sum(p.value) AS sum,
       group_concat(coalesce(p.indicator, '?'), '、') AS items
FROM figs t
JOIN figs p ON p.name = t.name AND p.part_of_seq = t.seq AND p.unit = t.unit
WHERE t.role = 'level' AND p.role = 'level'
  -- a from/to pair (从3.68万亿元增长到4.93万亿元) is no breakdown
  AND NOT (p.indicator = t.indicator)
-- one breakdown a sentence: a total broken down twice (按性别分…。按城乡属性分…)
-- is checked once for each
GROUP BY t.name, t.seq, p.sentence;

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
