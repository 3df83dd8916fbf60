/*
 * test_tmpl.c - the shipped templates: escaping and the two catalogues.
 *
 * Runs from the repository root (make check does), where templates/ is.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "ctx.h"
#include "tmpl.h"
#include "suite.h"

static struct arena	*a;
static struct ctx	 c;

static void
setup(void)
{
	ck_assert_int_eq(tmpl_init("templates"), 0);
	a = arena_new();
	ctx_init(&c, a, NULL);
}

static void
teardown(void)
{
	ctx_end(&c);
	arena_free(a);
	tmpl_shutdown();
}

START_TEST(values_are_escaped)
{
	struct buf	out;

	buf_init(&out, a);
	ctx_set(&c, "Error.title", "<script>alert(1)</script>");
	ctx_set(&c, "Error.detail", "\"><img src=x onerror=alert(1)>");
	ctx_set(&c, "Lang", "en");
	ck_assert_int_eq(tmpl_render("error.cs", c.hdf, "en", &out), 0);
	ck_assert_ptr_null(strstr(buf_str(&out), "<script>"));
	ck_assert_ptr_null(strstr(buf_str(&out), "<img"));
	ck_assert_ptr_nonnull(strstr(buf_str(&out), "&lt;script&gt;"));
	ck_assert_ptr_nonnull(strstr(buf_str(&out), "&quot;&gt;&lt;img"));
}
END_TEST

START_TEST(pages_render_in_both_languages)
{
	struct buf	out;

	buf_init(&out, a);
	ck_assert_int_eq(tmpl_render("login.cs", c.hdf, "zh-CN", &out), 0);
	ck_assert_ptr_nonnull(strstr(buf_str(&out), "登录"));
	buf_truncate(&out, 0);
	ck_assert_int_eq(tmpl_render("login.cs", c.hdf, "en", &out), 0);
	ck_assert_ptr_nonnull(strstr(buf_str(&out), "Sign in"));
	/* The parsed template is reused with fresh data. */
	buf_truncate(&out, 0);
	ctx_set(&c, "Form.login", "王磊");
	ck_assert_int_eq(tmpl_render("login.cs", c.hdf, "en", &out), 0);
	ck_assert_ptr_nonnull(strstr(buf_str(&out), "value=\"王磊\""));
}
END_TEST

/* Every key of one catalogue exists in the other. */
static void
same_keys(HDF *from, HDF *to, const char *prefix)
{
	HDF		*n;
	char		 path[256];

	for (n = hdf_obj_child(from); n != NULL; n = hdf_obj_next(n)) {
		snprintf(path, sizeof(path), "%s%s%s", prefix,
		    *prefix ? "." : "", hdf_obj_name(n));
		ck_assert_msg(hdf_get_obj(to, path) != NULL, "missing %s",
		    path);
		same_keys(n, to, path);
	}
}

START_TEST(catalogues_have_the_same_keys)
{
	same_keys(tmpl_lang("en"), tmpl_lang("zh-CN"), "");
	same_keys(tmpl_lang("zh-CN"), tmpl_lang("en"), "");
	ck_assert_str_eq(hdf_get_value(tmpl_lang("zh-CN"), "L.nav.customers",
	    ""), "客户");
	ck_assert(tmpl_lang_known("zh-CN"));
	ck_assert(!tmpl_lang_known("fr"));
}
END_TEST

static Suite *
tmpl_suite(void)
{
	Suite	*s = suite_create("tmpl");
	TCase	*tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, values_are_escaped);
	tcase_add_test(tc, pages_render_in_both_languages);
	tcase_add_test(tc, catalogues_have_the_same_keys);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(tmpl_suite)
