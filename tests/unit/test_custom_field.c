/*
 * test_custom_field.c - the custom field registries and the checks of
 * values that form.c does not know.
 */
#include <string.h>

#include "arena.h"
#include "custom_field.h"
#include "sealed.h"
#include "suite.h"

START_TEST(types_are_found_by_name)
{
	int	i;

	for (i = 0; i < CF__MAX; i++)
		ck_assert_int_eq(cf_type_from_name(cf_types[i].name), i);
	ck_assert_int_eq(cf_type_from_name("Text"), -1);
	ck_assert_int_eq(cf_type_from_name(NULL), -1);
	/* Only the sealed types are sensitive, and they never index. */
	for (i = 0; i < CF__MAX; i++)
		ck_assert_int_eq(!!(cf_types[i].flags & CFT_SENSITIVE),
		    cf_types[i].store == CS_SEALED);
	ck_assert(!(cf_types[CF_IDNO].flags & (CFT_FILTER | CFT_SORT |
	    CFT_COLUMN)));
	ck_assert(cf_types[CF_NUMBER].flags & CFT_RANGE);
	ck_assert(!(cf_types[CF_CHOICE].flags & CFT_RANGE));
}
END_TEST

START_TEST(slots_are_numbered_flat)
{
	int	s, next = 0;

	/* Indexed stores first, each after the one before, sealed last. */
	for (s = CS_TEXT; s <= CS_SEALED; s++) {
		ck_assert_int_eq(cf_stores[s].first, next);
		next += cf_stores[s].count;
		if (s == CS_DATE)
			ck_assert_int_eq(next, CF_NINDEXED);
	}
	ck_assert_int_eq(next, CF_NSLOTS);
	ck_assert_int_eq(cf_stores[CS_SEALED].count,
	    SEALED_CUSTOMER_CUSTOM_LAST - SEALED_CUSTOMER_CUSTOM + 1);
	ck_assert_ptr_nonnull(cf_storage(RT_CUSTOMER));
	ck_assert_ptr_null(cf_storage(RT_USER));
	ck_assert_str_eq(sealed_columns[SEALED_CUSTOMER_CUSTOM + 3].column,
	    "s4");
}
END_TEST

START_TEST(codes_fit_a_choice_list_name)
{
	ck_assert(cf_code_ok("tax_id"));
	ck_assert(cf_code_ok("a"));
	ck_assert(cf_code_ok("abcdefghijklmnopqrstuvwxyz012"));	/* 29 */
	ck_assert(!cf_code_ok("abcdefghijklmnopqrstuvwxyz0123"));
	ck_assert(!cf_code_ok(""));
	ck_assert(!cf_code_ok("Tax"));
	ck_assert(!cf_code_ok("tax-id"));
	ck_assert(!cf_code_ok(NULL));
}
END_TEST

START_TEST(patterns_match_the_whole_value)
{
	ck_assert_int_eq(cf_pattern_match("[0-9]{6}", "100080"), 1);
	ck_assert_int_eq(cf_pattern_match("[0-9]{6}", "1000801"), 0);
	ck_assert_int_eq(cf_pattern_match("[0-9]{6}", "x100080"), 0);
	ck_assert_int_eq(cf_pattern_match("a|ab", "ab"), 1);
	ck_assert_int_eq(cf_pattern_match("^[A-Z]+$", "ABC"), 1);
	ck_assert_int_eq(cf_pattern_match("(", "x"), -1);
	ck_assert_int_eq(cf_pattern_match("[a-", "x"), -1);
}
END_TEST

START_TEST(id_numbers_carry_their_check_digit)
{
	ck_assert(cf_idno_ok("11010519491231002X"));
	ck_assert(cf_idno_ok("11010519491231002x"));
	ck_assert(cf_idno_ok("440301199001011234"));
	ck_assert(!cf_idno_ok("440301199001011235"));
	ck_assert(!cf_idno_ok("11010519491231002"));
	ck_assert(!cf_idno_ok("1101051949123100 X"));
	ck_assert(!cf_idno_ok(""));
}
END_TEST

START_TEST(bank_accounts_lose_their_spaces)
{
	struct arena	*a = arena_new();

	ck_assert_str_eq(cf_bank_norm(a, "6222 0212 3456 7890 123"),
	    "6222021234567890123");
	ck_assert_str_eq(cf_bank_norm(a, "1234-5678"), "12345678");
	ck_assert_ptr_null(cf_bank_norm(a, "1234567"));
	ck_assert_ptr_null(cf_bank_norm(a, "1234567890123456789012345678901"));
	ck_assert_ptr_null(cf_bank_norm(a, "6222x0212"));
	arena_free(a);
}
END_TEST

static Suite *
custom_field_suite(void)
{
	Suite	*s = suite_create("custom_field");
	TCase	*tc = tcase_create("custom_field");

	tcase_add_test(tc, types_are_found_by_name);
	tcase_add_test(tc, slots_are_numbered_flat);
	tcase_add_test(tc, codes_fit_a_choice_list_name);
	tcase_add_test(tc, patterns_match_the_whole_value);
	tcase_add_test(tc, id_numbers_carry_their_check_digit);
	tcase_add_test(tc, bank_accounts_lose_their_spaces);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(custom_field_suite)
