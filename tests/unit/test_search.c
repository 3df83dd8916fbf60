/*
 * test_search.c - index tokens, query expressions and sort keys.
 */
#include <string.h>

#include "arena.h"
#include "search.h"
#include "sortkey.h"
#include "suite.h"

static int
has_token(const char *tokens, const char *tok)
{
	size_t		 n = strlen(tok);
	const char	*p = tokens;

	while ((p = strstr(p, tok)) != NULL) {
		if ((p == tokens || p[-1] == ' ') && (p[n] == ' ' ||
		    p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

START_TEST(cjk_bigrams_and_latin_suffixes)
{
	struct arena	*a = arena_new();
	const char	*t = search_tokens(a, "华为技术（深圳）TechCorp Ltd");

	ck_assert(has_token(t, "华为"));
	ck_assert(has_token(t, "为技"));
	ck_assert(has_token(t, "技术"));
	ck_assert(has_token(t, "深圳"));
	/* Full-width brackets separate: no token spans them. */
	ck_assert(!has_token(t, "术（"));
	ck_assert(!has_token(t, "术深"));
	ck_assert(has_token(t, "techcorp"));
	ck_assert(has_token(t, "corp"));
	ck_assert(has_token(t, "ltd"));
	ck_assert(!has_token(t, "rp"));
	arena_free(a);
}
END_TEST

/* The query's tokens as "text" or "text*" joined by spaces. */
static const char *
query(struct arena *a, const char *term)
{
	struct search_token	 t[SEARCH_MAX_TOKENS];
	size_t			 i, n = search_query(a, term, t);
	const char		*s = "";

	if (n == 0)
		return NULL;
	for (i = 0; i < n; i++)
		s = arena_printf(a, "%s%s%s%s", s, i ? " " : "", t[i].text,
		    t[i].prefix ? "*" : "");
	return s;
}

START_TEST(query_tokens)
{
	struct arena	*a = arena_new();

	ck_assert_str_eq(query(a, "为技术"), "为技 技术");
	ck_assert_str_eq(query(a, "Corp 华为"), "corp* 华为");
	/* Operators are dropped, repeats kept once. */
	ck_assert_str_eq(query(a, "\"tech\" -corp +x* (y) tech"),
	    "tech* corp* x* y*");
	ck_assert_str_eq(query(a, "有限有限"), "有限 限有");
	/* A lone CJK character has no token: the caller scans instead. */
	ck_assert_ptr_null(query(a, "华"));
	ck_assert_ptr_null(query(a, "  "));
	arena_free(a);
}
END_TEST

START_TEST(like_patterns_escape_wildcards)
{
	struct arena	*a = arena_new();

	ck_assert_str_eq(search_like(a, "50%_a\\b"), "%50\\%\\_a\\\\b%");
	ck_assert_str_eq(search_prefix(a, "CRM2026"), "CRM2026%");
	arena_free(a);
}
END_TEST

static int
key_cmp(struct arena *a, const char *x, const char *y)
{
	size_t		 lx, ly;
	const char	*kx = sortkey(a, x, &lx), *ky = sortkey(a, y, &ly);
	int		 c = memcmp(kx, ky, lx < ly ? lx : ly);

	return c != 0 ? c : (lx > ly) - (lx < ly);
}

START_TEST(sortkey_orders_pinyin_after_latin)
{
	struct arena	*a = arena_new();

	/* a-li < bei-jing < cheng-du < shang-hai < zhang; polyphones such
	 * as 重 (chong/zhong) follow GB2312, which files them under one reading. */
	ck_assert_int_lt(key_cmp(a, "阿里巴巴", "北京华信"), 0);
	ck_assert_int_lt(key_cmp(a, "北京华信", "成都"), 0);
	ck_assert_int_lt(key_cmp(a, "成都", "上海"), 0);
	ck_assert_int_lt(key_cmp(a, "上海", "张三科技"), 0);
	ck_assert_int_lt(key_cmp(a, "apple", "Zebra"), 0);
	ck_assert_int_lt(key_cmp(a, "Zebra", "阿里巴巴"), 0);
	ck_assert_int_eq(key_cmp(a, "ACME", "acme"), 0);
	/* Characters outside GBK still get a key rather than failing. */
	ck_assert_int_ne(key_cmp(a, "😀", ""), 0);
	arena_free(a);
}
END_TEST

static Suite *
search_suite(void)
{
	Suite	*s = suite_create("search");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, cjk_bigrams_and_latin_suffixes);
	tcase_add_test(tc, query_tokens);
	tcase_add_test(tc, like_patterns_escape_wildcards);
	tcase_add_test(tc, sortkey_orders_pinyin_after_latin);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(search_suite)
