.headers on
.nullvalue NULL
-- a bulletin in traditional characters reads as its simplified twin: the
-- same words drop (全縣 as 全县, 實現 as 实现, 為 as 为), the same rows come
-- out, and names metrics() adds are written in the text's own characters
-- (增減量, 第一產業占比)
SELECT seq, indicator, indicator_norm, value, unit, role FROM metrics(
  '年末全縣常住人口28.6萬人，比上年減少0.3萬人。全年全縣實現地區生產總值86.4億元，比上年增長4.1%。' ||
  '三次產業結構為12.5:40.1:47.4。糧食總產量9.8萬噸。');
-- the simplified twin gives the same rows, column by column, but the script
SELECT count(*) AS rows_alike FROM metrics(
  '年末全縣常住人口28.6萬人，比上年減少0.3萬人。全年全縣實現地區生產總值86.4億元，比上年增長4.1%。' ||
  '三次產業結構為12.5:40.1:47.4。糧食總產量9.8萬噸。') AS t
JOIN metrics(
  '年末全县常住人口28.6万人，比上年减少0.3万人。全年全县实现地区生产总值86.4亿元，比上年增长4.1%。' ||
  '三次产业结构为12.5:40.1:47.4。粮食总产量9.8万吨。') AS s
ON s.seq = t.seq AND s.value = t.value AND s.unit IS t.unit AND s.role = t.role AND s.period IS t.period
AND s.indicator_norm = t.indicator_norm
AND length(s.indicator) = length(t.indicator);
