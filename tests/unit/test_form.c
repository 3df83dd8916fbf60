/*
 * test_form.c - field normalisation and validation.
 */
#include "arena.h"
#include "ctx.h"
#include "form.h"
#include "suite.h"

static struct arena	*a;
static struct ctx	 c;

static void
setup(void)
{
	a = arena_new();
	ctx_init(&c, a, NULL);
}

static void
teardown(void)
{
	ctx_end(&c);
	arena_free(a);
}

START_TEST(mobile_is_normalised)
{
	ck_assert_str_eq(form_mobile(&c, "139 1234 5678"), "13912345678");
	ck_assert_str_eq(form_mobile(&c, "+86 139-1234-5678"), "13912345678");
	ck_assert_ptr_null(form_mobile(&c, "12912345678"));	/* 1[3-9] */
	ck_assert_ptr_null(form_mobile(&c, "1391234567"));	/* 10 */
	ck_assert_ptr_null(form_mobile(&c, "139123456789"));	/* 12 */
	ck_assert_ptr_null(form_mobile(&c, "1391234567x"));
	ck_assert_ptr_null(form_mobile(&c, ""));
}
END_TEST

START_TEST(email_shapes)
{
	ck_assert(form_email_ok("li.na@example.com.cn"));
	ck_assert(!form_email_ok("li.na@example"));
	ck_assert(!form_email_ok("@example.com"));
	ck_assert(!form_email_ok("a@b@c.com"));
	ck_assert(!form_email_ok("a b@c.com"));
	ck_assert(!form_email_ok("<a>@c.com"));
}
END_TEST

START_TEST(money_is_exact)
{
	ck_assert_str_eq(form_money(&c, "12,500", 100000000), "12500.00");
	ck_assert_str_eq(form_money(&c, "0.5", 100000000), "0.50");
	ck_assert_str_eq(form_money(&c, "1234.56", 100000000), "1234.56");
	ck_assert_ptr_null(form_money(&c, "1.234", 100000000));
	ck_assert_ptr_null(form_money(&c, "-5", 100000000));
	ck_assert_ptr_null(form_money(&c, "1e3", 100000000));
	ck_assert_ptr_null(form_money(&c, "5.", 100000000));
	ck_assert_ptr_null(form_money(&c, "100.01", 10000));	/* over max */
	ck_assert_str_eq(form_money(&c, "100", 10000), "100.00");
	ck_assert_ptr_null(form_money(&c, "99999999999999999999", 10000));
}
END_TEST

START_TEST(decimals_have_one_spelling)
{
	ck_assert_str_eq(form_decimal(&c, "12.5000"), "12.5");
	ck_assert_str_eq(form_decimal(&c, "-0012.50"), "-12.5");
	ck_assert_str_eq(form_decimal(&c, "0"), "0");
	ck_assert_str_eq(form_decimal(&c, "-0.0000"), "0");
	ck_assert_str_eq(form_decimal(&c, "-0.25"), "-0.25");
	ck_assert_str_eq(form_decimal(&c, "7.0"), "7");
	ck_assert_str_eq(form_decimal(&c, "999999999999999.9999"),
	    "999999999999999.9999");
	ck_assert_ptr_null(form_decimal(&c, "1000000000000000"));	/* 16 */
	ck_assert_ptr_null(form_decimal(&c, "1.23456"));	/* 5 decimals */
	ck_assert_ptr_null(form_decimal(&c, "1."));
	ck_assert_ptr_null(form_decimal(&c, ".5"));
	ck_assert_ptr_null(form_decimal(&c, "-"));
	ck_assert_ptr_null(form_decimal(&c, "1,000"));
	ck_assert_ptr_null(form_decimal(&c, "+1"));
	ck_assert_ptr_null(form_decimal(&c, "1e3"));
	ck_assert_ptr_null(form_decimal(&c, ""));
}
END_TEST

START_TEST(dates_are_calendar_dates)
{
	ck_assert(form_date_ok("2024-02-29"));
	ck_assert(!form_date_ok("2023-02-29"));
	ck_assert(!form_date_ok("2024-13-01"));
	ck_assert(!form_date_ok("2024-1-01"));
	ck_assert(!form_date_ok("2024-01-01x"));
	ck_assert(!form_date_ok("20240101"));
}
END_TEST

static Suite *
form_suite(void)
{
	Suite	*s = suite_create("form");
	TCase	*tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, mobile_is_normalised);
	tcase_add_test(tc, email_shapes);
	tcase_add_test(tc, money_is_exact);
	tcase_add_test(tc, decimals_have_one_spelling);
	tcase_add_test(tc, dates_are_calendar_dates);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(form_suite)
