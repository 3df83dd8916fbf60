/*
 * test_utf8.c - UTF-8 validation and counting.
 */
#include <string.h>

#include "utf8.h"
#include "suite.h"

static int
valid(const char *s)
{
	return utf8_valid(s, strlen(s));
}

START_TEST(accepts_well_formed)
{
	ck_assert(utf8_valid("", 0));
	ck_assert(valid("plain ASCII ~\x7f"));
	ck_assert(valid("客户管理"));
	ck_assert(valid("\xc2\x80"));			/* U+0080 */
	ck_assert(valid("\xdf\xbf"));			/* U+07FF */
	ck_assert(valid("\xe0\xa0\x80"));		/* U+0800 */
	ck_assert(valid("\xed\x9f\xbf"));		/* U+D7FF */
	ck_assert(valid("\xee\x80\x80"));		/* U+E000 */
	ck_assert(valid("\xef\xbf\xbf"));		/* U+FFFF */
	ck_assert(valid("\xf0\x90\x80\x80"));		/* U+10000 */
	ck_assert(valid("\xf0\x9f\x98\x80"));		/* U+1F600 */
	ck_assert(valid("\xf4\x8f\xbf\xbf"));		/* U+10FFFF */
}
END_TEST

START_TEST(rejects_ill_formed)
{
	static const char *bad[] = {
		"\xc3\x28",		/* continuation missing */
		"\x80",			/* stray continuation */
		"\xbf",
		"\xc0\xaf",		/* overlong '/' */
		"\xc1\xbf",		/* overlong U+007F */
		"\xe0\x80\xaf",		/* overlong, 3 bytes */
		"\xe0\x9f\xbf",		/* overlong U+07FF */
		"\xf0\x80\x80\xaf",	/* overlong, 4 bytes */
		"\xf0\x8f\xbf\xbf",	/* overlong U+FFFF */
		"\xed\xa0\x80",		/* U+D800 */
		"\xed\xbf\xbf",		/* U+DFFF */
		"\xf4\x90\x80\x80",	/* U+110000 */
		"\xf5\x80\x80\x80",
		"\xf8\x88\x80\x80\x80",	/* 5-byte form */
		"\xfe",
		"\xff",
		"\xe4\xb8",		/* truncated 3-byte */
		"\xf0\x9f\x98",		/* truncated 4-byte */
		"ok\xe4\xb8\x41",	/* bad byte inside a sequence */
	};
	size_t	 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!valid(bad[i]), "accepted case %zu", i);
}
END_TEST

START_TEST(rejects_nul_and_truncation_by_length)
{
	/* No NUL after it: only the sanitizers see a read past the end. */
	static const char	 trunc[2] = "\xe4\xb8";

	ck_assert(!utf8_valid(trunc, sizeof(trunc)));
	ck_assert(!utf8_valid("a\0b", 3));
	ck_assert(!utf8_valid("\0", 1));
	/* The length, not a NUL, ends the input. */
	ck_assert(!utf8_valid("中", 2));
	ck_assert(utf8_valid("中\xff", 3));
	ck_assert(utf8_valid("ab\xff", 2));
}
END_TEST

START_TEST(counts_code_points)
{
	ck_assert_uint_eq(utf8_len(""), 0);
	ck_assert_uint_eq(utf8_len("abc"), 3);
	ck_assert_uint_eq(utf8_len("中文"), 2);
	ck_assert_uint_eq(utf8_len("a\xc3\xa9中\xf0\x9f\x98\x80"), 4);
}
END_TEST

static Suite *
utf8_suite(void)
{
	Suite	*s = suite_create("utf8");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, accepts_well_formed);
	tcase_add_test(tc, rejects_ill_formed);
	tcase_add_test(tc, rejects_nul_and_truncation_by_length);
	tcase_add_test(tc, counts_code_points);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(utf8_suite)
