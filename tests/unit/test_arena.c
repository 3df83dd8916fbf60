/*
 * test_arena.c - the request arena and the string buffer.
 */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "suite.h"

START_TEST(alloc_is_zeroed_and_aligned)
{
	struct arena	*a = arena_new();
	char		*p;
	int		 i;

	for (i = 0; i < 1000; i++) {
		p = arena_alloc(a, (size_t)i % 37 + 1);
		ck_assert_uint_eq((uintptr_t)p % _Alignof(max_align_t), 0);
		ck_assert_int_eq(p[0], 0);
		memset(p, 0xff, (size_t)i % 37 + 1);
	}
	arena_free(a);
}
END_TEST

START_TEST(large_allocations_and_reset)
{
	struct arena	*a = arena_new();
	char		*big, *small;

	small = arena_strdup(a, "before");
	big = arena_alloc(a, 1024 * 1024);
	memset(big, 'x', 1024 * 1024);
	ck_assert_str_eq(small, "before");
	small = arena_strdup(a, "after");
	ck_assert_str_eq(small, "after");
	ck_assert_uint_ge(arena_used(a), 1024 * 1024);
	arena_reset(a);
	ck_assert_uint_eq(arena_used(a), 0);
	ck_assert_str_eq(arena_printf(a, "%d-%s", 42, "ok"), "42-ok");
	arena_free(a);
}
END_TEST

/* Blocks kept by a reset serve the next request zeroed and whole. */
START_TEST(reset_reuses_blocks)
{
	struct arena	*a = arena_new();
	char		*p[2000];
	int		 round, i;

	for (round = 0; round < 3; round++) {
		for (i = 0; i < 2000; i++) {
			p[i] = arena_alloc(a, 1000);
			ck_assert_int_eq(p[i][0], 0);
			ck_assert_int_eq(p[i][999], 0);
			memset(p[i], 'a' + i % 26, 1000);
		}
		for (i = 0; i < 2000; i++)
			ck_assert_int_eq(p[i][999], 'a' + i % 26);
		ck_assert_uint_ge(arena_used(a), 2000 * 1000);
		arena_reset(a);
		ck_assert_uint_eq(arena_used(a), 0);
	}
	arena_free(a);
}
END_TEST

START_TEST(buf_grows_and_stays_terminated)
{
	struct arena	*a = arena_new();
	struct buf	 b;
	int		 i;

	buf_init(&b, a);
	ck_assert_str_eq(buf_str(&b), "");
	for (i = 0; i < 10000; i++)
		buf_printf(&b, "%d,", i % 10);
	ck_assert_uint_eq(b.len, 20000);
	ck_assert_int_eq(buf_str(&b)[b.len], '\0');
	buf_truncate(&b, 4);
	ck_assert_str_eq(buf_str(&b), "0,1,");
	buf_putc(&b, 'z');
	buf_puts(&b, "中文");
	ck_assert_str_eq(buf_str(&b), "0,1,z中文");
	arena_free(a);
}
END_TEST

static Suite *
arena_suite(void)
{
	Suite	*s = suite_create("arena");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, alloc_is_zeroed_and_aligned);
	tcase_add_test(tc, large_allocations_and_reset);
	tcase_add_test(tc, reset_reuses_blocks);
	tcase_add_test(tc, buf_grows_and_stays_terminated);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(arena_suite)
