/* jcx_frame.h - base, status and period spelling of a figure (jcx_frame.c),
 * read from the cleaned sentence t: the sentence starts at ss, the clause
 * holding the figure at cs, the figure's words at pre (ss <= cs <= pre). */
#ifndef JCX_FRAME_H
#define JCX_FRAME_H

#include "jcx_internal.h"

/* What a change at pre is compared with: the last comparison of its clause,
 * else of its sentence before it, spelled as reported (同比 -> 上年同期,
 * 比去年 -> 上年, 比2019年 -> 2019年), with "，可比价格" when the sentence
 * prices it so and "，两年平均" for a two-year average.  Writes it
 * NUL-terminated to buf; returns its length, 0 when none. */
size_t jcx_base_read(const char *t, size_t ss, size_t cs, size_t pre, char *buf, size_t cap);

/* Estimate (预计), target (目标, 力争, 计划 … with no word of completion
 * before them) or actual, from the clause, else the sentence before it.
 * *firm: the clause says the figure is done (完成, 实现, 已), so a future
 * period does not make it a target.  memo carries the reading of the clause
 * and of the sentence from one figure to the next (zeroed at each
 * paragraph): linear in the sentence, not in figures times sentence. */
typedef struct {
  size_t from, pos; /* the sentence start, and how far it was read */
  int said, valid;
} jcx_says;
jcx_status jcx_status_read(const char *t, size_t ss, size_t cs, size_t pre, int *firm, jcx_says memo[2]);

/* A period phrase in one spelling: dashes of every width (and 至, 到 between
 * digits) as '-', 月份 as 月 (1—8月份 -> 1-8月, 1到10月 -> 1-10月).  Writes at most cap bytes to buf; returns the length,
 * 0 when it does not fit. */
size_t jcx_period_norm(const char *p, size_t n, char *buf, size_t cap);

#endif
