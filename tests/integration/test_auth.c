/*
 * test_auth.c - signing in and out, sessions, the password, throttling,
 * CSRF and the language switch, through nginx and account.c.
 */
#include <string.h>

#include "arena.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "suite.h"

static const char sql_session_count[] =
    "SELECT COUNT(*) FROM session WHERE token_hash = SHA2(?, 256)";
static const char sql_user_sessions[] =
    "SELECT COUNT(*) FROM session s JOIN app_user u ON u.id = s.user_id"
    " WHERE u.login = ?";
static const char sql_session_age[] =
    "UPDATE session SET last_seen = NOW() - INTERVAL ? SECOND,"
    " created_at = NOW() - INTERVAL ? SECOND"
    " WHERE token_hash = SHA2(?, 256)";
static const char sql_contact_count[] =
    "SELECT COUNT(*) FROM contact WHERE mobile = ?";

/* Rows in session for the browser's session cookie. */
static long long
session_rows(const struct browser *b)
{
	const char	*tok = browser_cookie(b, "crm_session");

	return tok ? tdb_int(-1, sql_session_count, "s", tok) : 0;
}

static long long
user_sessions(const char *login)
{
	return tdb_int(-1, sql_user_sessions, "s", login);
}

/* Make the browser's session idle for idle and old for age seconds. */
static void
session_age(const struct browser *b, long long idle, long long age)
{
	ck_assert_int_eq(tdb_exec(sql_session_age, "iis", idle, age,
	    browser_cookie(b, "crm_session")), 1);
}

/* A signed-in page must now send the browser to the sign-in page. */
static void
assert_signed_out(struct browser *b)
{
	struct resp	*r = http_get(b, "/home");
	const char	*loc = resp_header(r, "Location");

	ck_status(r, 303);
	ck_assert_msg(loc != NULL && strncmp(loc, "/login", 6) == 0,
	    "Location %s", loc ? loc : "(none)");
}

static int
is_token(const char *s)
{
	size_t	i;

	for (i = 0; s[i] != '\0'; i++)
		if (strchr("0123456789abcdef", s[i]) == NULL)
			return 0;
	return i == 64;
}

START_TEST(sign_in_sets_strict_session_cookie)
{
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "ok", "sales_rep", "华东销售部", 0);
	struct browser	*b = browser_new();
	struct resp	*r = sign_in(b, login, IT_PASSWORD);
	const char	*sc = resp_set_cookie(r, "crm_session");
	const char	*tok = browser_cookie(b, "crm_session");

	ck_redirect(r, "/home");
	ck_assert_ptr_nonnull(sc);
	ck_assert_ptr_nonnull(tok);
	ck_assert_msg(is_token(tok), "session token %s", tok);
	ck_assert_ptr_nonnull(strstr(sc, "; HttpOnly"));
	ck_assert_ptr_nonnull(strstr(sc, "; SameSite=Strict"));
	ck_assert_ptr_nonnull(strstr(sc, "; Path=/"));
	/* The database keeps the hash only, never the token itself. */
	ck_assert_int_eq(session_rows(b), 1);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM session"
	    " WHERE token_hash = ?", "s", tok), 0);
	r = http_get(b, "/home");
	ck_status(r, 200);
	ck_assert(resp_has(r, "集成测试 ok"));
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(wrong_password_is_refused)
{
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "bad", "sales_rep", NULL, 0);
	struct browser	*b = browser_new();
	struct resp	*r = sign_in(b, login, "Not-The-Password-123");

	ck_status(r, 422);
	ck_assert(resp_has(r, "Wrong user name or password."));
	ck_assert_ptr_null(resp_set_cookie(r, "crm_session"));
	ck_assert_int_eq(user_sessions(login), 0);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM login_failure"
	    " WHERE login = ?", "s", login), 1);
	/* An unknown login answers the same way. */
	r = sign_in(b, arena_printf(a, "%s_nobody", it_tag()), IT_PASSWORD);
	ck_status(r, 422);
	ck_assert(resp_has(r, "Wrong user name or password."));
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(each_sign_in_gets_a_new_session)
{
	static const char planted[] =
	    "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "fix", "sales_rep", NULL, 0);
	struct browser	*b = browser_new(), *b2 = browser_new();
	const char	*first;

	/* A token planted by an attacker is never adopted. */
	browser_set_cookie(b, "crm_session", planted);
	ck_redirect(sign_in(b, login, IT_PASSWORD), "/home");
	first = arena_strdup(a, browser_cookie(b, "crm_session"));
	ck_assert_str_ne(first, planted);
	ck_assert_int_eq(tdb_int(-1, sql_session_count, "s", planted), 0);
	ck_assert_int_eq(session_rows(b), 1);
	/* Signing in again, here or elsewhere, gives another token. */
	ck_redirect(sign_in(b2, login, IT_PASSWORD), "/home");
	ck_assert_str_ne(browser_cookie(b2, "crm_session"), first);
	ck_redirect(sign_in(b, login, IT_PASSWORD), "/home");
	ck_assert_str_ne(browser_cookie(b, "crm_session"), first);
	browser_free(b);
	browser_free(b2);
	tarena_free(a);
}
END_TEST

START_TEST(sign_in_next_stays_on_site)
{
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "next", "sales_rep", NULL, 0);
	struct browser	*b = browser_new();

	ck_redirect(sign_in_next(b, login, IT_PASSWORD, "/customers"),
	    "/customers");
	browser_free(b);
	b = browser_new();
	ck_redirect(sign_in_next(b, login, IT_PASSWORD, "//evil.example/x"),
	    "/");
	browser_free(b);
	b = browser_new();
	ck_redirect(sign_in_next(b, login, IT_PASSWORD, "/\\evil.example"),
	    "/");
	browser_free(b);
	tarena_free(a);
}
END_TEST

/* POST /password with the three fields. */
static struct resp *
change_password(struct browser *b, const char *cur, const char *fresh,
    const char *confirm)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "current", cur);
	post_add(&p, "new", fresh);
	post_add(&p, "confirm", confirm);
	return http_post(b, &p, "/password");
}

/* A refused change: 422, the message beside field, nothing changed. */
static void
assert_change_refused(struct browser *b, const char *login, const char *cur,
    const char *fresh, const char *field)
{
	struct arena	*a = tarena_new();
	const char	*before, *after;
	struct resp	*r;

	before = tdb_str(a, "SELECT password_hash FROM app_user"
	    " WHERE login = ?", "s", login);
	r = change_password(b, cur, fresh, fresh);
	ck_status(r, 422);
	ck_assert_msg(html_field_error(r->body, field), "no error beside %s",
	    field);
	after = tdb_str(a, "SELECT password_hash FROM app_user"
	    " WHERE login = ?", "s", login);
	ck_assert_str_eq(after, before);
	tarena_free(a);
}

START_TEST(forced_password_change)
{
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "force", "sales_rep", NULL, 1);
	const char	*fresh = "Fresh-Harbour-Lantern-42";
	struct browser	*b = browser_new();
	struct resp	*r;

	ck_redirect(sign_in(b, login, IT_PASSWORD), "/password");
	ck_assert_ptr_nonnull(b->csrf);
	/* Every other page of either program sends it back there. */
	ck_redirect(http_get(b, "/home"), "/password");
	ck_redirect(http_get(b, "/customers"), "/password");
	ck_redirect(http_get(b, "/customers/new"), "/password");
	r = http_get(b, "/password");
	ck_status(r, 200);
	ck_assert(resp_has(r, "Please choose your own password"));

	assert_change_refused(b, login, "Wrong-Current-Pass-1", fresh,
	    "current");
	assert_change_refused(b, login, IT_PASSWORD, "password1234", "new");
	assert_change_refused(b, login, IT_PASSWORD, "short-1A", "new");
	assert_change_refused(b, login, IT_PASSWORD,
	    arena_printf(a, "Xx-%s-Yy", login), "new");
	r = change_password(b, IT_PASSWORD, fresh, "Fresh-Harbour-Lantern-43");
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "confirm"));

	r = change_password(b, IT_PASSWORD, fresh, fresh);
	ck_redirect(r, "/home?msg=password_changed");
	ck_assert_int_eq(tdb_int(-1, "SELECT must_change_pw FROM app_user"
	    " WHERE login = ?", "s", login), 0);
	r = http_get(b, "/home");
	ck_status(r, 200);
	browser_free(b);
	b = browser_new();
	ck_status(sign_in(b, login, IT_PASSWORD), 422);
	browser_free(b);
	b = browser_new();
	ck_redirect(sign_in(b, login, fresh), "/home");
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(password_change_ends_other_sessions)
{
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "pw", "sales_rep", NULL, 0);
	const char	*fresh = "Quiet-Meadow-Compass-77";
	struct browser	*mine = it_browser(login, IT_PASSWORD);
	struct browser	*other = it_browser(login, IT_PASSWORD);

	ck_assert_int_eq(user_sessions(login), 2);
	ck_redirect(change_password(mine, IT_PASSWORD, fresh, fresh),
	    "/home?msg=password_changed");
	ck_assert_int_eq(user_sessions(login), 1);
	ck_assert_int_eq(session_rows(mine), 1);
	ck_assert_int_eq(session_rows(other), 0);
	assert_signed_out(other);
	ck_assert(resp_has(http_get(mine, "/home?msg=password_changed"),
	    "Your password has been changed."));
	browser_free(mine);
	browser_free(other);
	tarena_free(a);
}
END_TEST

START_TEST(five_failures_throttle_the_login)
{
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "thr", "sales_rep", NULL, 0);
	struct browser	*b = browser_new();
	struct resp	*r;
	int		 i;

	for (i = 0; i < 5; i++)
		ck_status(sign_in(b, login, "Wrong-Password-Try-1"), 422);
	r = sign_in(b, login, IT_PASSWORD);
	ck_status(r, 429);
	ck_assert(resp_has(r, "Too many failed attempts."));
	ck_assert_ptr_null(resp_set_cookie(r, "crm_session"));
	ck_assert_int_eq(user_sessions(login), 0);
	/* Other accounts are not affected. */
	browser_free(b);
	b = it_browser(it_user(a, "thr2", "sales_rep", NULL, 0), IT_PASSWORD);
	browser_free(b);
	/* The window is what blocks: without the failures it works again. */
	tdb_exec("DELETE FROM login_failure WHERE login = ?", "s", login);
	b = it_browser(login, IT_PASSWORD);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(twenty_failures_throttle_the_address)
{
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "addr", "sales_rep", NULL, 0);
	const char	*decoy = arena_printf(a, "%s_addr_decoy", it_tag());
	struct browser	*b = it_browser(login, IT_PASSWORD);
	const char	*addr;
	struct resp	*r;
	int		 i;

	addr = tdb_str(a, "SELECT remote_addr FROM session"
	    " WHERE token_hash = SHA2(?, 256)", "s",
	    browser_cookie(b, "crm_session"));
	ck_assert_ptr_nonnull(addr);
	browser_free(b);
	for (i = 0; i < 20; i++)
		tdb_exec("INSERT INTO login_failure (login, remote_addr, at)"
		    " VALUES (?, ?, NOW())", "ss", decoy, addr);
	b = browser_new();
	r = sign_in(b, login, IT_PASSWORD);
	tdb_exec("DELETE FROM login_failure WHERE login IN (?, ?)", "ss",
	    decoy, login);
	ck_status(r, 429);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(idle_session_expires)
{
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "idle", "sales_rep", NULL, 0);
	struct browser	*b = it_browser(login, IT_PASSWORD);
	struct resp	*r;

	/* 28 minutes idle is still signed in, and counts as activity. */
	session_age(b, 1700, 1700);
	ck_status(http_get(b, "/home"), 200);
	ck_assert_int_eq(tdb_int(-1, "SELECT last_seen > NOW() - INTERVAL 60"
	    " SECOND FROM session WHERE token_hash = SHA2(?, 256)", "s",
	    browser_cookie(b, "crm_session")), 1);
	session_age(b, 1801, 1801);
	r = http_get(b, "/customers");
	ck_status(r, 303);
	ck_assert_str_eq(resp_header(r, "Location"), "/login?next=/customers");
	ck_assert_ptr_nonnull(resp_set_cookie(r, "crm_session"));
	ck_assert_ptr_null(browser_cookie(b, "crm_session"));
	ck_assert_int_eq(user_sessions(login), 0);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(session_expires_after_twelve_hours)
{
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "abs", "sales_rep", NULL, 0);
	struct browser	*b = it_browser(login, IT_PASSWORD);

	session_age(b, 0, 43000);
	ck_status(http_get(b, "/home"), 200);
	session_age(b, 0, 43201);
	assert_signed_out(b);
	ck_assert_int_eq(user_sessions(login), 0);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(logout_deletes_the_session)
{
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "out", "sales_rep", NULL, 0);
	struct browser	*b = it_browser(login, IT_PASSWORD);
	const char	*tok;
	struct post	 p;
	struct resp	*r;

	tok = arena_strdup(a, browser_cookie(b, "crm_session"));
	/* GET never changes anything: no sign-out by a link or an image. */
	ck_status(http_get(b, "/logout"), 405);
	ck_assert_int_eq(session_rows(b), 1);
	post_init(&p, b);
	r = http_post(b, &p, "/logout");
	ck_redirect(r, "/login");
	ck_assert_ptr_nonnull(resp_set_cookie(r, "crm_session"));
	ck_assert_int_eq(tdb_int(-1, sql_session_count, "s", tok), 0);
	assert_signed_out(b);
	/* The old token is worth nothing even if replayed. */
	browser_set_cookie(b, "crm_session", tok);
	assert_signed_out(b);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(get_login_creates_no_session)
{
	static const char	 sql_count[] = "SELECT COUNT(*) FROM session";
	struct browser		*b = browser_new();
	long long		 before = tdb_int(-1, sql_count, "");
	struct resp		*r = http_get(b, "/login");

	ck_status(r, 200);
	ck_assert_ptr_null(resp_set_cookie(r, "crm_session"));
	ck_assert_ptr_nonnull(resp_set_cookie(r, "crm_pre"));
	ck_assert_str_eq(csrf_from(b->arena, r->body),
	    browser_cookie(b, "crm_pre"));
	ck_status(http_get(b, "/login"), 200);
	ck_assert_int_eq(tdb_int(-1, sql_count, ""), before);
	browser_free(b);
}
END_TEST

/* One forged or genuine POST of a valid new customer. */
struct csrf_case {
	const char	*what;
	int		 token;		/* 0 none, 1 own, 2 wrong */
	const char	*origin;	/* NULL own, HTTP_NO_ORIGIN none */
	const char	*referer;
	int		 want;
};

static void
csrf_try(struct browser *b, const struct csrf_case *k)
{
	struct arena	*a = tarena_new();
	const char	*mobile = it_mobile(a);
	struct cust	 c;
	struct post	 p;
	struct req	 q;
	struct resp	*r;

	it_cust_defaults(&c, arena_printf(a, "CSRF %s", it_unique(a)), mobile);
	if (k->token == 1)
		post_init(&p, b);
	else
		post_init_bare(&p, b);
	if (k->token == 2)
		post_add(&p, "csrf", "0123456789abcdef0123456789abcdef"
		    "0123456789abcdef0123456789abcdef");
	it_cust_post(&p, &c);
	memset(&q, 0, sizeof(q));
	q.method = "POST";
	q.path = "/customers";
	q.ctype = "application/x-www-form-urlencoded";
	q.body = buf_str(&p.b);
	q.len = p.b.len;
	q.origin = k->origin;
	q.referer = k->referer;
	r = http_request(b, &q);
	ck_assert_msg(r->status == k->want, "%s: HTTP %d, expected %d",
	    k->what, r->status, k->want);
	ck_assert_int_eq(tdb_int(-1, sql_contact_count, "s", mobile),
	    k->want == 303 ? 1 : 0);
	tarena_free(a);
}

START_TEST(csrf_and_origin_are_enforced)
{
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "csrf", "sales_rep", NULL, 0);
	struct browser	*b = it_browser(login, IT_PASSWORD);
	const char	*own = http_base();
	const struct csrf_case cases[] = {
		{ "no token", 0, NULL, NULL, 403 },
		{ "wrong token", 2, NULL, NULL, 403 },
		{ "foreign Origin", 1, "http://evil.example", NULL, 403 },
		{ "Origin null", 1, "null", NULL, 403 },
		{ "no Origin, no Referer", 1, HTTP_NO_ORIGIN, NULL, 403 },
		{ "no Origin, foreign Referer", 1, HTTP_NO_ORIGIN,
		    "http://evil.example/customers", 403 },
		{ "no Origin, look-alike Referer", 1, HTTP_NO_ORIGIN,
		    arena_printf(a, "%s.evil.example/", own), 403 },
		{ "no Origin, own Referer", 1, HTTP_NO_ORIGIN,
		    arena_printf(a, "%s/customers/new", own), 303 },
		{ "own Origin and token", 1, NULL, NULL, 303 },
	};
	size_t		 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		csrf_try(b, &cases[i]);
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(csrf_token_belongs_to_its_session)
{
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "csrf2", "sales_rep", NULL, 0);
	struct browser	*b1 = it_browser(login, IT_PASSWORD);
	struct browser	*b2 = it_browser(login, IT_PASSWORD);
	struct post	 p;

	ck_assert_str_ne(b1->csrf, b2->csrf);
	/* b2 signs out with b1's token: refused, b2 stays signed in. */
	post_init_bare(&p, b2);
	post_add(&p, "csrf", b1->csrf);
	ck_status(http_post(b2, &p, "/logout"), 403);
	ck_assert_int_eq(session_rows(b2), 1);
	browser_free(b1);
	browser_free(b2);
	tarena_free(a);
}
END_TEST

START_TEST(login_needs_the_pre_session_cookie)
{
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "pre", "sales_rep", NULL, 0);
	struct browser	*b = browser_new();
	struct post	 p;

	ck_status(http_get(b, "/login"), 200);
	post_init(&p, b);
	post_add(&p, "login", login);
	post_add(&p, "password", IT_PASSWORD);
	/* Forged from another site: the form's token without the cookie. */
	browser_set_cookie(b, "crm_pre", NULL);
	ck_status(http_post(b, &p, "/login"), 403);
	ck_assert_int_eq(user_sessions(login), 0);
	browser_free(b);
	tarena_free(a);
}
END_TEST

/* POST /lang and check where it leads. */
static void
switch_lang(struct browser *b, const char *lang, const char *back)
{
	struct post	 p;
	struct resp	*r;

	post_init(&p, b);
	post_add(&p, "lang", lang);
	post_add(&p, "back", back);
	r = http_post(b, &p, "/lang");
	ck_redirect(r, back);
	ck_assert_ptr_nonnull(resp_set_cookie(r, "lang"));
	ck_assert_str_eq(browser_cookie(b, "lang"), lang);
}

START_TEST(language_switch)
{
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "lang", "sales_rep", NULL, 0);
	struct browser	*b = it_browser(login, IT_PASSWORD);
	struct post	 p;
	struct resp	*r;

	r = http_get(b, "/home");
	ck_assert(resp_has(r, "<html lang=\"en\">"));
	ck_assert(resp_has(r, "Sign out"));
	switch_lang(b, "zh-CN", "/home");
	ck_assert_str_eq(tdb_str(a, "SELECT lang FROM app_user WHERE login = ?",
	    "s", login), "zh-CN");
	r = http_get(b, "/home");
	ck_assert(resp_has(r, "<html lang=\"zh-CN\">"));
	ck_assert(resp_has(r, "退出登录"));
	ck_assert(resp_has(http_get(b, "/customers"), "客户"));
	/* The profile wins over the cookie, in a new browser too. */
	browser_free(b);
	b = it_browser(login, IT_PASSWORD);
	ck_assert(resp_has(http_get(b, "/home"), "退出登录"));
	switch_lang(b, "en", "/customers");
	ck_assert(resp_has(http_get(b, "/home"), "Sign out"));
	post_init(&p, b);
	post_add(&p, "lang", "fr");
	post_add(&p, "back", "/home");
	ck_status(http_post(b, &p, "/lang"), 400);
	ck_assert_str_eq(tdb_str(a, "SELECT lang FROM app_user WHERE login = ?",
	    "s", login), "en");
	browser_free(b);
	tarena_free(a);
}
END_TEST

static Suite *
auth_suite(void)
{
	Suite	*s = suite_create("auth");
	TCase	*tc;

	tc = it_tcase("sign-in");
	tcase_add_test(tc, sign_in_sets_strict_session_cookie);
	tcase_add_test(tc, wrong_password_is_refused);
	tcase_add_test(tc, each_sign_in_gets_a_new_session);
	tcase_add_test(tc, sign_in_next_stays_on_site);
	tcase_add_test(tc, get_login_creates_no_session);
	suite_add_tcase(s, tc);

	tc = it_tcase("password");
	tcase_add_test(tc, forced_password_change);
	tcase_add_test(tc, password_change_ends_other_sessions);
	suite_add_tcase(s, tc);

	tc = it_tcase("throttling");
	tcase_add_test(tc, five_failures_throttle_the_login);
	tcase_add_test(tc, twenty_failures_throttle_the_address);
	suite_add_tcase(s, tc);

	tc = it_tcase("session");
	tcase_add_test(tc, idle_session_expires);
	tcase_add_test(tc, session_expires_after_twelve_hours);
	tcase_add_test(tc, logout_deletes_the_session);
	suite_add_tcase(s, tc);

	tc = it_tcase("csrf");
	tcase_add_test(tc, csrf_and_origin_are_enforced);
	tcase_add_test(tc, csrf_token_belongs_to_its_session);
	tcase_add_test(tc, login_needs_the_pre_session_cookie);
	suite_add_tcase(s, tc);

	tc = it_tcase("language");
	tcase_add_test(tc, language_switch);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(auth_suite)
