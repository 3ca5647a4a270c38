.headers on
.nullvalue NULL
-- 从/由 A 到 B: both figures are named by the subject before 从, whatever
-- the verb of change (增长到, 跃升到, 攀升至) and whatever time follows 从
-- (从十多年前, 由原来, 从过去)
SELECT raw, indicator, role FROM metrics('全镇民宿接待人次从近3万跃升到12万，乡村旅游成为支柱。');
SELECT raw, indicator, role FROM metrics('该县特色农产品品种从十多年前的8种增加到46种。');
SELECT raw, indicator, role FROM metrics('两地公交通行时间由原来1.5小时缩短至40分钟。');
SELECT raw, indicator, role FROM metrics('园区入驻企业数量由过去12家攀升至57家。');
-- a word like the last item's first word shares the rest of it
SELECT raw, indicator, role FROM metrics('我省北部、南部山区造林面积分别增长6.2%、4.8%。');
-- 从 inside a word (自由, 理由) is no 从
SELECT raw, indicator FROM metrics('该市自由贸易试验区企业达到300家。');
