-- metrics(): role, of_seq and part_of_seq: what a rate, change or share
-- describes, and the total of each part of a breakdown.
SELECT seq, raw, indicator, role, of_seq, part_of_seq FROM metrics('2021年全县地区生产总值853210万元，比上年增长7.2%。其中，第一产业增加值120450万元，增长4.1%；第二产业增加值301200万元，下降2.3%；第三产业增加值431560万元。第一产业增加值占地区生产总值的比重为14.1%。三次产业结构为14.1:35.3:50.6。');
-- a 其中 list ends where another indicator begins after a ；
SELECT seq, raw, indicator, part_of_seq FROM metrics('全县完成固定资产投资28.6亿元，其中工业投资17.2亿元、基础设施投资8.1亿元；规模以上工业增加值19.4亿元。');
-- a change against a base, the second value of a from/to pair, a rate per head
SELECT seq, raw, indicator, role, of_seq, part_of_seq FROM metrics('年末常住人口52.3万人，比上年末减少0.4万人。全县生产总值从2020年的120亿元增长到2025年的160亿元。食品抽检量每千人6.6批次，其中专项抽检3批次。');
-- indicator_norm: one name for every spelling, suffixes kept
SELECT raw, indicator, indicator_norm FROM metrics('全县生产总值100亿元，增长6%。地区生产总值(GDP)439.19亿元。全市规上工业增加值增长5%，比上年加快1.2个百分点。國內生產總值12億元。');
-- totals of two units broken down together; a second breakdown of one total; a point change of a rate
SELECT seq, raw, part_of_seq FROM metrics('集中开工的重大项目共有12个,总投资58亿元。其中产业类6个,投资39亿元;基础设施类3个,投资11亿元。');
SELECT seq, raw, part_of_seq FROM metrics('年末户籍人口27万人。按性别分,男性14万人,女性13万人。按城乡分,城镇人口9万人,乡村人口18万人。');
SELECT seq, raw, of_seq FROM metrics('规模以上工业增加值增长6.9%，比上年加快1.1个百分点。');
