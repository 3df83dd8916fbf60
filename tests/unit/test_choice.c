/*
 * test_choice.c - option codes and the registry of editable lists.
 *
 * Runs from the repository root, where templates/ is.
 */
#include <stdio.h>

#include "arena.h"
#include "choice.h"
#include "ctx.h"
#include "tmpl.h"
#include "suite.h"

START_TEST(codes_are_safe_names)
{
	ck_assert(choice_code_ok("it_services"));
	ck_assert(choice_code_ok("5"));
	ck_assert(choice_code_ok("abcdefghijklmnopqrstuvwxyz012345"));
	ck_assert(!choice_code_ok("abcdefghijklmnopqrstuvwxyz0123456"));
	ck_assert(!choice_code_ok(""));
	ck_assert(!choice_code_ok("Retail"));
	ck_assert(!choice_code_ok("a.b"));	/* an HDF path */
	ck_assert(!choice_code_ok("a b"));
	ck_assert(!choice_code_ok("a-b"));
	ck_assert(!choice_code_ok("零售"));
}
END_TEST

/* Each list once, a safe name, and a title in both languages. */
START_TEST(registered_lists_have_titles)
{
	const char	*langs[] = { "en", "zh-CN" };
	char		 key[64];
	size_t		 i, j;

	ck_assert_int_eq(tmpl_init("templates"), 0);
	ck_assert_uint_gt(choice_nlists, 0);
	for (i = 0; i < choice_nlists; i++) {
		ck_assert(choice_code_ok(choice_lists[i].name));
		for (j = 0; j < i; j++)
			ck_assert_str_ne(choice_lists[i].name,
			    choice_lists[j].name);
		snprintf(key, sizeof(key), "L.choice_list.%s",
		    choice_lists[i].name);
		for (j = 0; j < 2; j++)
			ck_assert_msg(hdf_get_value(tmpl_lang(langs[j]), key,
			    NULL) != NULL, "%s has no %s", langs[j], key);
	}
	tmpl_shutdown();
}
END_TEST

/* Options offered by code (teams, roles) are valid and show their label. */
START_TEST(offered_options_are_valid)
{
	struct arena	*a = arena_new();
	struct ctx	 c;

	ctx_init(&c, a, NULL);
	choice_option(&c, "team", 0, "7", "华东销售部");
	ck_assert(choice_valid(&c, "team", "7"));
	ck_assert(!choice_valid(&c, "team", "8"));
	ck_assert(!choice_valid(&c, "role", "7"));
	ck_assert(!choice_valid(&c, "team", NULL));
	ck_assert_str_eq(choice_label(&c, "team", "7"), "华东销售部");
	ck_assert_str_eq(choice_label(&c, "team", "8"), "8");
	ctx_end(&c);
	arena_free(a);
}
END_TEST

static Suite *
choice_suite(void)
{
	Suite	*s = suite_create("choice");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, codes_are_safe_names);
	tcase_add_test(tc, registered_lists_have_titles);
	tcase_add_test(tc, offered_options_are_valid);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(choice_suite)
