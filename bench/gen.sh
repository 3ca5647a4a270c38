#!/bin/sh
# Generates N MB of report-style text with figures (for make bench without ../shared).
n=${1:-10}
awk -v mb="$n" 'BEGIN {
  srand(7);
  split("地区生产总值 社会消费品零售总额 固定资产投资 一般公共预算收入 粮食产量 规模以上工业增加值 城镇居民人均可支配收入 常住人口", ind, " ");
  split("亿元 万元 万吨 元 人 个 公顷 %", unit, " ");
  bytes = 0;
  while (bytes < mb * 1000000) {
    line = "";
    for (k = 0; k < 6; k++) {
      i = int(rand() * 8) + 1; u = int(rand() * 8) + 1;
      line = line sprintf("%d年全县%s%.1f%s，比上年增长%.1f%%；", 2000 + int(rand() * 25), ind[i], rand() * 10000, unit[u], rand() * 20);
    }
    print line "经济社会发展总体态势平稳向好，各项事业取得新进展。";
    bytes += length(line) * 3;
  }
}'
