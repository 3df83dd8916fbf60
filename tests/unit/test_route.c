/*
 * test_route.c - path patterns.
 */
#include "ctx.h"
#include "route.h"
#include "suite.h"

START_TEST(patterns_capture_ids)
{
	long long	ids[CTX_MAX_IDS];
	char		name[CTX_NAME_MAX + 1];
	int		n = -1;

	ck_assert(route_match("/customers", "/customers", ids, &n, name));
	ck_assert_int_eq(n, 0);
	ck_assert(route_match("/customers/%d/contacts/%d/key",
	    "/customers/42/contacts/7/key", ids, &n, name));
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(ids[0], 42);
	ck_assert_int_eq(ids[1], 7);
	ck_assert_str_eq(name, "");
}
END_TEST

START_TEST(patterns_capture_a_name)
{
	long long	ids[CTX_MAX_IDS];
	char		name[CTX_NAME_MAX + 1];
	int		n = -1;

	ck_assert(route_match("/admin/choices/%s", "/admin/choices/industry",
	    ids, &n, name));
	ck_assert_int_eq(n, 0);
	ck_assert_str_eq(name, "industry");
	ck_assert(route_match("/admin/choices/%s/options/%d",
	    "/admin/choices/opp_stage2/options/15", ids, &n, name));
	ck_assert_str_eq(name, "opp_stage2");
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(ids[0], 15);
	ck_assert(route_match("/x/%s", "/x/abcdefghijklmnopqrstuvwxyz012345",
	    ids, &n, name));
	ck_assert_str_eq(name, "abcdefghijklmnopqrstuvwxyz012345");
}
END_TEST

START_TEST(names_are_strict)
{
	long long	ids[CTX_MAX_IDS];
	char		name[CTX_NAME_MAX + 1];
	int		n;

	ck_assert(!route_match("/x/%s", "/x/", ids, &n, name));
	ck_assert(!route_match("/x/%s", "/x/Industry", ids, &n, name));
	ck_assert(!route_match("/x/%s", "/x/a-b", ids, &n, name));
	ck_assert(!route_match("/x/%s", "/x/a.b", ids, &n, name));
	ck_assert(!route_match("/x/%s", "/x/a%2Fb", ids, &n, name));
	ck_assert(!route_match("/x/%s", "/x/a/", ids, &n, name));
	ck_assert(!route_match("/x/%s", "/x/行业", ids, &n, name));
	ck_assert(!route_match("/x/%s", "/x/abcdefghijklmnopqrstuvwxyz0123456",
	    ids, &n, name));
	ck_assert(!route_match("/x/%s/options", "/x/a/optionsx", ids, &n,
	    name));
}
END_TEST

START_TEST(patterns_reject_near_misses)
{
	long long	ids[CTX_MAX_IDS];
	char		name[CTX_NAME_MAX + 1];
	int		n;

	ck_assert(!route_match("/customers", "/customers/", ids, &n, name));
	ck_assert(!route_match("/customers/%d", "/customers/", ids, &n, name));
	ck_assert(!route_match("/customers/%d", "/customers/0", ids, &n, name));
	ck_assert(!route_match("/customers/%d", "/customers/012", ids, &n, name));
	ck_assert(!route_match("/customers/%d", "/customers/-1", ids, &n, name));
	ck_assert(!route_match("/customers/%d", "/customers/1x", ids, &n, name));
	ck_assert(!route_match("/customers/%d", "/customers/1/", ids, &n, name));
	ck_assert(!route_match("/customers/%d",
	    "/customers/99999999999999999999", ids, &n, name));
	ck_assert(!route_match("/customers/new", "/customers/news", ids, &n, name));
}
END_TEST

static Suite *
route_suite(void)
{
	Suite	*s = suite_create("route");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, patterns_capture_ids);
	tcase_add_test(tc, patterns_reject_near_misses);
	tcase_add_test(tc, patterns_capture_a_name);
	tcase_add_test(tc, names_are_strict);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(route_suite)
