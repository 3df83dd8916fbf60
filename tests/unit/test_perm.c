/*
 * test_perm.c - the registry of record types, actions and scopes.
 *
 * The admin matrix is drawn from it: every name needs a label in both
 * catalogues, and only declared cells can be granted through the matrix.
 * Runs from the repository root, where templates/ is.
 */
#include <stdio.h>
#include <string.h>

#include "perm.h"
#include "tmpl.h"
#include "suite.h"

static void
label_exists(const char *lang, const char *group, const char *name)
{
	char	key[96];

	snprintf(key, sizeof(key), "L.%s.%s", group, name);
	ck_assert_msg(hdf_get_value(tmpl_lang(lang), key, NULL) != NULL,
	    "%s has no %s", lang, key);
}

START_TEST(every_name_has_labels)
{
	const char	*langs[] = { "en", "zh-CN" };
	size_t		 l;
	int		 i;

	ck_assert_int_eq(tmpl_init("templates"), 0);
	for (l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
		for (i = 0; i < RT__MAX; i++)
			label_exists(langs[l], "rtype", rtype_names[i]);
		for (i = 0; i < ACT__MAX; i++)
			label_exists(langs[l], "action", action_names[i]);
		for (i = SCOPE_NONE; i <= SCOPE_ALL; i++)
			label_exists(langs[l], "scope", scope_names[i]);
	}
	tmpl_shutdown();
}
END_TEST

START_TEST(declared_cells_come_from_the_registry)
{
	int	rt;

	/* Whatever else a record type allows, it can be viewed. */
	for (rt = 0; rt < RT__MAX; rt++)
		ck_assert(perm_declared(rt, ACT_VIEW));
	ck_assert(perm_declared(RT_CUSTOMER, ACT_ASSIGN));
	ck_assert(!perm_declared(RT_AUDIT, ACT_DELETE));
	ck_assert(!perm_declared(RT_NONE, ACT_VIEW));
	ck_assert(!perm_declared(RT__MAX, ACT_VIEW));
	ck_assert(!perm_declared(RT_CUSTOMER, ACT__MAX));
	ck_assert(!perm_declared(RT_CUSTOMER, (enum action)-1));
}
END_TEST

START_TEST(unknown_grants_grant_nothing)
{
	struct perms	p;

	memset(&p, 0, sizeof(p));
	perm_grant(&p, "customer", "view", SCOPE_TEAM);
	perm_grant(&p, "customer", "view", SCOPE_OWN);
	perm_grant(&p, "nosuch", "view", SCOPE_ALL);
	perm_grant(&p, "customer", "edit", 9);
	perm_grant(&p, NULL, NULL, SCOPE_ALL);
	ck_assert_int_eq(p.scope[RT_CUSTOMER][ACT_VIEW], SCOPE_TEAM);
	ck_assert_int_eq(p.scope[RT_CUSTOMER][ACT_EDIT], SCOPE_NONE);
}
END_TEST

static Suite *
perm_suite(void)
{
	Suite	*s = suite_create("perm");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, every_name_has_labels);
	tcase_add_test(tc, declared_cells_come_from_the_registry);
	tcase_add_test(tc, unknown_grants_grant_nothing);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(perm_suite)
