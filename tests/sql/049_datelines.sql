.headers on
.nullvalue NULL
-- a dateline opening a paragraph is no part of an indicator, nor its date a
-- period of the figures after it
SELECT raw, indicator, period FROM metrics('新华社南宁4月2日电 今年一季度全区外贸进出口总值1530亿元。');
SELECT raw, indicator, period FROM metrics('本报讯 记者从县农业农村局获悉，全县春播面积38.6万亩。');
SELECT raw, indicator, period FROM metrics('本报12月18日讯 全市新增就业岗位1.2万个。');
-- a sentence about the nation (我国…) takes no place, neither the one a
-- sentence before named nor the document's
SELECT raw, place, place_code FROM metrics('山西省交城县今年新增就业岗位1.2万个。据统计，我国今年新增就业岗位1200万个。');
