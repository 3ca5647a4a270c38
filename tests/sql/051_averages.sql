.headers on
.nullvalue NULL
-- 年均, 平均 open a name as well as a rate: 年均降水, 平均海拔, 平均亩产 name
-- what they average; 年均增长, 平均每年增长, 年均实际增长 are rates of the
-- figure before
SELECT raw, indicator, role FROM metrics('该县年平均气温12.9℃，年均降水582毫米，平均海拔1150米。');
SELECT raw, indicator, role FROM metrics('今年全镇水稻平均亩产612公斤，比上年增加18公斤。');
SELECT raw, indicator, role FROM metrics('全县地区生产总值126亿元，年均增长6.1%。');
SELECT raw, indicator, role FROM metrics('全县地区生产总值126亿元，年均实际增长5.8%。');
SELECT raw, indicator, role FROM metrics('全县地区生产总值126亿元，平均每年增长6.1%。');
