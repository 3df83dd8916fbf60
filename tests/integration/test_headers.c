/*
 * test_headers.c - security headers on every kind of response, error
 * pages that give nothing away, unknown routes and wrong methods.
 */
#include <string.h>

#include "arena.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "suite.h"

/* Text that would betray internals on an error page. */
static const char *const leaks[] = {
	"Traceback", "NEOERR", "mysql", "MariaDB", "SQL", "SELECT ",
	".c:", "errno", "Segmentation", "/work/", "stack",
};

static void
assert_headers(const struct resp *r, const char *what)
{
	const char	*csp = resp_header(r, "Content-Security-Policy");
	const char	*nosniff = resp_header(r, "X-Content-Type-Options");
	const char	*cc = resp_header(r, "Cache-Control");

	ck_assert_msg(csp != NULL, "%s: no Content-Security-Policy", what);
	ck_assert_msg(strstr(csp, "unsafe-inline") == NULL &&
	    strstr(csp, "unsafe-eval") == NULL, "%s: CSP %s", what, csp);
	ck_assert_msg(strstr(csp, "frame-ancestors 'none'") != NULL,
	    "%s: CSP %s", what, csp);
	ck_assert_msg(strstr(csp, "default-src 'self'") != NULL,
	    "%s: CSP %s", what, csp);
	ck_assert_msg(nosniff != NULL && strcmp(nosniff, "nosniff") == 0,
	    "%s: X-Content-Type-Options %s", what, nosniff ? nosniff : "-");
	ck_assert_msg(resp_header(r, "Referrer-Policy") != NULL,
	    "%s: no Referrer-Policy", what);
	ck_assert_msg(cc != NULL && strstr(cc, "no-store") != NULL,
	    "%s: Cache-Control %s", what, cc ? cc : "-");
}

/* GET path: the status wanted and every header. */
static struct resp *
get_checked(struct browser *b, const char *path, int want)
{
	struct resp	*r = http_get(b, "%s", path);

	ck_assert_msg(r->status == want, "%s: HTTP %d, expected %d", path,
	    r->status, want);
	assert_headers(r, path);
	return r;
}

static void
assert_no_leak(const struct resp *r, const char *what)
{
	size_t	i;

	for (i = 0; i < sizeof(leaks) / sizeof(leaks[0]); i++)
		ck_assert_msg(!resp_has(r, leaks[i]), "%s: page mentions %s",
		    what, leaks[i]);
}

/* A request with another method; the status wanted and every header. */
static struct resp *
method_checked(struct browser *b, const char *method, const char *path,
    int want)
{
	struct req	 q;
	struct resp	*r;

	memset(&q, 0, sizeof(q));
	q.method = method;
	q.path = path;
	r = http_request(b, &q);
	ck_assert_msg(r->status == want, "%s %s: HTTP %d, expected %d",
	    method, path, r->status, want);
	assert_headers(r, path);
	return r;
}

START_TEST(public_responses_have_headers)
{
	struct browser	*b = browser_new();
	struct resp	*r;

	get_checked(b, "/login", 200);
	get_checked(b, "/healthz", 200);
	r = get_checked(b, "/", 303);
	ck_assert_str_eq(resp_header(r, "Location"), "/login");
	r = get_checked(b, "/customers", 303);
	ck_assert_str_eq(resp_header(r, "Location"), "/login?next=/customers");
	get_checked(b, "/customers?q=%C3%28", 400);
	browser_free(b);
}
END_TEST

START_TEST(signed_in_pages_have_headers)
{
	static const char *const paths[] = { "/home", "/password",
	    "/customers", "/customers?sort=code&dir=desc", "/customers/new" };
	struct arena	*a = tarena_new();
	struct browser	*b = it_browser(it_user(a, "hdr", "sales_rep", NULL,
			    0), IT_PASSWORD);
	long long	 id = it_customer(b, arena_printf(a, "头部公司%s",
			    it_unique(a)), it_mobile(a));
	size_t		 i;

	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		get_checked(b, paths[i], 200);
	get_checked(b, arena_printf(a, "/customers/%lld", id), 200);
	get_checked(b, arena_printf(a, "/customers/%lld/edit", id), 200);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(error_pages_give_nothing_away)
{
	static const char *const missing[] = { "/nope", "/customers/abc",
	    "/customers/0", "/customers/999999999", "/customers/1/nope",
	    "/static-not-here", "/customers/99999999999999999999999" };
	struct arena	*a = tarena_new();
	struct browser	*anon = browser_new();
	struct browser	*b = it_browser(it_user(a, "err", "sales_rep", NULL,
			    0), IT_PASSWORD);
	struct resp	*r;
	size_t		 i;

	for (i = 0; i < sizeof(missing) / sizeof(missing[0]); i++) {
		r = get_checked(b, missing[i], 404);
		ck_assert(resp_has(r, "Not found"));
		assert_no_leak(r, missing[i]);
	}
	r = get_checked(anon, "/nope", 404);
	assert_no_leak(r, "/nope (signed out)");
	r = get_checked(b, "/customers?q=%ED%A0%80", 400);
	assert_no_leak(r, "400");
	browser_free(anon);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(wrong_method_is_405)
{
	struct arena	*a = tarena_new();
	struct browser	*b = it_browser(it_user(a, "meth", "sales_rep", NULL,
			    0), IT_PASSWORD);
	struct resp	*r;

	method_checked(b, "PUT", "/login", 405);
	method_checked(b, "DELETE", "/customers/1", 405);
	method_checked(b, "PATCH", "/home", 405);
	ck_status(http_get(b, "/logout"), 405);
	/* Unknown path, unknown method: the path decides. */
	method_checked(b, "PUT", "/nope", 404);
	/* RFC 9110, 15.5.6: a 405 names the methods the resource has. */
	r = method_checked(b, "PUT", "/customers", 405);
	ck_assert_msg(resp_header(r, "Allow") != NULL,
	    "405 without an Allow header");
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(head_has_headers_but_no_body)
{
	struct browser	*b = browser_new();
	struct resp	*r = method_checked(b, "HEAD", "/login", 200);

	ck_assert_uint_eq(r->len, 0);
	browser_free(b);
}
END_TEST

static Suite *
headers_suite(void)
{
	Suite	*s = suite_create("headers");
	TCase	*tc = it_tcase("headers");

	tcase_add_test(tc, public_responses_have_headers);
	tcase_add_test(tc, signed_in_pages_have_headers);
	tcase_add_test(tc, error_pages_give_nothing_away);
	tcase_add_test(tc, wrong_method_is_405);
	tcase_add_test(tc, head_has_headers_but_no_body);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(headers_suite)
