/*
 * test_fieldsec.c - field-level security through nginx and the real
 * programs: a field hidden from a role appears nowhere in its pages and
 * cannot be filtered on, a read-only one cannot be changed by a forged
 * POST, a masked one never shows in full, and reads of sensitive fields
 * are audited.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "dbtest.h"
#include "fieldsec.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "suite.h"

static const char sql_customer_row[] =
    "SELECT CONCAT_WS('|', grade, COALESCE(address, '-'),"
    " COALESCE(HEX(budget_range), '-'), name) FROM customer WHERE id = ?";
static const char sql_role_audit[] =
    "SELECT COUNT(*) FROM audit_log WHERE record_type = 'role'"
    " AND record_id = ? AND action = 'field_access' AND field = ?"
    " AND old_value = ? AND new_value = ?";
static const char sql_reads[] =
    "SELECT COUNT(*) FROM audit_log WHERE record_type = 'customer_read'"
    " AND record_id = ? AND action = 'read_sensitive' AND new_value = ?";
static const char sql_rule[] =
    "SELECT access FROM role_field WHERE role_id = ? AND record_type = ?"
    " AND field = ?";

/* A copy of role base with these field rules; its code. */
static const char *
role_like(struct browser *admin, struct arena *a, const char *base,
    const struct it_rule *rules, size_t n, long long *id)
{
	const char	*code = it_unique(a);
	struct post	 p;
	struct resp	*r;

	post_init(&p, admin);
	post_add(&p, "code", code);
	post_add(&p, "name_en", "Field test role");
	post_add(&p, "name_zh", "字段测试角色");
	r = http_post(admin, &p, "/admin/roles/%lld/copy", it_role_id(base));
	*id = it_location_id(r, "/admin/roles/");
	ck_assert_msg(*id > 0, "role not copied: HTTP %d", r->status);
	ck_redirect(it_rules_post(admin, *id, rules, n, "edit"),
	    arena_printf(a, "/admin/roles/%lld/fields?saved=1", *id));
	return code;
}

static const char sql_export_audit[] =
    "SELECT COALESCE(MAX(new_value), '') FROM audit_log WHERE user_id = ?"
    " AND action = 'export' AND record_type = 'customer'";

/* Spreadsheets read a file that starts with it as UTF-8. */
#define EXPORT_BOM	"\xef\xbb\xbf"

static char *
customer_row(struct arena *a, long long id)
{
	return tdb_str(a, sql_customer_row, "i", id);
}

static const char sql_key_contact[] =
    "SELECT id FROM contact WHERE customer_id = ? AND is_key = 1";
static const char sql_prefs_set[] =
    "UPDATE contact SET preferences = ? WHERE id = ?";
static const char sql_reads_naming[] =
    "SELECT COUNT(*) FROM audit_log WHERE record_type = 'customer_read'"
    " AND record_id = ? AND action = 'read_sensitive'"
    " AND new_value LIKE CONCAT('%', ?, '%')";

/* How many lines of the instance's log ($CRM_VAR/log/crm.log) hold s. */
static int
log_lines(struct arena *a, const char *s)
{
	const char	*var = getenv("CRM_VAR");
	char		 line[1024];
	FILE		*f;
	int		 n = 0;

	ck_assert_msg(var != NULL, "CRM_VAR must name the instance");
	f = fopen(arena_printf(a, "%s/log/crm.log", var), "r");
	ck_assert_msg(f != NULL, "no log in %s/log", var);
	while (fgets(line, sizeof(line), f) != NULL)
		n += strstr(line, s) != NULL;
	fclose(f);
	return n;
}

START_TEST(hidden_and_read_only_fields_hold_everywhere)
{
	static const struct it_rule rules[] = {
		{ "customer.budget", "hidden" },
		{ "customer.grade", "hidden" },
		{ "customer.address", "read" },
	};
	struct arena	*a = tarena_new();
	struct browser	*admin = it_admin(a, NULL), *b;
	struct cust	 cu;
	struct resp	*r;
	const char	*user, *name = arena_printf(a, "字段客户%s", it_unique(a));
	char		*before;
	long long	 role, id;

	user = it_user(a, "fsh", role_like(admin, a, "sales_rep", rules, 3,
	    &role), NULL, 0);
	ck_assert_int_eq(tdb_int(-1, sql_rule, "iss", role, "customer",
	    "grade"), FA_HIDDEN);
	ck_assert_int_eq(tdb_int(0, sql_role_audit, "isss", role,
	    "customer.budget", "edit", "hidden"), 1);
	b = it_browser(user, IT_PASSWORD);

	/* The new form has no control for them; a forged POST sets nothing. */
	r = http_get(b, "/customers/new");
	ck_status(r, 200);
	ck_assert_ptr_null(strstr(r->body, "name=\"budget\""));
	ck_assert_ptr_null(strstr(r->body, "name=\"grade\""));
	ck_assert_ptr_null(strstr(r->body, "name=\"address\""));
	it_cust_defaults(&cu, name, it_mobile(a));
	cu.grade = "strategic";
	cu.address = "Forged Road 1";
	id = it_cust_create(b, &cu);
	ck_assert_str_eq(customer_row(a, id),
	    arena_printf(a, "potential|-|-|%s", name));

	/* The admin, who may, sets them. */
	cu.address = "Secret Street 9";
	ck_status(it_cust_edit(admin, id, &cu, "1"), 303);
	before = customer_row(a, id);
	ck_assert_ptr_nonnull(strstr(before, "strategic|Secret Street 9|01"));

	/* Detail and edit pages: the read-only one shows, the hidden don't. */
	r = http_get(b, "/customers/%lld", id);
	ck_status(r, 200);
	ck_assert_ptr_nonnull(strstr(r->body, "Secret Street 9"));
	ck_assert_ptr_null(strstr(r->body, "Strategic"));
	ck_assert_ptr_null(strstr(r->body, "100k–300k"));
	ck_assert_ptr_null(strstr(r->body, "<td>grade</td>"));
	ck_assert_ptr_null(strstr(r->body, "<td>budget</td>"));
	r = http_get(b, "/customers/%lld/edit", id);
	ck_status(r, 200);
	ck_assert_ptr_nonnull(strstr(r->body, "Secret Street 9"));
	ck_assert_ptr_null(strstr(r->body, "name=\"address\""));
	ck_assert_ptr_null(strstr(r->body, "name=\"grade\""));
	ck_assert_ptr_null(strstr(r->body, "Strategic"));

	/* A forged edit changes only what the user may edit. */
	cu.name = arena_printf(a, "%s改", name);
	cu.grade = "normal";
	cu.address = "Forged Road 2";
	cu.budget = "lt100k";
	ck_status(it_cust_edit(b, id, &cu, "2"), 303);
	ck_assert_str_eq(customer_row(a, id), arena_printf(a, "%.*s|%s",
	    (int)(strrchr(before, '|') - before), before, cu.name));

	/* A filter on the hidden grade is ignored, not applied. */
	r = http_get(b, "/customers?q=%s&grade=potential",
	    http_escape(a, cu.name));
	ck_status(r, 200);
	ck_assert_msg(html_has_id(r->body, id), "filtered on a hidden field");
	ck_assert_ptr_null(strstr(r->body, "id=\"grade\""));
	r = http_get(admin, "/customers?q=%s&grade=potential",
	    http_escape(a, cu.name));
	ck_assert_msg(!html_has_id(r->body, id), "the admin's filter failed");
	tarena_free(a);
}
END_TEST

START_TEST(masked_numbers_and_audited_reads)
{
	static const struct it_rule rules[] = {
		{ "contact.contact_mobile", "masked" },
		{ "customer.budget", "read" },
	};
	struct arena	*a = tarena_new();
	struct browser	*admin = it_admin(a, NULL), *b;
	struct cust	 cu;
	struct resp	*r;
	const char	*user, *mobile = it_mobile(a), *masked;
	long long	 role, id;

	user = it_user(a, "fsm", role_like(admin, a, "sales_rep", rules, 2,
	    &role), NULL, 0);
	b = it_browser(user, IT_PASSWORD);
	it_cust_defaults(&cu, arena_printf(a, "脱敏客户%s", it_unique(a)),
	    mobile);

	/* A customer needs its key contact's number: not from this role. */
	ck_status(it_cust_submit(b, &cu), 403);
	cu.owner = arena_printf(a, "%lld", it_user_id(user));
	id = it_cust_create(admin, &cu);

	masked = arena_printf(a, "%.3s****%s", mobile, mobile + 7);
	r = http_get(b, "/customers/%lld", id);
	ck_status(r, 200);
	ck_assert_ptr_nonnull(strstr(r->body, masked));
	ck_assert_ptr_null(strstr(r->body, mobile));
	ck_assert_ptr_nonnull(strstr(r->body, "100k–300k"));
	ck_assert_int_eq(tdb_int(-1, sql_reads, "is", id, "budget"), 1);
	ck_assert_ptr_null(strstr(r->body, "id=\"f-contact_mobile\""));

	/* Searching by the number would tell it: not a number search here. */
	r = http_get(b, "/customers?q=%s", mobile);
	ck_assert_msg(!html_has_id(r->body, id), "found by a masked number");
	r = http_get(admin, "/customers?q=%s", mobile);
	ck_assert_msg(html_has_id(r->body, id), "the admin's search failed");
	tarena_free(a);
}
END_TEST

/*
 * A contact's preferences hidden from a role are not even opened for it:
 * a value that does not open shows that, as only an attempt logs it.
 */
START_TEST(hidden_sealed_values_are_not_opened)
{
	static const struct it_rule rules[] = {
		{ "contact.contact_preferences", "hidden" },
	};
	struct arena	*a = tarena_new();
	struct browser	*admin = it_admin(a, NULL), *b;
	const char	*user, *prefs = arena_printf(a, "偏好%s", it_unique(a));
	const char	*line;
	struct cust	 cu;
	struct resp	*r;
	long long	 role, id, key;

	user = it_user(a, "fsp", role_like(admin, a, "sales_rep", rules, 1,
	    &role), NULL, 0);
	b = it_browser(user, IT_PASSWORD);
	it_cust_defaults(&cu, arena_printf(a, "偏好客户%s", it_unique(a)),
	    it_mobile(a));
	cu.owner = arena_printf(a, "%lld", it_user_id(user));
	cu.contact_preferences = prefs;
	id = it_cust_create(admin, &cu);
	key = tdb_int(-1, sql_key_contact, "i", id);
	ck_assert_int_gt(key, 0);

	/* The page is whole for the role, without the value or its read. */
	r = http_get(b, "/customers/%lld", id);
	ck_status(r, 200);
	ck_assert(resp_has(r, cu.contact_name));
	ck_assert(!resp_has(r, prefs));
	ck_assert_int_eq(tdb_int(-1, sql_reads_naming, "is", id,
	    "contact_preferences"), 0);
	r = http_get(admin, "/customers/%lld", id);
	ck_assert(resp_has(r, prefs));
	ck_assert_int_eq(tdb_int(-1, sql_reads_naming, "is", id,
	    "contact_preferences"), 1);

	/* Plaintext where a sealed value belongs does not open, and says so. */
	tdb_exec(sql_prefs_set, "si", it_unique(a), key);
	line = arena_printf(a, "contact.preferences of id %lld does not open",
	    key);
	ck_status(http_get(b, "/customers/%lld", id), 200);
	ck_assert_int_eq(log_lines(a, line), 0);
	ck_status(http_get(admin, "/customers/%lld", id), 200);
	ck_assert_int_eq(log_lines(a, line), 1);
	/* Leave no plaintext where sealed values belong. */
	tdb_exec(sql_prefs_set, "ni", key);
	tarena_free(a);
}
END_TEST

START_TEST(the_rules_form_takes_only_what_a_field_allows)
{
	static const struct it_rule unmaskable[] = {
		{ "customer.budget", "masked" },
	};
	static const struct it_rule missing[] = {
		{ "customer.address", NULL },
	};
	struct arena	*a = tarena_new();
	struct browser	*admin = it_admin(a, NULL);
	struct resp	*r;
	long long	 role;

	role_like(admin, a, "sales_rep", NULL, 0, &role);
	r = http_get(admin, "/admin/roles/%lld/fields", role);
	ck_status(r, 200);
	ck_assert_ptr_nonnull(strstr(r->body,
	    "name=\"contact.contact_mobile\" value=\"masked\""));
	ck_assert_ptr_null(strstr(r->body,
	    "name=\"customer.budget\" value=\"masked\""));
	ck_status(it_rules_post(admin, role, unmaskable, 1, "edit"), 422);
	ck_status(it_rules_post(admin, role, missing, 1, "edit"), 422);
	ck_assert_int_eq(tdb_int(-1, sql_rule, "iss", role, "customer",
	    "budget"), FA_EDIT);
	ck_assert_int_eq(tdb_int(-1, sql_rule, "iss", role, "customer",
	    "address"), -1);
	tarena_free(a);
}
END_TEST

START_TEST(exports_leave_out_hidden_fields_and_are_audited)
{
	static const struct it_rule rules[] = {
		{ "customer.grade", "hidden" },
	};
	static const char header[] = EXPORT_BOM "Code,Full legal name,"
	    "Industry,Owner,Last follow-up,Created\r\n";
	struct arena	*a = tarena_new();
	struct browser	*admin = it_admin(a, NULL), *b;
	struct cust	 cu;
	struct resp	*r;
	const char	*user, *tag = it_unique(a), *path;
	const char	*name = arena_printf(a, "=cmd|' /C calc'!A0 %s", tag);
	long long	 role;

	user = it_user(a, "fse", role_like(admin, a, "sales_director", rules,
	    1, &role), NULL, 0);
	b = it_browser(user, IT_PASSWORD);
	it_cust_defaults(&cu, name, it_mobile(a));
	it_cust_create(b, &cu);
	path = arena_printf(a, "/customers/export?q=%s", tag);

	r = http_get(b, "%s", path);
	ck_status(r, 200);
	ck_assert_str_eq(resp_header(r, "Content-Type"),
	    "text/csv; charset=utf-8");
	ck_assert_msg(strncmp(r->body, header, strlen(header)) == 0,
	    "header: %.80s", r->body);
	/* A formula is defused; the hidden grade is in no row or header. */
	ck_assert_ptr_nonnull(strstr(r->body, "\"'=cmd|' /C calc'!A0 "));
	ck_assert_ptr_null(strstr(r->body, "Grade"));
	ck_assert_ptr_null(strstr(r->body, "Potential"));
	ck_assert_str_eq(tdb_str(a, sql_export_audit, "i", it_user_id(user)),
	    arena_printf(a, "rows=1 columns=customer.code,customer.name,"
	    "customer.industry,customer.owner,customer.last_followup,"
	    "customer.created filter=q=%s", tag));

	/* Who may see the grade gets it. */
	r = http_get(admin, "%s", path);
	ck_status(r, 200);
	ck_assert_ptr_nonnull(strstr(r->body,
	    "Code,Full legal name,Industry,Grade,"));
	ck_assert_ptr_nonnull(strstr(r->body, ",Potential,"));
	tarena_free(a);
}
END_TEST

static Suite *
fieldsec_suite(void)
{
	Suite	*s = suite_create("fieldsec");
	TCase	*tc = it_tcase("fieldsec");

	tcase_add_test(tc, hidden_and_read_only_fields_hold_everywhere);
	tcase_add_test(tc, masked_numbers_and_audited_reads);
	tcase_add_test(tc, hidden_sealed_values_are_not_opened);
	tcase_add_test(tc, the_rules_form_takes_only_what_a_field_allows);
	tcase_add_test(tc, exports_leave_out_hidden_fields_and_are_audited);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(fieldsec_suite)
