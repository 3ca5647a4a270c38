/* test_words.c - word lists searched at a byte of the text (ext/jcx_words.h),
 * in simplified and in traditional characters. */
#include "check.h"
#include "../../ext/jcx_words.h"

#include <string.h>

static const word heads[] = {W("全县"), W("全年"), W("其中"), W("我市")};
static const word tails[] = {W("为"), W("实现"), W("达到"), W("的")};

static size_t starts(const char *s) { return jcx_starts_with(s, 0, strlen(s), heads, N(heads)); }
static size_t ends(const char *s) { return jcx_ends_with(s, 0, strlen(s), tails, N(tails)); }

static void test_simplified(void) {
  CHECK(starts("全县粮食产量") == 6);
  CHECK(starts("全") == 0);
  CHECK(starts("粮食产量") == 0);
  CHECK(ends("三次产业结构为") == 3);
  CHECK(ends("全年实现") == 6);
  CHECK(ends("实现产值") == 0);
  CHECK(jcx_find_word("三次产业结构为", 0, 21, "产业") == 6);
  CHECK(jcx_find_word("三次产业结构为", 0, 21, "农业") == (size_t)-1);
  CHECK(!jcx_has_trad("全县粮食产量", 0, 18));
}

static void test_traditional(void) {
  CHECK(jcx_has_trad("全縣", 0, 6));
  CHECK(!jcx_has_trad("全縣", 0, 3)); /* 全 only */
  CHECK(starts("全縣糧食產量") == 6);
  CHECK(starts("縣糧食") == 0);
  CHECK(ends("三次產業結構為") == 3);
  CHECK(ends("全年實現") == 6);
  CHECK(ends("實現產值") == 0);
  CHECK(jcx_find_word("三次產業結構為", 0, 21, "产业") == 6);
  CHECK(jcx_find_word("三次產業結構為", 3, 21, "产业") == 6);
  CHECK(jcx_find_word("三次產業結構為", 9, 21, "产业") == (size_t)-1);
  /* a long text: the folded search looks only near the end it is asked about */
  char buf[400];
  memset(buf, 'x', sizeof buf);
  memcpy(buf + sizeof buf - 6, "實現", 6);
  CHECK(jcx_ends_with(buf, 0, sizeof buf, tails, N(tails)) == 6);
  memcpy(buf, "全縣", 6);
  CHECK(jcx_starts_with(buf, 0, sizeof buf, heads, N(heads)) == 6);
}

static void test_to_trad(void) {
  char s[] = "增减量:第一产业占比";
  jcx_to_trad(s, strlen(s));
  CHECK(!strcmp(s, "增減量:第一產業占比"));
  char u[] = "发展"; /* 发: 發 and 髮 both fold to it, so it stays */
  jcx_to_trad(u, strlen(u));
  CHECK(!strcmp(u, "发展"));
  char a[] = "GDP 5%";
  jcx_to_trad(a, strlen(a));
  CHECK(!strcmp(a, "GDP 5%"));
}

int main(void) {
  test_simplified();
  test_traditional();
  test_to_trad();
  return check_report("words");
}
