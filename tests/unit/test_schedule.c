/*
 * test_schedule.c - a contract's payment schedule: instalments that add
 * up exactly, and payments applied oldest due first, never beyond what
 * is owed.
 */
#include "money.h"
#include "schedule.h"
#include "suite.h"

START_TEST(instalments_add_up_in_cents)
{
	struct instalment	three[] = { { 3333, 0 }, { 3333, 0 },
	    { 3334, 0 } };
	struct instalment	big[] = { { MONEY_MAX_CENTS, 0 }, { 1, 0 } };
	struct instalment	bad[] = { { 100, 0 }, { -1, 0 } };

	/* 33.33 + 33.33 + 33.34: exactly 100.00, where doubles drift. */
	ck_assert_int_eq(schedule_sum(three, 3), 10000);
	ck_assert_int_eq(schedule_sum(three, 0), 0);
	ck_assert_int_eq(schedule_sum(big, 1), MONEY_MAX_CENTS);
	ck_assert_int_eq(schedule_sum(big, 2), -1);
	ck_assert_int_eq(schedule_sum(bad, 2), -1);
}
END_TEST

START_TEST(payments_go_to_the_oldest_first)
{
	struct instalment	s[] = { { 30000, 0 }, { 50000, 0 },
	    { 20000, 0 } };

	/* 400.00 pays the first, and 100.00 of the second. */
	ck_assert_int_eq(schedule_apply(s, 3, 40000), 0);
	ck_assert_int_eq(s[0].paid, 30000);
	ck_assert_int_eq(s[1].paid, 10000);
	ck_assert_int_eq(s[2].paid, 0);
	/* 0.01 more goes to the second, not the third. */
	ck_assert_int_eq(schedule_apply(s, 3, 1), 0);
	ck_assert_int_eq(s[1].paid, 10001);
	ck_assert_int_eq(s[2].paid, 0);
	/* The rest exactly: everything paid, nothing over. */
	ck_assert_int_eq(schedule_apply(s, 3, 59999), 0);
	ck_assert_int_eq(s[0].paid, 30000);
	ck_assert_int_eq(s[1].paid, 50000);
	ck_assert_int_eq(s[2].paid, 20000);
}
END_TEST

START_TEST(overpayment_is_left_over)
{
	struct instalment	s[] = { { 10000, 9000 }, { 5000, 0 } };

	/* 60.00 owed: 60.01 leaves 0.01 over, which the caller refuses. */
	ck_assert_int_eq(schedule_apply(s, 2, 6001), 1);
	ck_assert_int_eq(schedule_apply(s, 0, 100), 100);
}
END_TEST

START_TEST(bad_input_changes_nothing)
{
	struct instalment	s[] = { { 10000, 0 }, { 5000, 6000 } };
	struct instalment	ok[] = { { 10000, 0 } };

	ck_assert_int_eq(schedule_apply(s, 2, 100), -1);
	ck_assert_int_eq(s[0].paid, 0);
	ck_assert_int_eq(schedule_apply(ok, 1, 0), -1);
	ck_assert_int_eq(schedule_apply(ok, 1, -5), -1);
	ck_assert_int_eq(ok[0].paid, 0);
}
END_TEST

static Suite *
schedule_suite(void)
{
	Suite	*s = suite_create("schedule");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, instalments_add_up_in_cents);
	tcase_add_test(tc, payments_go_to_the_oldest_first);
	tcase_add_test(tc, overpayment_is_left_over);
	tcase_add_test(tc, bad_input_changes_nothing);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(schedule_suite)
