/*
 * test_fieldsec.c - masking, and the registry of restricted fields.
 *
 * Runs from the repository root, where templates/ is.
 */
#include <string.h>

#include "arena.h"
#include "fieldsec.h"
#include "tmpl.h"
#include "suite.h"

START_TEST(masks_keep_only_the_ends)
{
	struct arena	*a = arena_new();

	ck_assert_str_eq(field_mask(a, "13812341234"), "138****1234");
	ck_assert_str_eq(field_mask(a, "110101199003071234"),
	    "110***********1234");
	ck_assert_str_eq(field_mask(a, "6222021234567890123"),
	    "622************0123");
	/* Characters, not bytes: a Chinese value keeps whole characters. */
	ck_assert_str_eq(field_mask(a, "上海市浦东新区张江路"), "上海市***区张江路");
	ck_assert_str_eq(field_mask(a, "王小明先生"), "王***生");
	ck_assert_str_eq(field_mask(a, "abc"), "***");
	ck_assert_str_eq(field_mask(a, ""), "");
	ck_assert_str_eq(field_mask(a, "wang.xm@example.com"),
	    "w***@example.com");
	ck_assert_str_eq(field_mask(a, "王@example.com"), "王***@example.com");
	arena_free(a);
}
END_TEST

/* Unique names, labels in both languages, masking only where it means
 * something, and the names of the access levels round-trip. */
START_TEST(the_registry_is_sound)
{
	const char	*langs[] = { "en", "zh-CN" };
	HDF		*lang;
	size_t		 i, j, k;
	int		 a;

	ck_assert_int_eq(tmpl_init("templates"), 0);
	for (i = 0; i < field_ndefs; i++) {
		for (j = 0; j < i; j++)
			ck_assert(field_defs[i].rtype != field_defs[j].rtype ||
			    strcmp(field_defs[i].name, field_defs[j].name) != 0);
		ck_assert_ptr_eq(field_def_find(field_defs[i].rtype,
		    field_defs[i].name), &field_defs[i]);
		for (k = 0; k < 2; k++) {
			lang = tmpl_lang(langs[k]);
			ck_assert_msg(hdf_get_valuef(lang, "L.%s",
			    field_defs[i].label) != NULL,
			    "%s has no %s label", field_defs[i].name, langs[k]);
		}
	}
	ck_assert_ptr_null(field_def_find(RT_CUSTOMER, "name"));
	for (a = 0; a < FA__MAX; a++)
		ck_assert_int_eq(faccess_from_name(faccess_names[a]), a);
	ck_assert_int_eq(faccess_from_name("write"), -1);
	ck_assert_int_eq(faccess_from_name(NULL), -1);
}
END_TEST

static Suite *
fieldsec_suite(void)
{
	Suite	*s = suite_create("fieldsec");
	TCase	*tc = tcase_create("fieldsec");

	tcase_add_test(tc, masks_keep_only_the_ends);
	tcase_add_test(tc, the_registry_is_sound);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(fieldsec_suite)
