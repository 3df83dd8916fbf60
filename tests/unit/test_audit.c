/*
 * test_audit.c - the registry of audit actions the log viewer labels.
 *
 * Runs from the repository root, where templates/ is.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "str.h"
#include "tmpl.h"
#include "suite.h"

/* Each action once, a code, and a label in both languages. */
START_TEST(actions_have_labels)
{
	const char	*langs[] = { "en", "zh-CN" };
	char		 key[64];
	size_t		 i, j;

	ck_assert_int_eq(tmpl_init("templates"), 0);
	ck_assert_uint_gt(audit_nactions, 0);
	for (i = 0; i < audit_nactions; i++) {
		ck_assert(str_is_code(audit_actions[i], 1, 32));
		for (j = 0; j < i; j++)
			ck_assert_str_ne(audit_actions[i], audit_actions[j]);
		snprintf(key, sizeof(key), "L.audit_action.%s",
		    audit_actions[i]);
		for (j = 0; j < 2; j++)
			ck_assert_msg(hdf_get_value(tmpl_lang(langs[j]), key,
			    NULL) != NULL, "%s has no %s", langs[j], key);
	}
	tmpl_shutdown();
}
END_TEST

static Suite *
audit_suite(void)
{
	Suite	*s = suite_create("audit");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, actions_have_labels);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(audit_suite)
