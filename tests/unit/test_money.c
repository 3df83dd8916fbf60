/*
 * test_money.c - amounts as cents, their display, the 20% rule of SPEC
 * 2.2, quote line arithmetic, and record codes.
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

START_TEST(quantities_have_three_decimals)
{
	struct arena	*a = arena_new();

	ck_assert_int_eq(money_qty("2.5"), 2500);
	ck_assert_int_eq(money_qty("2.500"), 2500);
	ck_assert_int_eq(money_qty("0.001"), 1);
	ck_assert_int_eq(money_qty("3"), 3000);
	ck_assert_int_eq(money_qty("0"), 0);
	ck_assert_int_eq(money_qty("999999999.999"), MONEY_MAX_QTY);
	ck_assert_int_eq(money_qty("1000000000"), -1);
	ck_assert_int_eq(money_qty("1.2345"), -1);
	ck_assert_int_eq(money_qty("-1"), -1);
	ck_assert_int_eq(money_qty("1e3"), -1);
	ck_assert_int_eq(money_qty(NULL), -1);
	ck_assert_str_eq(money_qty_format(a, 2500), "2.5");
	ck_assert_str_eq(money_qty_format(a, 3000), "3");
	ck_assert_str_eq(money_qty_format(a, 1), "0.001");
	ck_assert_str_eq(money_qty_format(a, 1230), "1.23");
	ck_assert_str_eq(money_decimal(a, 123450), "1234.50");
	ck_assert_str_eq(money_decimal(a, 5), "0.05");
	ck_assert_str_eq(money_decimal(a, 0), "0.00");
	arena_free(a);
}
END_TEST

/* qty (1/1000), price (cents), discount (1/100 %) -> gross and net. */
static void
line_is(long long qty, long long price, long long bp, long long gross,
    long long net)
{
	long long	g = -1, n = -1;

	ck_assert_int_eq(money_line(qty, price, bp, &g, &n), 0);
	ck_assert_int_eq(g, gross);
	ck_assert_int_eq(n, net);
}

START_TEST(quote_lines_round_once_half_up)
{
	long long	g, n;

	/* 3 x 33.33 = 99.99; less 10% = 89.991 -> 89.99. */
	line_is(3000, 3333, 1000, 9999, 8999);
	/* 0.5 x 2.01 = 1.005 exactly: half up, 1.01 (a double says 1.00). */
	line_is(500, 201, 0, 101, 101);
	/* 0.05 less 50% = 0.025 -> 0.03. */
	line_is(1000, 5, 5000, 5, 3);
	/* 0.001 x 0.01 = 0.00001 -> 0.00. */
	line_is(1, 1, 0, 0, 0);
	/* 2.5 x 1000 less 12.5% = 2187.50. */
	line_is(2500, 100000, 1250, 250000, 218750);
	/* 100% off is free; 0% off is the gross. */
	line_is(7000, 1999, 10000, 13993, 0);
	/* The largest quantity at 10.00: 9,999,999,999.99, no overflow. */
	line_is(MONEY_MAX_QTY, 1000, 0, 999999999999LL, 999999999999LL);
	/* Beyond DECIMAL(15,2): refused, not wrapped. */
	ck_assert_int_eq(money_line(MONEY_MAX_QTY, MONEY_MAX_CENTS, 0, &g, &n),
	    -1);
	ck_assert_int_eq(money_line(1000, MONEY_MAX_CENTS, 0, &g, &n), 0);
	ck_assert_int_eq(g, MONEY_MAX_CENTS);
	ck_assert_int_eq(money_line(1000, 100, 10001, &g, &n), -1);
	ck_assert_int_eq(money_line(-1000, 100, 0, &g, &n), -1);
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
	tcase_add_test(tc, quantities_have_three_decimals);
	tcase_add_test(tc, quote_lines_round_once_half_up);
	tcase_add_test(tc, codes_pad_serials_to_three_digits);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(money_suite)
