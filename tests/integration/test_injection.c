/*
 * test_injection.c - hostile input: SQL and markup payloads are stored as
 * typed and shown escaped, never answered with a 500; invalid UTF-8 is
 * refused with 400 and an oversized form with 413, storing nothing.
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "suite.h"

static const char *const payloads[] = {
	"' OR 1=1 --",
	"<script>alert(1)</script>",
	"\"><img src=x onerror=alert(1)>",
};
#define NPAYLOADS	((int)(sizeof(payloads) / sizeof(payloads[0])))

/* Percent-encoded byte sequences that are not UTF-8. */
static const char *const bad_utf8[] = {
	"%C3%28",	/* a lead byte without its continuation */
	"%ED%A0%80",	/* an encoded UTF-16 surrogate */
};
#define NBAD	((int)(sizeof(bad_utf8) / sizeof(bad_utf8[0])))

#define FORM_LIMIT	(1024 * 1024)	/* lib/req.h REQ_MAX_FORM_BODY */

static const char sql_contact_by_mobile[] =
    "SELECT CONCAT(name, '|', COALESCE(title, '')) FROM contact"
    " WHERE mobile = ?";

static struct browser *
rep(struct arena *a)
{
	return it_browser(it_user(a, "inj", "sales_rep", "华南销售部", 0),
	    IT_PASSWORD);
}

/* s as the templates' HTML escaping writes it. */
static char *
escaped(struct arena *a, const char *s)
{
	struct buf	b;

	buf_init(&b, a);
	buf_puts(&b, "");
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': buf_puts(&b, "&amp;"); break;
		case '<': buf_puts(&b, "&lt;"); break;
		case '>': buf_puts(&b, "&gt;"); break;
		case '"': buf_puts(&b, "&quot;"); break;
		case '\'': buf_puts(&b, "&#39;"); break;
		default: buf_putc(&b, *s); break;
		}
	}
	return b.data;
}

/*
 * A page that may echo payload p: no server error, no live markup, and
 * when shown, p appears escaped.
 */
static void
assert_escaped(const struct resp *r, const char *p, int shown)
{
	struct arena	*a = tarena_new();

	ck_assert_msg(r->status < 500, "HTTP %d", r->status);
	ck_assert_msg(!resp_has(r, p), "payload %s unescaped", p);
	ck_assert(!resp_has(r, "<script>alert"));
	ck_assert(!resp_has(r, "<img src=x"));
	if (shown)
		ck_assert_msg(resp_has(r, escaped(a, p)), "payload %s not shown"
		    " escaped", p);
	tarena_free(a);
}

static struct resp *
post_to(struct browser *b, struct post *p, long long id, const char *what)
{
	return http_post(b, p, "/customers/%lld%s", id, what);
}

START_TEST(payloads_stored_verbatim_shown_escaped)
{
	const char	*p = payloads[_i];
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	const char	*m1 = it_mobile(a), *m2 = it_mobile(a);
	struct cust	 c;
	struct post	 f;
	struct resp	*r;
	long long	 id;

	it_cust_defaults(&c, arena_printf(a, "%s %s", p, it_unique(a)), m1);
	c.address = c.contact_name = c.contact_title = p;
	r = it_cust_submit(b, &c);
	ck_status(r, 303);
	id = it_location_id(r, "/customers/");
	ck_assert_str_eq(tdb_str(a, "SELECT name FROM customer WHERE id = ?",
	    "i", id), c.name);
	ck_assert_str_eq(tdb_str(a, "SELECT address FROM customer"
	    " WHERE id = ?", "i", id), p);
	ck_assert_str_eq(tdb_str(a, sql_contact_by_mobile, "s", m1),
	    arena_printf(a, "%s|%s", p, p));

	post_init(&f, b);
	post_add(&f, "contact_name", p);
	post_add(&f, "contact_title", p);
	post_add(&f, "contact_mobile", m2);
	ck_status(post_to(b, &f, id, "/contacts"), 303);
	ck_assert_str_eq(tdb_str(a, sql_contact_by_mobile, "s", m2),
	    arena_printf(a, "%s|%s", p, p));

	post_init(&f, b);
	post_add(&f, "fu_at", "2026-11-02T09:30");
	post_add(&f, "fu_method", "email");
	post_add(&f, "fu_content", p);
	post_add(&f, "fu_action", "demo");
	post_add(&f, "fu_due", it_day(a, 0));
	ck_status(post_to(b, &f, id, "/followups"), 303);
	ck_assert_str_eq(tdb_str(a, "SELECT content FROM followup"
	    " WHERE customer_id = ?", "i", id), p);

	post_init(&f, b);
	post_add(&f, "order_date", "2026-11-02");
	post_add(&f, "order_amount", "100");
	post_add(&f, "order_note", p);
	ck_status(post_to(b, &f, id, "/orders"), 303);
	ck_assert_str_eq(tdb_str(a, "SELECT note FROM customer_order"
	    " WHERE customer_id = ?", "i", id), p);

	assert_escaped(http_get(b, "/customers/%lld", id), p, 1);
	assert_escaped(http_get(b, "/customers/%lld/edit", id), p, 1);
	assert_escaped(http_get(b, "/home"), p, 1);
	r = http_get(b, "/customers?q=%s", http_escape(a, c.name));
	ck_status(r, 200);
	ck_assert(html_has_id(r->body, id));
	assert_escaped(r, p, 1);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(payloads_in_choice_fields_are_refused)
{
	const char	*p = payloads[_i];
	static const char *const fields[] = { "industry", "grade", "budget",
	    "satisfaction", "products", "purchase_date", "contact_email" };
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	struct cust	 c;
	struct resp	*r;
	size_t		 i;

	it_cust_defaults(&c, arena_printf(a, "选项注入%s", it_unique(a)),
	    it_mobile(a));
	c.industry = c.grade = c.budget = c.satisfaction = c.products = p;
	c.purchase_date = c.contact_email = c.owner = p;
	r = it_cust_submit(b, &c);
	ck_status(r, 422);
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		ck_assert_msg(html_field_error(r->body, fields[i]),
		    "no error beside %s", fields[i]);
	assert_escaped(r, p, 1);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM customer"
	    " WHERE name = ?", "s", c.name), 0);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(payloads_in_list_parameters)
{
	const char	*p = payloads[_i];
	static const char *const params[] = { "q", "sort", "dir", "after",
	    "industry", "grade", "owner" };
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	const char	*v = http_escape(a, p);
	struct resp	*r;
	size_t		 i;

	for (i = 0; i < sizeof(params) / sizeof(params[0]); i++) {
		r = http_get(b, "/customers?%s=%s", params[i], v);
		ck_assert_msg(r->status == 200, "%s=%s: HTTP %d", params[i], p,
		    r->status);
		assert_escaped(r, p, 0);
	}
	r = http_get(b, "/customers?sort=code&dir=desc&after=%s.1&q=%s", v, v);
	ck_status(r, 200);
	assert_escaped(r, p, 1);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(payloads_in_sign_in_form)
{
	const char	*p = payloads[_i];
	struct arena	*a = tarena_new();
	struct browser	*b = browser_new();
	const char	*login = arena_printf(a, "%s%s", p, it_tag());
	struct resp	*r;

	r = sign_in(b, login, p);
	ck_status(r, 422);
	assert_escaped(r, p, 1);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM login_failure"
	    " WHERE login = ?", "s", login), 1);
	r = http_get(b, "/login?next=%s", http_escape(a, p));
	ck_status(r, 200);
	assert_escaped(r, p, 1);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(invalid_utf8_is_refused)
{
	const char	*bad = bad_utf8[_i];
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	const char	*mobile = it_mobile(a);
	long long	 id;
	struct cust	 c;
	struct post	 f;
	struct resp	*r;
	char		*state;

	/* In a value of the new-customer form. */
	it_cust_defaults(&c, NULL, mobile);
	post_init(&f, b);
	it_cust_post(&f, &c);
	post_add_raw(&f, arena_printf(a, "name=%s", bad));
	r = http_post(b, &f, "/customers");
	ck_status(r, 400);
	ck_assert(resp_has(r, "not valid UTF-8"));
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM contact"
	    " WHERE mobile = ?", "s", mobile), 0);

	/* In a field name, and in a sub-form of an existing customer. */
	post_init(&f, b);
	it_cust_defaults(&c, arena_printf(a, "UTF8 %s", it_unique(a)), mobile);
	it_cust_post(&f, &c);
	post_add_raw(&f, arena_printf(a, "x%s=1", bad));
	ck_status(http_post(b, &f, "/customers"), 400);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM contact"
	    " WHERE mobile = ?", "s", mobile), 0);
	id = it_customer(b, c.name, mobile);
	state = it_customer_state(a, id);
	post_init(&f, b);
	post_add(&f, "contact_mobile", it_mobile(a));
	post_add_raw(&f, arena_printf(a, "contact_name=A%sB", bad));
	ck_status(post_to(b, &f, id, "/contacts"), 400);
	post_init(&f, b);
	post_add(&f, "fu_at", "2026-11-02T09:30");
	post_add(&f, "fu_method", "email");
	post_add(&f, "fu_action", "demo");
	post_add(&f, "fu_due", it_day(a, 0));
	post_add_raw(&f, arena_printf(a, "fu_content=%s", bad));
	ck_status(post_to(b, &f, id, "/followups"), 400);
	ck_assert_str_eq(it_customer_state(a, id), state);

	/* In the query string. */
	ck_status(http_get(b, "/customers?q=%s", bad), 400);
	ck_status(http_get(b, "/customers?%s=1", bad), 400);
	ck_status(http_get(b, "/login?next=%s", bad), 400);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(oversized_form_is_refused)
{
	struct arena	*a = tarena_new();
	struct browser	*b = rep(a);
	const char	*mobile = it_mobile(a);
	char		*big = arena_alloc(a, FORM_LIMIT + 2);
	struct cust	 c;
	struct resp	*r;

	memset(big, 'A', FORM_LIMIT + 1);
	it_cust_defaults(&c, big, mobile);
	r = it_cust_submit(b, &c);
	ck_status(r, 413);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM contact"
	    " WHERE mobile = ?", "s", mobile), 0);
	/* Long but within the limit: a validation error, not a refusal. */
	big[FORM_LIMIT / 2] = '\0';
	r = it_cust_submit(b, &c);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "name"));
	browser_free(b);
	tarena_free(a);
}
END_TEST

static Suite *
injection_suite(void)
{
	Suite	*s = suite_create("injection");
	TCase	*tc;

	tc = it_tcase("payloads");
	tcase_add_loop_test(tc, payloads_stored_verbatim_shown_escaped, 0,
	    NPAYLOADS);
	tcase_add_loop_test(tc, payloads_in_choice_fields_are_refused, 0,
	    NPAYLOADS);
	tcase_add_loop_test(tc, payloads_in_list_parameters, 0, NPAYLOADS);
	tcase_add_loop_test(tc, payloads_in_sign_in_form, 0, NPAYLOADS);
	suite_add_tcase(s, tc);

	tc = it_tcase("encoding");
	tcase_add_loop_test(tc, invalid_utf8_is_refused, 0, NBAD);
	tcase_add_test(tc, oversized_form_is_refused);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(injection_suite)
