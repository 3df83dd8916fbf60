/*
 * test_admin.c - the administration screens: re-authentication, users,
 * teams and the audit viewer, through nginx and cgi-bin/admin.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "suite.h"

static const char sql_audit_odd[] =
    "INSERT INTO audit_log (action, record_type, record_id)"
    " VALUES (?, 'user', ?)";
/* The odd row goes again: a full run checks that every action has a label. */
static const char sql_audit_odd_gone[] =
    "DELETE FROM audit_log WHERE action = ?";
static const char sql_user_lang[] =
    "UPDATE app_user SET lang = ? WHERE login = ?";
static const char sql_user_flags[] =
    "SELECT CONCAT(must_change_pw, active, COALESCE(team_id, 0))"
    " FROM app_user WHERE login = ?";
static const char sql_user_roles[] =
    "SELECT GROUP_CONCAT(r.code ORDER BY r.code) FROM user_role ur"
    " JOIN role r ON r.id = ur.role_id JOIN app_user u ON u.id = ur.user_id"
    " WHERE u.login = ?";
static const char sql_user_sessions[] =
    "SELECT COUNT(*) FROM session s JOIN app_user u ON u.id = s.user_id"
    " WHERE u.login = ?";
static const char sql_user_audit[] =
    "SELECT COUNT(*) FROM audit_log WHERE record_type = 'user'"
    " AND record_id = ? AND action = ?";
static const char sql_team_id[] =
    "SELECT id FROM team WHERE name = ?";
static const char sql_reauth_age[] =
    "UPDATE session SET reauth_at = NOW() - INTERVAL 16 MINUTE"
    " WHERE token_hash = SHA2(?, 256)";
static const char sql_customer_team[] =
    "SELECT COALESCE(team_id, 0) FROM customer WHERE id = ?";
static const char sql_audit_any[] =
    "SELECT COUNT(*) FROM audit_log WHERE user_id = ? AND action = ?";
static const char sql_failed_confirm[] =
    "SELECT COUNT(*) FROM audit_log WHERE user_id = ?"
    " AND action = 'login_failed' AND new_value = ?";
static const char sql_user_field_audit[] =
    "SELECT COUNT(*) FROM audit_log WHERE record_type = 'user'"
    " AND record_id = ? AND field = ?";

/* The initial password a page shows once, or NULL. */
static char *
initial_password(struct arena *a, const struct resp *r)
{
	static const char	 mark[] = "id=\"initial-password\">";
	const char		*p = strstr(r->body, mark), *end;

	if (p == NULL)
		return NULL;
	p += sizeof(mark) - 1;
	if ((end = strchr(p, '<')) == NULL)
		return NULL;
	return arena_strndup(a, p, (size_t)(end - p));
}

static struct resp *
user_create(struct browser *b, const char *login, const char *roles,
    const char *team)
{
	struct post	 p;
	char		 buf[64], *list, *code, *save = NULL;

	post_init(&p, b);
	post_add(&p, "login", login);
	post_add(&p, "name", "测试 User");
	post_add(&p, "email", "new.user@example.com");
	post_add(&p, "lang", "en");
	if (team != NULL)
		post_add(&p, "team", team);
	snprintf(buf, sizeof(buf), "%s", roles);
	list = buf;
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save))
		post_add(&p, "roles", code);
	return http_post(b, &p, "/admin/users");
}

START_TEST(admin_screens_need_a_confirmed_password)
{
	struct arena	*a = tarena_new();
	const char	*login = it_user(a, "reauth", "admin", NULL, 0);
	struct browser	*b = it_browser(login, IT_PASSWORD);
	struct resp	*r;
	long long	 uid = it_user_id(login);

	ck_redirect(http_get(b, "/admin/users?after=a"),
	    "/confirm?next=/admin/users%3Fafter%3Da");
	r = it_confirm(b, "Not-The-Password-123", "/admin/users");
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "password"));
	ck_assert_int_eq(tdb_int(-1, sql_failed_confirm, "is", uid, login), 1);
	ck_redirect(http_get(b, "/admin/users"),
	    "/confirm?next=/admin/users");
	ck_redirect(it_confirm(b, IT_PASSWORD, "/admin/users"), "/admin/users");
	ck_status(http_get(b, "/admin/users"), 200);
	ck_assert_int_eq(tdb_int(-1, sql_audit_any, "is", uid, "reauth"), 1);
	/* The confirmation lasts 15 minutes. */
	ck_assert_int_eq(tdb_exec(sql_reauth_age, "s",
	    browser_cookie(b, "crm_session")), 1);
	ck_redirect(http_get(b, "/admin/teams"),
	    "/confirm?next=/admin/teams");
	browser_free(b);
	tarena_free(a);
}
END_TEST

START_TEST(other_roles_are_refused)
{
	struct arena	*a = tarena_new();
	const char	*paths[] = { "/admin", "/admin/users", "/admin/users/1",
	    "/admin/teams", "/admin/audit" };
	struct browser	*rep = it_demo(&demo_rep1);
	struct browser	*dir = it_demo(&demo_director);
	const char	*login = it_unique(a);
	size_t		 i;

	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		ck_status(http_get(rep, "%s", paths[i]), 403);
		ck_status(http_get(dir, "%s", paths[i]), 403);
	}
	ck_status(user_create(rep, arena_printf(a, "%s_%s", it_tag(), login),
	    "admin", NULL), 403);
	ck_assert_int_eq(tdb_int(-1, sql_user_sessions, "s",
	    arena_printf(a, "%s_%s", it_tag(), login)), 0);
	ck_assert_ptr_null(tdb_str(a, sql_user_flags, "s",
	    arena_printf(a, "%s_%s", it_tag(), login)));
	browser_free(rep);
	browser_free(dir);
	tarena_free(a);
}
END_TEST

START_TEST(a_new_user_gets_a_one_time_password)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL), *nb;
	const char	*login = arena_printf(a, "%s_%s", it_tag(),
	    it_unique(a));
	const char	*team = arena_printf(a, "%lld", tdb_int(0, sql_team_id,
	    "s", "华东销售部"));
	struct resp	*r;
	char		*pw;
	long long	 uid;

	r = user_create(adm, login, "marketing,sales_rep", team);
	ck_status(r, 200);
	pw = initial_password(a, r);
	ck_assert_ptr_nonnull(pw);
	ck_assert_uint_eq(strlen(pw), 16);
	ck_assert_str_eq(tdb_str(a, sql_user_flags, "s", login),
	    arena_printf(a, "11%s", team));
	ck_assert_str_eq(tdb_str(a, sql_user_roles, "s", login),
	    "marketing,sales_rep");
	uid = it_user_id(login);
	ck_assert_int_eq(tdb_int(-1, sql_user_audit, "is", uid, "create"), 1);
	/* Shown once: not on the user's page, not in the audit log. */
	r = http_get(adm, "/admin/users/%lld", uid);
	ck_status(r, 200);
	ck_assert(!resp_has(r, pw));
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log"
	    " WHERE new_value = ? OR old_value = ?", "ss", pw, pw), 0);
	/* The user signs in with it and must choose a password. */
	nb = browser_new();
	ck_redirect(sign_in(nb, login, pw), "/password");
	browser_free(nb);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(user_form_errors_keep_the_input)
{
	struct arena	*a = tarena_new();
	const char	*own;
	struct browser	*adm = it_admin(a, &own);
	struct resp	*r;

	r = user_create(adm, "Bad Login", "sales_rep", NULL);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "login"));
	ck_assert_str_eq(html_input(a, r->body, "name"), "测试 User");
	r = user_create(adm, own, "sales_rep", NULL);
	ck_status(r, 422);
	ck_assert(resp_has(r, "already taken"));
	r = user_create(adm, arena_printf(a, "%s_%s", it_tag(),
	    it_unique(a)), "superuser", NULL);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "roles"));
	r = user_create(adm, arena_printf(a, "%s_%s", it_tag(),
	    it_unique(a)), "sales_rep", "999999");
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "team"));
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(disabling_a_user_ends_their_sessions)
{
	struct arena	*a = tarena_new();
	const char	*own;
	struct browser	*adm = it_admin(a, &own);
	const char	*login = it_user(a, it_unique(a), "sales_rep", NULL, 0);
	struct browser	*ub = it_browser(login, IT_PASSWORD), *again;
	long long	 uid = it_user_id(login);
	struct post	 p;

	ck_status(http_get(adm, "/admin/users/%lld", uid), 200);
	post_init(&p, adm);
	ck_redirect(http_post(adm, &p, "/admin/users/%lld/disable", uid),
	    arena_printf(a, "/admin/users/%lld", uid));
	ck_assert_int_eq(tdb_int(-1, sql_user_sessions, "s", login), 0);
	ck_status(http_get(ub, "/home"), 303);
	again = browser_new();
	ck_status(sign_in(again, login, IT_PASSWORD), 422);
	ck_assert_int_eq(tdb_int(-1, sql_user_audit, "is", uid, "disable"), 1);
	post_init(&p, adm);
	ck_status(http_post(adm, &p, "/admin/users/%lld/enable", uid), 303);
	ck_redirect(sign_in(again, login, IT_PASSWORD), "/home");
	/* Nobody disables their own account. */
	post_init(&p, adm);
	ck_status(http_post(adm, &p, "/admin/users/%lld/disable",
	    it_user_id(own)), 403);
	browser_free(again);
	browser_free(ub);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(a_password_reset_replaces_the_password)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL), *nb;
	const char	*login = it_user(a, it_unique(a), "sales_rep", NULL, 0);
	struct browser	*ub = it_browser(login, IT_PASSWORD);
	long long	 uid = it_user_id(login);
	struct resp	*r;
	struct post	 p;
	char		*pw;

	ck_status(http_get(adm, "/admin/users/%lld", uid), 200);
	post_init(&p, adm);
	r = http_post(adm, &p, "/admin/users/%lld/password", uid);
	ck_status(r, 200);
	ck_assert_ptr_nonnull(pw = initial_password(a, r));
	ck_assert_int_eq(tdb_int(-1, sql_user_sessions, "s", login), 0);
	ck_status(http_get(ub, "/home"), 303);
	nb = browser_new();
	ck_status(sign_in(nb, login, IT_PASSWORD), 422);
	ck_redirect(sign_in(nb, login, pw), "/password");
	ck_assert_int_eq(tdb_int(-1, sql_user_audit, "is", uid,
	    "password_reset"), 1);
	browser_free(nb);
	browser_free(ub);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(editing_roles_and_team_is_audited)
{
	struct arena	*a = tarena_new();
	const char	*own;
	struct browser	*adm = it_admin(a, &own);
	const char	*login = it_user(a, it_unique(a), "sales_rep",
	    "华东销售部", 0);
	struct browser	*ub = it_browser(login, IT_PASSWORD);
	long long	 uid = it_user_id(login), cust;
	long long	 south = tdb_int(0, sql_team_id, "s", "华南销售部");
	struct post	 p;

	cust = it_customer(ub, arena_printf(a, "%s 团队客户", it_tag()),
	    it_mobile(a));
	ck_status(http_get(adm, "/admin/users/%lld", uid), 200);
	post_init(&p, adm);
	post_add(&p, "name", "改名 Renamed");
	post_add(&p, "lang", "zh-CN");
	post_add_int(&p, "team", south);
	post_add(&p, "roles", "sales_director");
	ck_redirect(http_post(adm, &p, "/admin/users/%lld", uid),
	    "/admin/users");
	ck_assert_str_eq(tdb_str(a, sql_user_roles, "s", login),
	    "sales_director");
	ck_assert_int_eq(tdb_int(-1, sql_user_audit, "is", uid, "roles"), 1);
	ck_assert_int_eq(tdb_int(-1, sql_user_field_audit, "is", uid, "team"),
	    1);
	ck_assert_int_eq(tdb_int(-1, sql_user_field_audit, "is", uid, "name"),
	    1);
	/* The user's customers follow them into the new team. */
	ck_assert_int_eq(tdb_int(-1, sql_customer_team, "i", cust), south);
	/* The form cannot take the admin role from its own user. */
	post_init(&p, adm);
	post_add(&p, "name", "Admin");
	post_add(&p, "lang", "en");
	post_add(&p, "roles", "sales_rep");
	ck_status(http_post(adm, &p, "/admin/users/%lld", it_user_id(own)),
	    422);
	ck_assert_str_eq(tdb_str(a, sql_user_roles, "s", own), "admin");
	browser_free(ub);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(a_team_leader_joins_the_team)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	const char	*leader = it_user(a, it_unique(a), "sales_director",
	    NULL, 0);
	const char	*name = arena_printf(a, "%s 西区", it_tag());
	struct post	 p;
	long long	 team;

	ck_status(http_get(adm, "/admin/teams"), 200);
	post_init(&p, adm);
	post_add(&p, "name", name);
	post_add_int(&p, "leader", it_user_id(leader));
	ck_redirect(http_post(adm, &p, "/admin/teams"), "/admin/teams");
	team = tdb_int(0, sql_team_id, "s", name);
	ck_assert_int_gt(team, 0);
	ck_assert_str_eq(tdb_str(a, sql_user_flags, "s", leader),
	    arena_printf(a, "01%lld", team));
	ck_status(http_get(adm, "/admin/teams/%lld", team), 200);
	/* Names are unique; the form says so beside the field. */
	post_init(&p, adm);
	post_add(&p, "name", name);
	post_add_int(&p, "leader", it_user_id(leader));
	ck_status(http_post(adm, &p, "/admin/teams"), 422);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(the_audit_viewer_filters)
{
	struct arena	*a = tarena_new();
	const char	*own;
	struct browser	*adm = it_admin(a, &own);
	const char	*login = it_user(a, it_unique(a), "sales_rep", NULL, 0);
	const char	*odd = it_unique(a);
	long long	 uid = it_user_id(login);
	struct resp	*r;
	struct post	 p;

	ck_status(http_get(adm, "/admin/users/%lld", uid), 200);
	post_init(&p, adm);
	ck_status(http_post(adm, &p, "/admin/users/%lld/disable", uid), 303);
	r = http_get(adm, "/admin/audit?type=user&record=%lld", uid);
	ck_status(r, 200);
	ck_assert(resp_has(r, "<td>Disabled</td>"));
	ck_assert(!resp_has(r, "<td>Password confirmed</td>"));
	r = http_get(adm, "/admin/audit?user=%lld&action=reauth",
	    it_user_id(own));
	ck_status(r, 200);
	ck_assert(resp_has(r, "<td>Password confirmed</td>"));
	ck_assert(!resp_has(r, "<td>Disabled</td>"));
	/* The action filter offers the same labels, the chosen one selected. */
	ck_assert(resp_has(r, "<option value=\"reauth\" selected>"
	    "Password confirmed</option>"));
	ck_assert(resp_has(r, "<option value=\"update_sealed\">"
	    "Changed (sensitive)</option>"));
	/* Only actions it offers; nothing listed for anything else. */
	r = http_get(adm, "/admin/audit?action=%s",
	    http_escape(a, "' OR 1=1 --"));
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "action"));
	ck_assert(!resp_has(r, "<td>Password confirmed</td>"));
	ck_status(http_get(adm, "/admin/audit?from=yesterday"), 422);
	ck_status(http_get(adm, "/admin/audit?type=nosuchtype"), 422);
	/* An action without a label shows as its code. */
	tdb_exec(sql_audit_odd, "si", odd, uid);
	r = http_get(adm, "/admin/audit?type=user&record=%lld", uid);
	ck_status(r, 200);
	ck_assert(resp_has(r, arena_printf(a, "<td>%s</td>", odd)));
	tdb_exec(sql_audit_odd_gone, "s", odd);
	/* In Chinese, labels and options are Chinese. */
	tdb_exec(sql_user_lang, "ss", "zh-CN", own);
	r = http_get(adm, "/admin/audit?type=user&record=%lld", uid);
	ck_status(r, 200);
	ck_assert(resp_has(r, "<td>禁用</td>"));
	ck_assert(resp_has(r, "<option value=\"read_sensitive\">"
	    "查看敏感数据</option>"));
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(admin_posts_need_the_csrf_token)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	const char	*login = it_user(a, it_unique(a), "sales_rep", NULL, 0);
	struct post	 p;

	post_init_bare(&p, adm);
	ck_status(http_post(adm, &p, "/admin/users/%lld/disable",
	    it_user_id(login)), 403);
	ck_assert_str_eq(tdb_str(a, sql_user_flags, "s", login), "010");
	browser_free(adm);
	tarena_free(a);
}
END_TEST

static Suite *
admin_suite(void)
{
	Suite	*s = suite_create("admin");
	TCase	*tc = it_tcase("admin");

	tcase_add_test(tc, admin_screens_need_a_confirmed_password);
	tcase_add_test(tc, other_roles_are_refused);
	tcase_add_test(tc, a_new_user_gets_a_one_time_password);
	tcase_add_test(tc, user_form_errors_keep_the_input);
	tcase_add_test(tc, disabling_a_user_ends_their_sessions);
	tcase_add_test(tc, a_password_reset_replaces_the_password);
	tcase_add_test(tc, editing_roles_and_team_is_audited);
	tcase_add_test(tc, a_team_leader_joins_the_team);
	tcase_add_test(tc, the_audit_viewer_filters);
	tcase_add_test(tc, admin_posts_need_the_csrf_token);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(admin_suite)
