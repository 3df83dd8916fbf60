/*
 * test_money.c - amounts as cents, their display, the 20% rule of SPEC
 * 2.2, and record codes.
 */
#include "arena.h"
#include "code.h"
#include "money.h"
#include "suite.h"

START_TEST(decimal_text_becomes_cents)
{
	ck_assert_int_eq(money_cents("1234.50"), 123450);
	ck_assert_int_eq(money_cents("1234.5"), 123450);
	ck_assert_int_eq(money_cents("1234"), 123400);
	ck_assert_int_eq(money_cents("0.01"), 1);
	ck_assert_int_eq(money_cents("0"), 0);
	ck_assert_int_eq(money_cents("9999999999999.99"), MONEY_MAX_CENTS);
	ck_assert_int_eq(money_cents("10000000000000.00"), -1);
	ck_assert_int_eq(money_cents("99999999999999999999"), -1);
	ck_assert_int_eq(money_cents(NULL), -1);
	ck_assert_int_eq(money_cents(""), -1);
	ck_assert_int_eq(money_cents("."), -1);
	ck_assert_int_eq(money_cents(".5"), -1);
	ck_assert_int_eq(money_cents("5."), -1);
	ck_assert_int_eq(money_cents("1.234"), -1);
	ck_assert_int_eq(money_cents("-1.00"), -1);
	ck_assert_int_eq(money_cents("1,000"), -1);
	ck_assert_int_eq(money_cents("1.2.3"), -1);
}
END_TEST

START_TEST(cents_show_with_thousands)
{
	struct arena	*a = arena_new();

	ck_assert_str_eq(money_format(a, 0), "0.00");
	ck_assert_str_eq(money_format(a, 5), "0.05");
	ck_assert_str_eq(money_format(a, 99999), "999.99");
	ck_assert_str_eq(money_format(a, 100000), "1,000.00");
	ck_assert_str_eq(money_format(a, 123456789), "1,234,567.89");
	ck_assert_str_eq(money_format(a, MONEY_MAX_CENTS),
	    "9,999,999,999,999.99");
	ck_assert_str_eq(money_format(a, -100000), "-1,000.00");
	arena_free(a);
}
END_TEST

START_TEST(more_than_a_fifth_is_a_big_change)
{
	/* Exactly 20% either way is not more than 20%. */
	ck_assert(!money_change_over(100000, 120000, 20));
	ck_assert(!money_change_over(100000, 80000, 20));
	ck_assert(money_change_over(100000, 120001, 20));
	ck_assert(money_change_over(100000, 79999, 20));
	ck_assert(!money_change_over(100000, 100000, 20));
	ck_assert(money_change_over(100000, 0, 20));
	ck_assert(money_change_over(0, 1, 20));
	ck_assert(!money_change_over(0, 0, 20));
	ck_assert(money_change_over(MONEY_MAX_CENTS, 1, 20));
	ck_assert(!money_change_over(MONEY_MAX_CENTS, MONEY_MAX_CENTS - 1,
	    20));
}
END_TEST

START_TEST(codes_pad_serials_to_three_digits)
{
	struct arena	*a = arena_new();

	ck_assert_str_eq(code_format(a, "SO", "202403", 1), "SO202403001");
	ck_assert_str_eq(code_format(a, "SO", "202403", 999), "SO202403999");
	ck_assert_str_eq(code_format(a, "SO", "202403", 1000),
	    "SO2024031000");
	ck_assert_str_eq(code_format(a, "CRM", "2024", 42), "CRM2024042");
	arena_free(a);
}
END_TEST

static Suite *
money_suite(void)
{
	Suite	*s = suite_create("money");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, decimal_text_becomes_cents);
	tcase_add_test(tc, cents_show_with_thousands);
	tcase_add_test(tc, more_than_a_fifth_is_a_big_change);
	tcase_add_test(tc, codes_pad_serials_to_three_digits);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(money_suite)
