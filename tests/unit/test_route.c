/*
 * test_route.c - path patterns.
 */
#include "ctx.h"
#include "route.h"
#include "suite.h"

START_TEST(patterns_capture_ids)
{
	long long	ids[CTX_MAX_IDS];
	int		n = -1;

	ck_assert(route_match("/customers", "/customers", ids, &n));
	ck_assert_int_eq(n, 0);
	ck_assert(route_match("/customers/%d/contacts/%d/key",
	    "/customers/42/contacts/7/key", ids, &n));
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(ids[0], 42);
	ck_assert_int_eq(ids[1], 7);
}
END_TEST

START_TEST(patterns_reject_near_misses)
{
	long long	ids[CTX_MAX_IDS];
	int		n;

	ck_assert(!route_match("/customers", "/customers/", ids, &n));
	ck_assert(!route_match("/customers/%d", "/customers/", ids, &n));
	ck_assert(!route_match("/customers/%d", "/customers/0", ids, &n));
	ck_assert(!route_match("/customers/%d", "/customers/012", ids, &n));
	ck_assert(!route_match("/customers/%d", "/customers/-1", ids, &n));
	ck_assert(!route_match("/customers/%d", "/customers/1x", ids, &n));
	ck_assert(!route_match("/customers/%d", "/customers/1/", ids, &n));
	ck_assert(!route_match("/customers/%d",
	    "/customers/99999999999999999999", ids, &n));
	ck_assert(!route_match("/customers/new", "/customers/news", ids, &n));
}
END_TEST

static Suite *
route_suite(void)
{
	Suite	*s = suite_create("route");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, patterns_capture_ids);
	tcase_add_test(tc, patterns_reject_near_misses);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(route_suite)
