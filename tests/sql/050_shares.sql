.headers on
.nullvalue NULL
-- a share printed X在Y中的比重 (中所占比重, 中的比例) is named as X占Y的比重 is
SELECT raw, indicator, kind FROM metrics('粮食在种植业产值中的比重由61.2%下降到44.8%。');
SELECT raw, indicator, kind FROM metrics('全县服务业在地区生产总值中所占比重达到48.5%。');
SELECT raw, indicator, kind FROM metrics('新能源汽车在新车销量中的比例已超过三成。');
SELECT raw, indicator, kind FROM metrics('工业增加值占地区生产总值的比重为38%。');
