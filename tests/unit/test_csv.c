/*
 * test_csv.c - CSV fields: quoting, and formulas defused.
 */
#include "arena.h"
#include "buf.h"
#include "csv.h"
#include "suite.h"

/* One row of the given fields, as written. */
static const char *
row(struct arena *a, const char *const *fields, int n)
{
	struct buf	 b;
	int		 i;

	buf_init(&b, a);
	for (i = 0; i < n; i++)
		csv_field(&b, i == 0, fields[i]);
	csv_row_end(&b);
	return buf_str(&b);
}

START_TEST(fields_are_quoted_when_they_must_be)
{
	struct arena		*a = arena_new();
	const char *const	 plain[] = { "CRM2026001", "华信科技", "" };
	const char *const	 quoted[] = { "a,b", "say \"hi\"", "two\nlines" };
	const char *const	 empty[] = { NULL, NULL };

	ck_assert_str_eq(row(a, plain, 3), "CRM2026001,华信科技,\r\n");
	ck_assert_str_eq(row(a, quoted, 3),
	    "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
	ck_assert_str_eq(row(a, empty, 2), ",\r\n");
	arena_free(a);
}
END_TEST

START_TEST(formulas_are_defused)
{
	struct arena		*a = arena_new();
	const char *const	 f[] = { "=1+1", "+86 138", "-5+A1", "@SUM(A1)",
	    "\tx", "a=b", "-1.", "-" };
	const char *const	 n[] = { "-5", "-1234.50", "-0.5" };

	ck_assert_str_eq(row(a, f, 8), "\"'=1+1\",\"'+86 138\",\"'-5+A1\","
	    "\"'@SUM(A1)\",\"'\tx\",a=b,\"'-1.\",\"'-\"\r\n");
	/* A negative amount stays a number. */
	ck_assert_str_eq(row(a, n, 3), "-5,-1234.50,-0.5\r\n");
	arena_free(a);
}
END_TEST

static Suite *
csv_suite(void)
{
	Suite	*s = suite_create("csv");
	TCase	*tc = tcase_create("csv");

	tcase_add_test(tc, fields_are_quoted_when_they_must_be);
	tcase_add_test(tc, formulas_are_defused);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(csv_suite)
