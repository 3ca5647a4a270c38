.headers on
.nullvalue NULL
-- a 分别 list whose short item shares the last item's head: the head is
-- spliced on at a character, never inside one (the indicator is UTF-8)
SELECT raw, indicator, indicator = cast(cast(indicator AS blob) AS text) AND
       instr(hex(indicator), 'EFBFBD') = 0 AS valid
FROM metrics('规4、规业分别为八条');
SELECT raw, indicator FROM metrics('第二、第三产业增加值分别为10亿元和20亿元。');
