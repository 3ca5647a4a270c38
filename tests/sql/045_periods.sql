-- metrics(text [, date]): doc_date, period_start, period_end, base, status;
-- articles(text [, date]): date.  Texts written for these tests.
.headers on
.nullvalue NULL

-- A bulletin: its title gives the report year; 全年 and 年末 are that year.
SELECT raw, period, period_start, period_end, base, status, doc_date FROM metrics(
'2019年某县国民经济和社会发展统计公报
全年地区生产总值125.3亿元，按可比价格计算，比上年增长6.1%。年末常住人口23万人，比上年末减少0.2万人。');

-- Period spellings: one spelling for 1—8月, 1-8月, 1-8月份; quarters with and
-- without 第; halves; 前三季度; a point at 截至3月末.
SELECT raw, period, period_start, period_end FROM metrics(
'1—8月，全县完成投资12亿元。1-8月份，社会消费品零售总额9亿元。一季度，财政收入3亿元。第二季度，出口1.2亿元。上半年，税收2亿元。前三季度，用电量5亿千瓦时。截至3月末，贷款余额80亿元。', '2020-10-15');

-- Relative years count from the document's date; vague phrases stay unresolved.
SELECT raw, period, period_start, period_end FROM metrics(
'今年全县粮食产量10万吨。去年粮食产量9万吨。近年来累计投入资金3亿元。目前有企业120家。', '2021-06-30');

-- A work report reviews the year before: 全年 and 这五年 end then; 今年 is a plan.
SELECT raw, period, period_start, period_end, status FROM metrics(
'2021年某省政府工作报告
全年地区生产总值增长3.6%。这五年城镇新增就业300万人。今年地区生产总值增长6%以上。');

-- Comparison bases: 同比, 比上年同期, 环比, 比2019年, 比上年末, 两年平均; levels have none.
SELECT raw, base FROM metrics(
'零售额同比增长5%，比2019年同期增长3%。工业增加值环比增长1.2%。存款余额比年初增加20亿元。贷款余额500亿元，比上年末增长8%。消费比上年增长12%，两年平均增长4.5%。投资比“十三五”末增长30%。');

-- Status: targets (力争, 目标, 计划 amounts, a future period), estimates, and a
-- completion rate of a plan, which is actual.
SELECT raw, status FROM metrics(
'力争地区生产总值增长6%。年度计划投资50亿元，实际完成48亿元，完成年度计划的96%。预计全年财政收入增长5%。到2025年森林覆盖率达到55%。', '2021-03-01');

-- A month later than the document's, with no year printed, is last year's.
SELECT raw, period, period_start, period_end FROM metrics('12月份，全市出口额增长3%。', '2021-01-20');

-- Without a date in the text or the argument: relative phrases stay NULL.
SELECT raw, period, period_start, period_end, doc_date FROM metrics('今年全县粮食产量10万吨。2018年粮食产量9万吨。');

-- The argument: a year, a year-month, a day; NULL means "read it from the text".
SELECT doc_date FROM metrics('今年粮食产量10万吨。', 2020);
SELECT doc_date, period_start FROM metrics('今年粮食产量10万吨。', '2020-09');
SELECT doc_date FROM metrics('2019年统计公报
全年粮食产量10万吨。', NULL);
SELECT count(*) FROM metrics(text, ref_date) WHERE text = '今年粮食产量10万吨。' AND ref_date = '2020';

-- Bad date arguments are errors naming the function and the argument.
SELECT * FROM metrics('今年粮食产量10万吨。', 'abc');
SELECT * FROM metrics('今年粮食产量10万吨。', '2020-13-45');
SELECT * FROM articles('某县新闻', '1850');
SELECT doc_date FROM jcx_metrics('今年粮食产量10万吨。', x'32303230'); -- a BLOB is read as text

-- Articles: a masthead date, a dateline's month and day in the page's year (the
-- year before for December on a January page).
SELECT seq, dateline, date FROM articles('2021年1月2日 星期六

新华社北京12月31日电 全国经济运行总体平稳，就业形势保持稳定，大家都很开心。

本报1月1日讯 全县上下喜迎新年，各项工作有序推进，群众生活安定祥和。');
SELECT date FROM articles('今天天气很好，大家都很开心。', '2020-05-01');

-- A county over the years: periods as dates group by year.
SELECT strftime('%Y', period_end) AS year, sum(value) AS grain FROM (
  SELECT * FROM metrics('2018年粮食产量9万吨。2019年粮食产量9.5万吨。2020年粮食产量10万吨。')
) WHERE indicator = '粮食产量' GROUP BY year ORDER BY year;

-- A part of the year after a relative year: 今年第一季度, 去年上半年.
SELECT raw, period, period_start, period_end FROM metrics('今年第一季度，全县开工项目12个。去年上半年，全县开工项目9个。', '2021-03-01');

-- With a date argument, a work report still reviews the year before it.
SELECT raw, period, period_start, period_end, doc_date FROM metrics('2021年某省政府工作报告
全年地区生产总值增长3.6%。', '2021-03-05');
-- spans of years, and the first months written without 个; a span is a period, not a figure
SELECT raw, indicator, period, period_start, period_end FROM metrics(
  '从2004年到2007年，全县共征地2100亩。2016—2020年，生产总值年均增长7%。前八月销售面积增长36.5%。前8个月，新开工面积196万平方米。', '2009-09-10');
-- the first value of 从A到B in a 这五年 paragraph is where the span starts: no period of its own
SELECT raw, period FROM metrics('这五年，全县一般公共预算收入从8.2亿元增长到11.5亿元，城镇新增就业2.1万人。', '2021-01-20');
-- a text's own convention: (以下“比上年增长”均简写为“增长”)
SELECT raw, base FROM metrics('全区生产总值16.3亿元,比上年增长(以下“比上年增长”均简写为“增长”)15.4%。第一产业增加值4亿元,增长9.8%。');
-- the first value of 由A到B takes no period printed outside its clause; a season is kept in the phrase, not resolved
SELECT raw, period, period_start, period_end FROM metrics('1991年,粮食在农业总产值中的比重由56.6%下降到37.2%。2021年春季集中开工项目12个。');
