/*
 * test_roles.c - roles, the permission matrix and "preview as", through
 * nginx and cgi-bin/admin: what the admin changes holds on the very next
 * request of everyone holding the role, and a preview changes nothing.
 */
#include <string.h>

#include "arena.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "perm.h"
#include "suite.h"

static const char sql_role_id[] =
    "SELECT id FROM role WHERE code = ?";
static const char sql_grants[] =
    "SELECT COALESCE(GROUP_CONCAT(record_type, '.', action, '=', scope"
    " ORDER BY record_type, action), '') FROM role_permission"
    " WHERE role_id = ?";
static const char sql_grant_scope[] =
    "SELECT scope FROM role_permission WHERE role_id = ? AND record_type = ?"
    " AND action = ?";
static const char sql_grant_add[] =
    "INSERT INTO role_permission (role_id, record_type, action, scope)"
    " VALUES (?, ?, ?, ?)";
static const char sql_role_audit[] =
    "SELECT COUNT(*) FROM audit_log WHERE record_type = 'role'"
    " AND record_id = ? AND action = ? AND (? IS NULL OR field = ?)"
    " AND (? IS NULL OR old_value = ?) AND (? IS NULL OR new_value = ?)";
static const char sql_user_audit[] =
    "SELECT COUNT(*) FROM audit_log WHERE user_id = ? AND action = ?";
static const char sql_holder_remove[] =
    "DELETE ur FROM user_role ur JOIN app_user u ON u.id = ur.user_id"
    " WHERE u.login = ?";
static const char sql_customer_named[] =
    "SELECT COUNT(*) FROM customer WHERE name = ?";

/* The matrix as a grid of scopes. */
struct grid {
	int	scope[RT__MAX][ACT__MAX];
};

static long long
role_id(const char *code)
{
	return tdb_int(-1, sql_role_id, "s", code);
}

static long long
role_audit(long long id, const char *action, const char *field,
    const char *old_value, const char *new_value)
{
	return tdb_int(-1, sql_role_audit, "isssssss", id, action, field,
	    field, old_value, old_value, new_value, new_value);
}

/* POST a new role (from is 0) or a copy of role from. */
static struct resp *
role_post(struct browser *b, long long from, const char *code,
    const char *name_en, const char *name_zh)
{
	struct post	p;

	post_init(&p, b);
	if (code != NULL)
		post_add(&p, "code", code);
	if (name_en != NULL)
		post_add(&p, "name_en", name_en);
	if (name_zh != NULL)
		post_add(&p, "name_zh", name_zh);
	if (from == 0)
		return http_post(b, &p, "/admin/roles");
	return http_post(b, &p, "/admin/roles/%lld/copy", from);
}

/* A new role without grants, made through the admin screens; its id. */
static long long
role_new(struct browser *b, struct arena *a, const char **code)
{
	const char	*c = it_unique(a);
	struct resp	*r = role_post(b, 0, c, "Test role", "测试角色");
	long long	 id = it_location_id(r, "/admin/roles/");

	ck_assert_msg(id > 0, "role not created: HTTP %d: %.300s", r->status,
	    it_snippet(r));
	if (code != NULL)
		*code = c;
	return id;
}

/* The stored grants of role id, as the matrix shows them. */
static void
grid_load(struct grid *g, long long id)
{
	int	rt, act;

	for (rt = 0; rt < RT__MAX; rt++)
		for (act = 0; act < ACT__MAX; act++)
			g->scope[rt][act] = (int)tdb_int(0, sql_grant_scope,
			    "iss", id, rtype_names[rt], action_names[act]);
}

/* Every declared cell of g, as the page's form sends them, after extra
 * (already encoded, may be NULL): of a field sent twice the first counts. */
static struct resp *
matrix_post(struct browser *b, long long id, const struct grid *g,
    const char *extra)
{
	struct arena	*a = tarena_new();
	struct post	 p;
	struct resp	*r;
	int		 rt, act;

	post_init(&p, b);
	if (extra != NULL)
		post_add_raw(&p, extra);
	for (rt = 0; rt < RT__MAX; rt++)
		for (act = 0; act < ACT__MAX; act++)
			if (perm_declared(rt, act))
				post_add(&p, arena_printf(a, "%s.%s",
				    rtype_names[rt], action_names[act]),
				    scope_names[g->scope[rt][act]]);
	r = http_post(b, &p, "/admin/roles/%lld", id);
	tarena_free(a);
	return r;
}

/* Set one cell of role id through the matrix, keeping the others. */
static struct resp *
matrix_set(struct browser *b, long long id, enum rtype rt, enum action act,
    enum scope s)
{
	struct grid	g;

	grid_load(&g, id);
	g.scope[rt][act] = s;
	return matrix_post(b, id, &g, NULL);
}

START_TEST(roles_are_created_copied_and_deleted)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	struct browser	*dir = it_demo(&demo_director);
	const char	*code, *copy = it_unique(a), *holder;
	long long	 id, cid;
	struct resp	*r;
	struct post	 p;

	r = http_get(adm, "/admin/roles");
	ck_status(r, 200);
	ck_assert(resp_has(r, "System admin"));
	ck_assert(resp_has(r, "href=\"/admin/roles\" aria-current=\"page\""));
	ck_status(http_get(dir, "/admin/roles"), 403);
	/* Bad input comes back beside its field, with what was typed. */
	r = role_post(adm, 0, "Bad Code", "Keep me", "留下");
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "code"));
	ck_assert_str_eq(html_input(a, r->body, "name_zh"), "留下");
	r = role_post(adm, 0, it_unique(a), "No Chinese name", NULL);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "name_zh"));
	r = role_post(adm, 0, "admin", "Another admin", "另一个管理员");
	ck_status(r, 422);
	ck_assert(resp_has(r, "already exists"));

	id = role_new(adm, a, &code);
	ck_assert_int_eq(role_audit(id, "create", "code", NULL, code), 1);
	ck_assert_int_eq(role_audit(id, "create", "name_zh", NULL, "测试角色"),
	    1);
	tdb_exec(sql_grant_add, "issi", id, "customer", "view", 2LL);
	tdb_exec(sql_grant_add, "issi", id, "contact", "edit", 1LL);

	/* A copy has the same grants under its own code. */
	ck_status(role_post(adm, id, code, "Copy", "副本"), 422);
	r = role_post(adm, id, copy, "Copy", "副本");
	cid = it_location_id(r, "/admin/roles/");
	ck_assert_int_gt(cid, 0);
	ck_assert_str_eq(tdb_str(a, sql_grants, "i", cid),
	    "contact.edit=1,customer.view=2");
	ck_assert_int_eq(role_audit(cid, "copy", "copy_of", NULL, code), 1);
	post_init(&p, dir);
	ck_status(http_post(dir, &p, "/admin/roles/%lld/copy", id), 403);

	/* Deleting is refused while anybody holds the role. */
	holder = it_user(a, it_unique(a), copy, NULL, 0);
	post_init(&p, adm);
	r = http_post(adm, &p, "/admin/roles/%lld/delete", cid);
	ck_status(r, 409);
	ck_assert(resp_has(r, "still held"));
	ck_assert_int_eq(role_id(copy), cid);
	ck_assert_int_eq(tdb_exec(sql_holder_remove, "s", holder), 1);
	post_init(&p, adm);
	ck_redirect(http_post(adm, &p, "/admin/roles/%lld/delete", cid),
	    "/admin/roles");
	ck_assert_int_eq(role_id(copy), -1);
	ck_assert_str_eq(tdb_str(a, sql_grants, "i", cid), "");
	ck_assert_int_eq(role_audit(cid, "delete", "code", copy, NULL), 1);
	ck_assert_int_eq(role_audit(cid, "update", "customer.view", "team",
	    "none"), 1);
	ck_status(http_get(adm, "/admin/roles/%lld", cid), 404);
	browser_free(dir);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(the_matrix_shows_the_registry)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	long long	 id = role_new(adm, a, NULL);
	struct resp	*r = http_get(adm, "/admin/roles/%lld", id);
	int		 rt, act;
	const char	*sel;

	ck_status(r, 200);
	for (rt = 0; rt < RT__MAX; rt++)
		for (act = 0; act < ACT__MAX; act++) {
			sel = arena_printf(a, "<select name=\"%s.%s\"",
			    rtype_names[rt], action_names[act]);
			ck_assert_msg(resp_has(r, sel) ==
			    perm_declared(rt, act), "cell %s", sel);
		}
	ck_assert(resp_has(r, "<option value=\"team\">Team</option>"));
	ck_assert(resp_has(r, ">Follow-ups</th>"));
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(a_matrix_change_holds_on_the_next_request)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL), *ub;
	const char	*code, *login;
	long long	 id;
	struct resp	*r;

	id = role_new(adm, a, &code);
	login = it_user(a, it_unique(a), code, NULL, 0);
	ub = it_browser(login, IT_PASSWORD);
	ck_status(http_get(ub, "/customers"), 403);

	r = matrix_set(adm, id, RT_CUSTOMER, ACT_VIEW, SCOPE_OWN);
	ck_redirect(r, arena_printf(a, "/admin/roles/%lld?saved=1", id));
	ck_assert(resp_has(http_get(adm, "/admin/roles/%lld?saved=1", id),
	    "were saved"));
	ck_assert_str_eq(tdb_str(a, sql_grants, "i", id), "customer.view=1");
	ck_assert_int_eq(role_audit(id, "update", "customer.view", "none",
	    "own"), 1);
	/* Only the changed cell is audited. */
	ck_assert_int_eq(role_audit(id, "update", NULL, NULL, NULL), 1);
	/* The same session, its very next request. */
	ck_status(http_get(ub, "/customers"), 200);
	ck_status(http_get(ub, "/customers/new"), 403);

	ck_redirect(matrix_set(adm, id, RT_CUSTOMER, ACT_VIEW, SCOPE_NONE),
	    arena_printf(a, "/admin/roles/%lld?saved=1", id));
	ck_assert_int_eq(role_audit(id, "update", "customer.view", "own",
	    "none"), 1);
	ck_status(http_get(ub, "/customers"), 403);
	ck_assert_str_eq(tdb_str(a, sql_grants, "i", id), "");
	browser_free(ub);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(a_post_sets_only_declared_cells)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	long long	 id = role_new(adm, a, NULL);
	struct grid	 g;
	struct resp	*r;
	struct post	 p;

	grid_load(&g, id);
	g.scope[RT_ORDER][ACT_VIEW] = SCOPE_TEAM;
	ck_assert(!perm_declared(RT_AUDIT, ACT_DELETE));
	ck_assert(!perm_declared(RT_FOLLOWUP, ACT_APPROVE));
	r = matrix_post(adm, id, &g, "audit.delete=all&followup.approve=all"
	    "&nosuch.view=all&customer.everything=all");
	ck_status(r, 303);
	ck_assert_str_eq(tdb_str(a, sql_grants, "i", id), "order.view=2");

	/* A scope that does not exist, or a missing cell: nothing saved. */
	g.scope[RT_ORDER][ACT_VIEW] = SCOPE_ALL;
	r = matrix_post(adm, id, &g, "customer.view=everything");
	ck_status(r, 422);
	ck_assert(resp_has(r, "aria-invalid=\"true\""));
	ck_assert_str_eq(tdb_str(a, sql_grants, "i", id), "order.view=2");
	post_init(&p, adm);
	post_add(&p, "customer.view", "all");
	ck_status(http_post(adm, &p, "/admin/roles/%lld", id), 422);
	ck_assert_str_eq(tdb_str(a, sql_grants, "i", id), "order.view=2");
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(nobody_is_locked_out)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	long long	 admin = role_id("admin");
	long long	 before = role_audit(admin, "update", NULL, NULL, NULL);
	struct resp	*r;

	r = matrix_set(adm, admin, RT_USER, ACT_EDIT, SCOPE_NONE);
	ck_status(r, 409);
	ck_assert(resp_has(r, "view and edit users"));
	ck_assert_int_eq(tdb_int(0, sql_grant_scope, "iss", admin, "user",
	    "edit"), SCOPE_ALL);
	ck_status(matrix_set(adm, admin, RT_USER, ACT_VIEW, SCOPE_NONE), 409);
	ck_assert_int_eq(role_audit(admin, "update", NULL, NULL, NULL),
	    before);
	ck_status(http_get(adm, "/admin/users"), 200);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(a_preview_shows_the_role_and_changes_nothing)
{
	struct arena	*a = tarena_new();
	const char	*own;
	struct browser	*adm = it_admin(a, &own);
	long long	 uid = it_user_id(own), empty, id;
	const char	*name = arena_printf(a, "%s 预览客户", it_tag());
	struct cust	 cu;
	struct resp	*r;
	struct post	 p;

	/* A role without any grant: the end of the preview still works. */
	empty = role_new(adm, a, NULL);
	post_init(&p, adm);
	ck_redirect(http_post(adm, &p, "/admin/roles/%lld/preview", empty),
	    "/home");
	ck_assert_int_eq(role_audit(empty, "preview_start", NULL, NULL, NULL),
	    1);
	r = http_get(adm, "/home");
	ck_status(r, 200);
	ck_assert(resp_has(r, "class=\"preview\""));
	ck_assert(resp_has(r, "<strong>Test role</strong>"));
	ck_assert(resp_has(r, "action=\"/admin/preview/end\""));
	ck_assert(!resp_has(r, "href=\"/admin\""));
	r = http_get(adm, "/admin/roles");
	ck_status(r, 403);
	ck_assert(resp_has(r, "action=\"/admin/preview/end\""));
	ck_status(http_get(adm, "/customers"), 403);
	post_init(&p, adm);
	ck_redirect(http_post(adm, &p, "/admin/preview/end"),
	    arena_printf(a, "/admin/roles/%lld", empty));
	ck_assert_int_eq(role_audit(empty, "preview_end", NULL, NULL, NULL),
	    1);

	/* A role that may view and create customers: it sees them, but no
	 * POST other than the end of the preview gets through. */
	id = role_new(adm, a, NULL);
	ck_status(matrix_set(adm, id, RT_CUSTOMER, ACT_VIEW, SCOPE_ALL), 303);
	ck_status(matrix_set(adm, id, RT_CUSTOMER, ACT_CREATE, SCOPE_ALL),
	    303);
	post_init(&p, adm);
	ck_redirect(http_post(adm, &p, "/admin/roles/%lld/preview", id),
	    "/home");
	r = http_get(adm, "/customers");
	ck_status(r, 200);
	ck_assert(resp_has(r, "class=\"preview\""));
	ck_status(http_get(adm, "/customers/new"), 200);
	it_cust_defaults(&cu, name, it_mobile(a));
	ck_status(it_cust_submit(adm, &cu), 403);
	ck_assert_int_eq(tdb_int(-1, sql_customer_named, "s", name), 0);
	post_init(&p, adm);
	post_add(&p, "lang", "zh-CN");
	post_add(&p, "back", "/home");
	ck_status(http_post(adm, &p, "/lang"), 403);
	ck_status(matrix_set(adm, id, RT_CUSTOMER, ACT_EDIT, SCOPE_ALL), 403);
	post_init(&p, adm);
	ck_status(http_post(adm, &p, "/admin/roles/%lld/preview", empty),
	    403);
	ck_assert_int_eq(tdb_int(-1, sql_user_audit, "is", uid,
	    "preview_refused"), 4);
	ck_assert_int_eq(tdb_int(0, sql_grant_scope, "iss", id, "customer",
	    "edit"), 0);

	/* Ended, the admin's own rights are back. */
	post_init(&p, adm);
	ck_redirect(http_post(adm, &p, "/admin/preview/end"),
	    arena_printf(a, "/admin/roles/%lld", id));
	r = http_get(adm, "/admin/roles/%lld", id);
	ck_status(r, 200);
	ck_assert(!resp_has(r, "class=\"preview\""));
	ck_status(it_cust_submit(adm, &cu), 303);
	ck_assert_int_eq(tdb_int(-1, sql_customer_named, "s", name), 1);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(a_preview_needs_an_admin)
{
	struct arena	*a = tarena_new();
	struct browser	*dir = it_demo(&demo_director);
	long long	 admin = role_id("admin");
	struct post	 p;

	post_init(&p, dir);
	ck_status(http_post(dir, &p, "/admin/roles/%lld/preview", admin),
	    403);
	ck_status(http_get(dir, "/customers"), 200);
	ck_status(http_get(dir, "/admin/users"), 403);
	/* Ending a preview that never started changes nothing. */
	post_init(&p, dir);
	ck_redirect(http_post(dir, &p, "/admin/preview/end"), "/admin/roles");
	browser_free(dir);
	tarena_free(a);
}
END_TEST

static Suite *
roles_suite(void)
{
	Suite	*s = suite_create("roles");
	TCase	*tc = it_tcase("roles");

	tcase_add_test(tc, roles_are_created_copied_and_deleted);
	tcase_add_test(tc, the_matrix_shows_the_registry);
	tcase_add_test(tc, a_matrix_change_holds_on_the_next_request);
	tcase_add_test(tc, a_post_sets_only_declared_cells);
	tcase_add_test(tc, nobody_is_locked_out);
	tcase_add_test(tc, a_preview_shows_the_role_and_changes_nothing);
	tcase_add_test(tc, a_preview_needs_an_admin);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(roles_suite)
