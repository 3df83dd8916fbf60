/*
 * test_custom_fields.c - custom fields of customers: the admin screens,
 * the customer forms and pages, the list's columns, filters and sorts.
 *
 * Field codes carry the run's tag. Slots are few (sql/011), so after
 * each test its fields are dropped behind the application's back, with
 * their options, list columns and the values this run's customers hold:
 * the application itself never deletes a field.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "suite.h"

#define PAGE		50

static int
str_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static const char sql_field_id[] =
    "SELECT id FROM custom_field WHERE record_type = 'customer'"
    " AND code = ?";
static const char sql_field_count[] =
    "SELECT COUNT(*) FROM custom_field WHERE code = ?";
static const char sql_field_str[] =
    "SELECT CONCAT_WS('/', code, type, store, COALESCE(slot, '-'),"
    " label_en, label_zh, required, COALESCE(pattern, '-'), active)"
    " FROM custom_field WHERE id = ?";
static const char sql_field_audit[] =
    "SELECT COUNT(*) FROM audit_log WHERE record_type = 'custom_field'"
    " AND record_id = ? AND action = ? AND field = ?"
    " AND COALESCE(old_value, '-') = ? AND COALESCE(new_value, '-') = ?";
/* Every stored value of a customer but the multi rows, as one string. */
static const char sql_custom_row[] =
    "SELECT CONCAT_WS('|', t1, t2, t3, t4, t5, t6, n1, n2, n3, n4, d1, d2,"
    " d3, d4, l1, l2, l3, l4, HEX(s1), HEX(s2), HEX(s3), HEX(s4))"
    " FROM customer_custom WHERE customer_id = ?";
static const char sql_plaintext[] =
    "SELECT COUNT(*) FROM customer_custom WHERE customer_id = ?"
    " AND CONCAT_WS('|', t1, t2, t3, t4, t5, t6, l1, l2, l3, l4, s1, s2,"
    " s3, s4) LIKE CONCAT('%', ?, '%')";
static const char sql_sealed_count[] =
    "SELECT (COALESCE(LEFT(s1, 1), '') = 0x01) + (COALESCE(LEFT(s2, 1), '')"
    " = 0x01) + (COALESCE(LEFT(s3, 1), '') = 0x01)"
    " + (COALESCE(LEFT(s4, 1), '') = 0x01)"
    " FROM customer_custom WHERE customer_id = ?";
static const char sql_multi[] =
    "SELECT GROUP_CONCAT(code ORDER BY code) FROM customer_custom_multi"
    " WHERE customer_id = ?";

/* The clean-up: this run's fields and all that hangs off them. */
static const char sql_drop_columns[] =
    "DELETE FROM user_list_column WHERE field_id IN (SELECT id FROM"
    " custom_field WHERE code LIKE CONCAT(?, '%'))";
static const char sql_drop_multi[] =
    "DELETE FROM customer_custom_multi WHERE field_id IN (SELECT id FROM"
    " custom_field WHERE code LIKE CONCAT(?, '%'))";
static const char sql_drop_options[] =
    "DELETE FROM choice WHERE list LIKE CONCAT('cf\\_', ?, '%')";
static const char sql_drop_rules[] =
    "DELETE FROM role_field WHERE field LIKE CONCAT('cf\\_', ?, '%')";
static const char sql_drop_fields[] =
    "DELETE FROM custom_field WHERE code LIKE CONCAT(?, '%')";
static const char sql_drop_values[] =
    "UPDATE customer_custom cc JOIN customer c ON c.id = cc.customer_id"
    " SET t1 = NULL, t2 = NULL, t3 = NULL, t4 = NULL, t5 = NULL,"
    " t6 = NULL, n1 = NULL, n2 = NULL, n3 = NULL, n4 = NULL, d1 = NULL,"
    " d2 = NULL, d3 = NULL, d4 = NULL, l1 = NULL, l2 = NULL, l3 = NULL,"
    " l4 = NULL, s1 = NULL, s2 = NULL, s3 = NULL, s4 = NULL"
    " WHERE c.name LIKE CONCAT(?, '%')";

static void
fields_drop(void)
{
	tdb_exec(sql_drop_columns, "s", it_tag());
	tdb_exec(sql_drop_multi, "s", it_tag());
	tdb_exec(sql_drop_options, "s", it_tag());
	tdb_exec(sql_drop_rules, "s", it_tag());
	tdb_exec(sql_drop_fields, "s", it_tag());
	tdb_exec(sql_drop_values, "s", it_tag());
	tdb_close();
}

/* What the new field form gets besides code and labels; NULL: left out. */
struct fspec {
	const char	*type, *required, *pattern, *msg_en, *msg_zh;
	const char	*help_en;
};

static struct resp *
field_post(struct browser *b, const char *code, const struct fspec *s)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "rtype", "customer");
	post_add(&p, "code", code);
	post_add(&p, "type", s->type);
	post_add(&p, "label_en", arena_printf(b->arena, "F %s", code));
	post_add(&p, "label_zh", arena_printf(b->arena, "字段 %s", code));
	if (s->required != NULL)
		post_add(&p, "required", s->required);
	post_add(&p, "pattern", s->pattern ? s->pattern : "");
	post_add(&p, "pattern_msg_en", s->msg_en ? s->msg_en : "");
	post_add(&p, "pattern_msg_zh", s->msg_zh ? s->msg_zh : "");
	post_add(&p, "help_en", s->help_en ? s->help_en : "");
	post_add(&p, "help_zh", "");
	return http_post(b, &p, "/admin/fields");
}

/* A new field of this run (asserted): its code, in *id its id. */
static const char *
field_new(struct browser *b, const struct fspec *s, long long *id)
{
	const char	*code = it_unique(b->arena);
	struct resp	*r = field_post(b, code, s);

	ck_status(r, 303);
	*id = tdb_int(-1, sql_field_id, "s", code);
	ck_assert_int_gt(*id, 0);
	return code;
}

/* A sensitive field is hidden until a rule shows it: admins may edit it. */
static void
admin_may_edit(struct browser *b, const char *code)
{
	struct it_rule	 rule = { NULL, "edit" };
	long long	 role = it_role_id("admin");

	rule.field = arena_printf(b->arena, "customer.cf_%s", code);
	ck_redirect(it_rules_post(b, role, &rule, 1, NULL),
	    arena_printf(b->arena, "/admin/roles/%lld/fields?saved=1", role));
}

static void
option_add(struct browser *b, long long field, const char *code,
    const char *en, const char *zh)
{
	struct post	p;

	post_init(&p, b);
	post_add(&p, "code", code);
	post_add(&p, "label_en", en);
	post_add(&p, "label_zh", zh);
	ck_redirect(http_post(b, &p, "/admin/fields/%lld/options", field),
	    arena_printf(b->arena, "/admin/fields/%lld/options", field));
}

/* POST to a field's action ("/up", "/deactivate", ...). */
static struct resp *
field_action(struct browser *b, long long id, const char *action)
{
	struct post	p;

	post_init(&p, b);
	return http_post(b, &p, "/admin/fields/%lld%s", id, action);
}

static long long
field_audit(long long id, const char *action, const char *field,
    const char *old_value, const char *new_value)
{
	return tdb_int(-1, sql_field_audit, "issss", id, action, field,
	    old_value, new_value);
}

/*
 * POST a new customer, or with id the edit form of one, with custom
 * values: names and values in pairs, NULL-terminated.
 */
static struct resp *
cust_send(struct browser *b, const struct cust *cu, long long id,
    const char *version, const char *const *kv)
{
	struct post	p;

	post_init(&p, b);
	it_cust_post(&p, cu);
	for (; kv != NULL && kv[0] != NULL; kv += 2)
		post_add(&p, kv[0], kv[1]);
	if (id == 0)
		return http_post(b, &p, "/customers");
	post_add(&p, "version", version);
	return http_post(b, &p, "/customers/%lld", id);
}

static const char *
cf(struct arena *a, const char *code)
{
	return arena_printf(a, "cf_%s", code);
}

static const char sql_option_id[] =
    "SELECT id FROM choice WHERE list = ? AND code = ?";

/* POST to option code of field id, whose code is fcode ("/deactivate"). */
static struct resp *
option_action(struct browser *b, long long id, const char *fcode,
    const char *code, const char *action)
{
	struct post	 p;
	long long	 option;

	option = tdb_int(-1, sql_option_id, "ss", cf(b->arena, fcode), code);
	ck_assert_int_gt(option, 0);
	post_init(&p, b);
	return http_post(b, &p, "/admin/fields/%lld/options/%lld%s", id,
	    option, action);
}

START_TEST(every_type_can_be_made)
{
	static const char *const types[] = { "text", "longtext", "number",
	    "date", "choice", "multi", "idno", "bank" };
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	struct fspec	 s = { NULL, NULL, NULL, NULL, NULL, NULL };
	const char	*code, *row;
	struct resp	*r;
	long long	 id, choice = 0;
	size_t		 i;

	ck_status(http_get(adm, "/admin/fields"), 200);
	ck_status(http_get(adm, "/admin/fields/new?rtype=customer"), 200);
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		code = it_unique(a);
		s.type = types[i];
		s.help_en = "Ask the customer";
		r = field_post(adm, code, &s);
		id = tdb_int(-1, sql_field_id, "s", code);
		ck_assert_int_gt(id, 0);
		/* Choice types go on to their options. */
		ck_redirect(r, strcmp(s.type, "choice") == 0 ||
		    strcmp(s.type, "multi") == 0 ? arena_printf(a,
		    "/admin/fields/%lld/options", id) : "/admin/fields");
		row = tdb_str(a, sql_field_str, "i", id);
		ck_assert_msg(strstr(row, types[i]) != NULL, "%s", row);
		/* Multi choice values are rows: no slot. */
		ck_assert_int_eq(strstr(row, "/multi/-/") != NULL,
		    strcmp(types[i], "multi") == 0);
		ck_assert_int_eq(field_audit(id, "create", "code", "-", code),
		    1);
		ck_assert_int_eq(field_audit(id, "create", "type", "-",
		    types[i]), 1);
		if (strcmp(types[i], "choice") == 0)
			choice = id;
	}
	option_add(adm, choice, "gold", "Gold", "金牌");
	r = http_get(adm, "/admin/fields/%lld/options", choice);
	ck_status(r, 200);
	ck_assert(resp_has(r, "<code>gold</code>"));
	r = http_get(adm, "/admin/fields");
	ck_status(r, 200);
	ck_assert(resp_has(r, arena_printf(a, "<code>%s</code>", code)));
	/* The last, a bank account, is sensitive: hidden until a rule. */
	r = http_get(adm, "/customers/new");
	ck_status(r, 200);
	ck_assert(!resp_has(r, arena_printf(a, "F %s", code)));
	admin_may_edit(adm, code);
	r = http_get(adm, "/customers/new");
	ck_status(r, 200);
	ck_assert(resp_has(r, arena_printf(a, "F %s", code)));
	ck_assert(resp_has(r, ">Gold</option>"));
	ck_assert(resp_has(r, "Ask the customer"));
	/* Only choice types have options; unknown fields are not found. */
	ck_status(http_get(adm, "/admin/fields/%lld/options", id - 1), 404);
	ck_status(http_get(adm, "/admin/fields/99999999"), 404);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

/* A required choice field keeps one active option; an optional one not. */
START_TEST(a_required_choice_keeps_an_option)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	struct fspec	 s = { "choice", "1", NULL, NULL, NULL, NULL };
	const char	*code, *page;
	struct resp	*r;
	long long	 id, gold;

	code = field_new(adm, &s, &id);
	page = arena_printf(a, "/admin/fields/%lld/options", id);
	option_add(adm, id, "gold", "Gold", "金牌");
	r = option_action(adm, id, code, "gold", "/deactivate");
	ck_status(r, 409);
	ck_assert(resp_has(r, "the last active option"));
	ck_assert(resp_has(r, "<code>gold</code>"));
	gold = tdb_int(-1, sql_option_id, "ss", cf(a, code), "gold");
	ck_assert_int_eq(tdb_int(-1, "SELECT active FROM choice WHERE id = ?",
	    "i", gold), 1);
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log"
	    " WHERE record_type = 'choice' AND record_id = ?"
	    " AND action = 'deactivate'", "i", gold), 0);
	option_add(adm, id, "silver", "Silver", "银牌");
	ck_redirect(option_action(adm, id, code, "gold", "/deactivate"), page);
	ck_status(option_action(adm, id, code, "silver", "/deactivate"), 409);
	ck_redirect(option_action(adm, id, code, "gold", "/reactivate"), page);

	s.required = NULL;
	code = field_new(adm, &s, &id);
	option_add(adm, id, "gold", "Gold", "金牌");
	ck_redirect(option_action(adm, id, code, "gold", "/deactivate"),
	    arena_printf(a, "/admin/fields/%lld/options", id));
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(the_field_form_is_checked)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	struct fspec	 s = { "text", NULL, "[0-9", "Digits", "数字", NULL };
	const char	*code = it_unique(a), *taken, *row;
	struct resp	*r;
	struct post	 p;
	long long	 id, id2;
	int		 i;

	r = field_post(adm, "Bad Code!", &s);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "code"));
	ck_assert(html_field_error(r->body, "pattern"));
	ck_assert_str_eq(html_input(a, r->body, "pattern"), "[0-9");
	ck_assert_str_eq(html_input(a, r->body, "label_zh"),
	    "字段 Bad Code!");
	s.pattern = "[0-9]{6}";
	s.msg_zh = NULL;
	r = field_post(adm, code, &s);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "pattern_msg_zh"));
	s.type = "date";
	s.msg_zh = "数字";
	r = field_post(adm, code, &s);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "pattern"));
	ck_assert_int_eq(tdb_int(-1, sql_field_count, "s", code), 0);

	s.type = "text";
	taken = field_new(adm, &s, &id);
	r = field_post(adm, taken, &s);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "code"));
	ck_assert(resp_has(r, "already has a field with this code"));

	/* An edit changes labels and rules, never the code or the type. */
	r = http_get(adm, "/admin/fields/%lld", id);
	ck_status(r, 200);
	ck_assert_str_eq(html_input(a, r->body, "pattern"), "[0-9]{6}");
	post_init(&p, adm);
	post_add(&p, "label_en", "Postcode");
	post_add(&p, "label_zh", "邮编");
	post_add(&p, "required", "1");
	post_add(&p, "pattern", "(");
	post_add(&p, "pattern_msg_en", "Six digits");
	post_add(&p, "pattern_msg_zh", "六位数字");
	r = http_post(adm, &p, "/admin/fields/%lld", id);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "pattern"));
	ck_assert_str_eq(html_input(a, r->body, "label_en"), "Postcode");
	post_init(&p, adm);
	post_add(&p, "label_en", "Postcode");
	post_add(&p, "label_zh", "邮编");
	post_add(&p, "pattern", "[0-9]{6}");
	post_add(&p, "pattern_msg_en", "Six digits");
	post_add(&p, "pattern_msg_zh", "六位数字");
	post_add(&p, "code", "forged");
	post_add(&p, "type", "date");
	ck_redirect(http_post(adm, &p, "/admin/fields/%lld", id),
	    "/admin/fields");
	row = tdb_str(a, sql_field_str, "i", id);
	ck_assert_msg(str_starts(row, arena_printf(a, "%s/text/text/", taken)),
	    "%s", row);
	ck_assert_msg(strstr(row, "/Postcode/邮编/0/[0-9]{6}/1") != NULL, "%s",
	    row);
	ck_assert_int_eq(field_audit(id, "update", "label_en",
	    arena_printf(a, "F %s", taken), "Postcode"), 1);
	ck_assert_int_eq(field_audit(id, "update", "pattern_msg_en", "Digits",
	    "Six digits"), 1);

	/* Moving: the second field goes up, audited as a sort change. */
	field_new(adm, &s, &id2);
	ck_redirect(field_action(adm, id2, "/up"), "/admin/fields");
	ck_assert_int_lt(tdb_int(-1, "SELECT sort FROM custom_field"
	    " WHERE id = ?", "i", id2), tdb_int(-1, "SELECT sort FROM"
	    " custom_field WHERE id = ?", "i", id));
	ck_assert_int_ge(tdb_int(-1, "SELECT COUNT(*) FROM audit_log WHERE"
	    " record_type = 'custom_field' AND record_id = ? AND field ="
	    " 'sort'", "i", id2), 1);

	/* Four date slots: once they are taken, a date field has none. */
	s.type = "date";
	s.pattern = s.msg_en = s.msg_zh = NULL;
	for (i = 0; i < 5 && (r = field_post(adm, it_unique(a),
	    &s))->status == 303; i++)
		continue;
	ck_assert_int_le(i, 4);
	ck_status(r, 422);
	ck_assert(html_field_error(r->body, "type"));
	ck_assert(resp_has(r, "Every place for a field of this type is taken"));
	browser_free(adm);
	tarena_free(a);
}
END_TEST

/* The fields of the value tests, made by the admin. */
struct fieldset {
	const char	*text, *number, *date, *choice, *multi, *longtext;
	const char	*idno, *bank;
	long long	 text_id, multi_id;
};

static void
fieldset_make(struct browser *adm, struct fieldset *fs)
{
	struct fspec	 s = { "text", NULL, "[0-9]{6}", "Six digits, please",
	    "请输入六位数字", "The postcode of the head office" };
	long long	 id;

	fs->text = field_new(adm, &s, &fs->text_id);
	memset(&s, 0, sizeof(s));
	s.type = "number";
	s.required = "1";
	fs->number = field_new(adm, &s, &id);
	s.required = NULL;
	s.type = "date";
	fs->date = field_new(adm, &s, &id);
	s.type = "choice";
	fs->choice = field_new(adm, &s, &id);
	option_add(adm, id, "gold", "Gold", "金牌");
	option_add(adm, id, "silver", "Silver", "银牌");
	s.type = "multi";
	fs->multi = field_new(adm, &s, &fs->multi_id);
	option_add(adm, fs->multi_id, "a", "Alpha", "甲");
	option_add(adm, fs->multi_id, "b", "Beta", "乙");
	s.type = "longtext";
	fs->longtext = field_new(adm, &s, &id);
	s.type = "idno";
	fs->idno = field_new(adm, &s, &id);
	admin_may_edit(adm, fs->idno);
	s.type = "bank";
	fs->bank = field_new(adm, &s, &id);
	admin_may_edit(adm, fs->bank);
}

START_TEST(values_are_checked_saved_shown_and_audited)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	struct fieldset	 fs;
	struct cust	 cu;
	struct resp	*r;
	long long	 id;
	const char	*version;

	fieldset_make(adm, &fs);
	r = http_get(adm, "/customers/new");
	ck_status(r, 200);
	ck_assert(resp_has(r, "The postcode of the head office"));
	ck_assert(resp_has(r, arena_printf(a, "aria-describedby=\"%s-help\"",
	    cf(a, fs.text))));
	it_cust_defaults(&cu, arena_printf(a, "%s 自定义字段客户", it_tag()),
	    it_mobile(a));

	/* Wrong values: each gets its message, and is kept. */
	{
		const char *const kv[] = { cf(a, fs.text), "12x45",
		    cf(a, fs.number), "12,5", cf(a, fs.date), "2024-02-30",
		    cf(a, fs.choice), "platinum", cf(a, fs.multi), "c",
		    cf(a, fs.idno), "110105194912310021",
		    cf(a, fs.bank), "6222x", NULL };

		r = cust_send(adm, &cu, 0, NULL, kv);
		ck_status(r, 422);
		ck_assert(html_field_error(r->body, cf(a, fs.text)));
		ck_assert(resp_has(r, "Six digits, please"));
		ck_assert(html_field_error(r->body, cf(a, fs.number)));
		ck_assert(html_field_error(r->body, cf(a, fs.date)));
		ck_assert(html_field_error(r->body, cf(a, fs.choice)));
		ck_assert(html_field_error(r->body, cf(a, fs.multi)));
		ck_assert(html_field_error(r->body, cf(a, fs.idno)));
		ck_assert(html_field_error(r->body, cf(a, fs.bank)));
		ck_assert_str_eq(html_input(a, r->body, cf(a, fs.text)),
		    "12x45");
		ck_assert_str_eq(html_input(a, r->body, cf(a, fs.idno)),
		    "110105194912310021");
	}
	/* The required number, left out. */
	{
		const char *const kv[] = { cf(a, fs.text), "100080", NULL };

		r = cust_send(adm, &cu, 0, NULL, kv);
		ck_status(r, 422);
		ck_assert(html_field_error(r->body, cf(a, fs.number)));
		ck_assert(!html_field_error(r->body, cf(a, fs.text)));
	}
	{
		const char *const kv[] = { cf(a, fs.text), "100080",
		    cf(a, fs.number), "-0012.50", cf(a, fs.date), "2024-03-01",
		    cf(a, fs.choice), "gold", cf(a, fs.multi), "b",
		    cf(a, fs.multi), "a", cf(a, fs.longtext), "第一行\n第二行",
		    cf(a, fs.idno), "11010519491231002x",
		    cf(a, fs.bank), "6222 0212 3456 7890 123", NULL };

		r = cust_send(adm, &cu, 0, NULL, kv);
		ck_status(r, 303);
		id = it_location_id(r, "/customers/");
		ck_assert_int_gt(id, 0);
	}
	ck_assert_ptr_nonnull(strstr(tdb_str(a, sql_custom_row, "i", id),
	    "100080"));
	ck_assert_ptr_nonnull(strstr(tdb_str(a, sql_custom_row, "i", id),
	    "-12.5000"));
	ck_assert_str_eq(tdb_str(a, sql_multi, "i", id), "a,b");
	/* Sealed at rest: neither value is there as text. */
	ck_assert_int_eq(tdb_int(-1, sql_sealed_count, "i", id), 2);
	ck_assert_int_eq(tdb_int(-1, sql_plaintext, "is", id,
	    "11010519491231002X"), 0);
	ck_assert_int_eq(tdb_int(-1, sql_plaintext, "is", id,
	    "6222021234567890123"), 0);

	r = http_get(adm, "/customers/%lld", id);
	ck_status(r, 200);
	ck_assert(resp_has(r, "<dd>100080</dd>"));
	ck_assert(resp_has(r, "<dd>-12.5</dd>"));
	ck_assert(resp_has(r, "<dd>2024-03-01</dd>"));
	ck_assert(resp_has(r, "<dd>Gold</dd>"));
	ck_assert(resp_has(r, "<dd>Alpha, Beta</dd>"));
	ck_assert(resp_has(r, "<dd>11010519491231002X</dd>"));
	ck_assert(resp_has(r, "<dd>6222021234567890123</dd>"));
	ck_assert_int_eq(it_audit_count(id, "update", cf(a, fs.text), NULL,
	    "100080"), 1);
	ck_assert_int_eq(it_audit_count(id, "update", cf(a, fs.multi), NULL,
	    "a,b"), 1);
	ck_assert_int_eq(it_audit_count(id, "update_sealed", cf(a, fs.idno),
	    NULL, NULL), 1);
	/* The audit log holds no plaintext of a sealed field either. */
	ck_assert_int_eq(tdb_int(-1, "SELECT COUNT(*) FROM audit_log"
	    " WHERE record_type = 'customer' AND record_id = ?"
	    " AND CONCAT_WS('|', old_value, new_value) LIKE '%1101051949%'",
	    "i", id), 0);

	/* The edit form shows the values; a change is audited old and new. */
	r = http_get(adm, "/customers/%lld/edit", id);
	ck_status(r, 200);
	ck_assert_str_eq(html_input(a, r->body, cf(a, fs.number)), "-12.5");
	ck_assert(resp_has(r, "第一行\n第二行</textarea>"));
	version = html_input(a, r->body, "version");
	cu.contact_name = cu.contact_title = cu.contact_email = NULL;
	cu.contact_mobile = cu.contact_preferences = NULL;
	{
		const char *const kv[] = { cf(a, fs.text), "200080",
		    cf(a, fs.number), "7", cf(a, fs.date), "2024-03-01",
		    cf(a, fs.choice), "silver", cf(a, fs.multi), "a",
		    cf(a, fs.longtext), "第一行\n第二行",
		    cf(a, fs.idno), "11010519491231002X",
		    cf(a, fs.bank), "6222021234567890123", NULL };

		ck_redirect(cust_send(adm, &cu, id, version, kv),
		    arena_printf(a, "/customers/%lld", id));
	}
	ck_assert_int_eq(it_audit_count(id, "update", cf(a, fs.text),
	    "100080", "200080"), 1);
	ck_assert_int_eq(it_audit_count(id, "update", cf(a, fs.number),
	    "-12.5", "7"), 1);
	ck_assert_int_eq(it_audit_count(id, "update", cf(a, fs.multi), "a,b",
	    "a"), 1);
	ck_assert_int_eq(it_audit_count(id, "update", cf(a, fs.choice),
	    "gold", "silver"), 1);
	/* Unchanged values, sealed ones too, write no audit row. */
	ck_assert_int_eq(it_audit_count(id, "update", cf(a, fs.date), NULL,
	    NULL), 1);
	ck_assert_int_eq(it_audit_count(id, "update_sealed", cf(a, fs.idno),
	    NULL, NULL), 1);
	ck_assert_str_eq(tdb_str(a, sql_multi, "i", id), "a");
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(a_deactivated_field_keeps_its_values)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	struct fspec	 s = { "text", "1", NULL, NULL, NULL, NULL };
	const char	*code, *version;
	struct cust	 cu;
	struct resp	*r;
	long long	 fid, id;

	code = field_new(adm, &s, &fid);
	it_cust_defaults(&cu, arena_printf(a, "%s 停用字段客户", it_tag()),
	    it_mobile(a));
	{
		const char *const kv[] = { cf(a, code), "kept 保留", NULL };

		r = cust_send(adm, &cu, 0, NULL, kv);
		ck_status(r, 303);
		id = it_location_id(r, "/customers/");
	}
	ck_redirect(field_action(adm, fid, "/deactivate"), "/admin/fields");
	ck_assert_int_eq(field_audit(fid, "deactivate", "active", "1", "0"), 1);
	r = http_get(adm, "/customers/new");
	ck_status(r, 200);
	ck_assert(!resp_has(r, cf(a, code)));
	/*
	 * Out of sight, history too: its rules are not in force while it
	 * is inactive, so nothing of it may show.
	 */
	r = http_get(adm, "/customers/%lld", id);
	ck_status(r, 200);
	ck_assert(!resp_has(r, "<dd>kept 保留</dd>"));
	ck_assert(!resp_has(r, "kept 保留"));

	/* Saving without it (it was required) keeps its value. */
	r = http_get(adm, "/customers/%lld/edit", id);
	ck_status(r, 200);
	version = html_input(a, r->body, "version");
	cu.contact_name = cu.contact_title = cu.contact_email = NULL;
	cu.contact_mobile = cu.contact_preferences = NULL;
	cu.address = "北京市海淀区中关村大街1号";
	ck_redirect(cust_send(adm, &cu, id, version, NULL),
	    arena_printf(a, "/customers/%lld", id));
	ck_assert_ptr_nonnull(strstr(tdb_str(a, sql_custom_row, "i", id),
	    "kept 保留"));

	ck_redirect(field_action(adm, fid, "/reactivate"), "/admin/fields");
	ck_assert_int_eq(field_audit(fid, "reactivate", "active", "0", "1"), 1);
	r = http_get(adm, "/customers/%lld", id);
	ck_status(r, 200);
	ck_assert(resp_has(r, "<dd>kept 保留</dd>"));
	ck_assert(resp_has(r, "<td>kept 保留</td>"));
	ck_redirect(field_action(adm, fid, "/deactivate"), "/admin/fields");
	browser_free(adm);
	tarena_free(a);
}
END_TEST

/* GET a list page (asserted 200): the customer ids of its rows. */
static size_t
list_ids(struct browser *b, const char *path, long long *ids, size_t max,
    char **next)
{
	struct resp	*r = http_get(b, "%s", path);

	ck_status(r, 200);
	if (next != NULL)
		*next = html_next(b->arena, r->body);
	return html_ids(r->body, ids, max);
}

#define NCUST	53

START_TEST(lists_show_filter_and_sort_by_custom_fields)
{
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL);
	struct browser	*rep = it_browser(it_user(a, "cfrep", "sales_rep",
	    NULL, 0), IT_PASSWORD);
	struct fieldset	 fs;
	struct cust	 cu;
	struct resp	*r;
	struct post	 p;
	long long	 ids[NCUST], got[PAGE + 1];
	char		*next, num[16], day[16], text[16];
	size_t		 n, i;

	fieldset_make(adm, &fs);
	/* The number is required: it is optional here, for empty values. */
	{
		struct post	q;
		long long	id = tdb_int(-1, sql_field_id, "s", fs.number);

		post_init(&q, adm);
		post_add(&q, "label_en", "Score");
		post_add(&q, "label_zh", "评分");
		ck_redirect(http_post(adm, &q, "/admin/fields/%lld", id),
		    "/admin/fields");
	}
	/*
	 * Customer i has number 50 - i for i < 51 (none after), the text
	 * t<i>, gold when i is even, option a when i is a multiple of 3.
	 */
	for (i = 0; i < NCUST; i++) {
		snprintf(num, sizeof(num), "%d", 50 - (int)i);
		snprintf(day, sizeof(day), "2024-01-%02d", 1 + (int)i % 28);
		snprintf(text, sizeof(text), "t%zu", i);
		const char *const kv[] = { cf(a, fs.number), i < 51 ? num : "",
		    cf(a, fs.date), day, cf(a, fs.text), "100080",
		    cf(a, fs.choice), i % 2 ? "silver" : "gold",
		    cf(a, fs.multi), i % 3 ? "b" : "a",
		    cf(a, fs.longtext), text, NULL };

		it_cust_defaults(&cu, arena_printf(a, "%s 列表客户 %zu",
		    it_tag(), i), it_mobile(a));
		r = cust_send(rep, &cu, 0, NULL, kv);
		ck_status(r, 303);
		ids[i] = it_location_id(r, "/customers/");
	}

	/* Columns: chosen per user, shown with labels. */
	ck_status(http_get(rep, "/customers"), 200);
	post_init(&p, rep);
	post_add(&p, "col", fs.number);
	post_add(&p, "col", fs.choice);
	post_add(&p, "col", fs.multi);
	ck_redirect(http_post(rep, &p, "/customers/columns"), "/customers");
	r = http_get(rep, "/customers?sort=cf_%s&dir=asc", fs.number);
	ck_status(r, 200);
	ck_assert(resp_has(r, "Score <span aria-hidden=\"true\">▲</span></a></th>"));
	ck_assert(resp_has(r, arena_printf(a, "<th scope=\"col\">F %s</th>",
	    fs.choice)));
	ck_assert(resp_has(r, "<td>Silver</td>"));
	ck_assert(resp_has(r, "<td>Alpha</td>"));
	/* Ascending: customer 50 (0) first, the two without a value last. */
	n = list_ids(rep, arena_printf(a, "/customers?sort=cf_%s&dir=asc",
	    fs.number), got, PAGE + 1, &next);
	ck_assert_int_eq(n, PAGE);
	for (i = 0; i < PAGE; i++)
		ck_assert_int_eq(got[i], ids[50 - i]);
	ck_assert_ptr_nonnull(next);
	n = list_ids(rep, next, got, PAGE + 1, &next);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(got[0], ids[0]);
	ck_assert_int_eq(got[1], ids[51]);
	ck_assert_int_eq(got[2], ids[52]);
	ck_assert_ptr_null(next);
	/* Descending: values from the largest, the empty ones still last. */
	n = list_ids(rep, arena_printf(a, "/customers?sort=cf_%s&dir=desc",
	    fs.number), got, PAGE + 1, &next);
	ck_assert_int_eq(got[0], ids[0]);
	ck_assert_int_eq(got[49], ids[49]);
	n = list_ids(rep, next, got, PAGE + 1, &next);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(got[0], ids[50]);
	ck_assert_int_eq(got[1], ids[52]);
	ck_assert_int_eq(got[2], ids[51]);

	/* A number range, in the field's order. */
	n = list_ids(rep, arena_printf(a, "/customers?cf=%s&cfmin=10"
	    "&cfmax=19.5", fs.number), got, PAGE + 1, NULL);
	ck_assert_int_eq(n, 10);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(got[i], ids[40 - i]);
	/* A date range: days 1 and 2 of the month. */
	n = list_ids(rep, arena_printf(a, "/customers?cf=%s&cfmin=2024-01-01"
	    "&cfmax=2024-01-02", fs.date), got, PAGE + 1, NULL);
	ck_assert_int_eq(n, 4);	/* 0, 1, 28, 29 */
	/* One option of a single choice, with another filter and a term. */
	n = list_ids(rep, arena_printf(a, "/customers?cf=%s&cfv=gold",
	    fs.choice), got, PAGE + 1, NULL);
	ck_assert_int_eq(n, 27);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(got[i], ids[2 * i]);
	n = list_ids(rep, arena_printf(a, "/customers?cf=%s&cfv=gold&q=%s",
	    fs.choice, http_escape(a, "列表客户 12")), got, PAGE + 1, NULL);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(got[0], ids[12]);
	/* Has option a: every third customer, in customer order. */
	n = list_ids(rep, arena_printf(a, "/customers?cf=%s&cfv=a", fs.multi),
	    got, PAGE + 1, NULL);
	ck_assert_int_eq(n, 18);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(got[i], ids[3 * i]);
	/* Text equality. */
	n = list_ids(rep, arena_printf(a, "/customers?cf=%s&cfv=100080",
	    fs.text), got, PAGE + 1, NULL);
	ck_assert_int_eq(n, PAGE);
	n = list_ids(rep, arena_printf(a, "/customers?cf=%s&cfv=100081",
	    fs.text), got, PAGE + 1, NULL);
	ck_assert_int_eq(n, 0);
	/* An option that does not exist filters nothing out. */
	n = list_ids(rep, arena_printf(a, "/customers?cf=%s&cfv=nope",
	    fs.choice), got, PAGE + 1, NULL);
	ck_assert_int_eq(n, PAGE);
	/* Sensitive and long text fields are neither filters nor sorts. */
	n = list_ids(rep, arena_printf(a, "/customers?cf=%s&cfv=t3",
	    fs.longtext), got, PAGE + 1, NULL);
	ck_assert_int_eq(n, PAGE);
	r = http_get(rep, "/customers");
	ck_assert(!resp_has(r, arena_printf(a, "value=\"%s\"", fs.idno)));
	ck_assert(!resp_has(r, arena_printf(a, "value=\"%s\"", fs.longtext)));

	/* Unchecking every box removes the columns. */
	post_init(&p, rep);
	ck_redirect(http_post(rep, &p, "/customers/columns"), "/customers");
	r = http_get(rep, "/customers");
	ck_assert(!resp_has(r, "Score</a></th>"));
	ck_assert(!resp_has(r, "<td>Silver</td>"));
	browser_free(rep);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

static const char sql_reads[] =
    "SELECT COUNT(*) FROM audit_log WHERE record_type = 'customer_read'"
    " AND record_id = ? AND action = 'read_sensitive'"
    " AND FIND_IN_SET(?, new_value) > 0";

/*
 * A role's field rules hold for custom fields as for built-in ones: a
 * hidden one is on no page, in no history, list, filter or export; a
 * masked one shows masked and cannot be filtered on; full reads of a
 * sensitive one are audited.
 */
START_TEST(field_rules_hold_for_custom_fields)
{
	static const char idno[] = "11010519491231002X";
	struct arena	*a = tarena_new();
	struct browser	*adm = it_admin(a, NULL), *b;
	struct fspec	 s = { "text", NULL, NULL, NULL, NULL, NULL };
	struct it_rule	 rules[2];
	const char	*text, *sealed, *code, *secret, *version;
	struct post	 p;
	struct resp	*r;
	struct cust	 cu;
	long long	 id, role;

	text = field_new(adm, &s, &id);
	s.type = "idno";
	sealed = field_new(adm, &s, &id);
	admin_may_edit(adm, sealed);

	/* A copy of the sales director: the text hidden, the number masked. */
	post_init(&p, adm);
	post_add(&p, "code", code = it_unique(a));
	post_add(&p, "name_en", "Custom rules role");
	post_add(&p, "name_zh", "自定义字段规则角色");
	r = http_post(adm, &p, "/admin/roles/%lld/copy",
	    it_role_id("sales_director"));
	ck_assert_int_gt(role = it_location_id(r, "/admin/roles/"), 0);
	rules[0].field = arena_printf(a, "customer.cf_%s", text);
	rules[0].access = "hidden";
	rules[1].field = arena_printf(a, "customer.cf_%s", sealed);
	rules[1].access = "masked";
	r = http_get(adm, "/admin/roles/%lld/fields", role);
	ck_assert(resp_has(r, arena_printf(a, "F %s", sealed)));
	ck_redirect(it_rules_post(adm, role, rules, 2, NULL),
	    arena_printf(a, "/admin/roles/%lld/fields?saved=1", role));

	b = it_browser(it_user(a, "cfrules", code, NULL, 0), IT_PASSWORD);

	/* The user's own customer; the admin sets both values. */
	secret = arena_printf(a, "秘密 %s", it_unique(a));
	it_cust_defaults(&cu, arena_printf(a, "%s 规则客户", it_tag()),
	    it_mobile(a));
	id = it_cust_create(b, &cu);
	r = http_get(adm, "/customers/%lld/edit", id);
	ck_status(r, 200);
	version = html_input(a, r->body, "version");
	cu.contact_name = cu.contact_title = cu.contact_email = NULL;
	cu.contact_mobile = cu.contact_preferences = NULL;
	{
		const char *const kv[] = { cf(a, text), secret,
		    cf(a, sealed), idno, NULL };

		ck_redirect(cust_send(adm, &cu, id, version, kv),
		    arena_printf(a, "/customers/%lld", id));
	}
	/* The admin sees both; the full number is an audited read. */
	r = http_get(adm, "/customers/%lld", id);
	ck_assert(resp_has(r, arena_printf(a, "<dd>%s</dd>", secret)));
	ck_assert(resp_has(r, arena_printf(a, "<dd>%s</dd>", idno)));
	ck_assert_int_eq(tdb_int(-1, sql_reads, "is", id, cf(a, sealed)), 1);

	/* The user: no text, its label or its history; the number masked. */
	r = http_get(b, "/customers/%lld", id);
	ck_status(r, 200);
	ck_assert(!resp_has(r, secret));
	ck_assert(!resp_has(r, arena_printf(a, "F %s", text)));
	ck_assert(!resp_has(r, cf(a, text)));
	ck_assert(resp_has(r, "<dd>110***********002X</dd>"));
	ck_assert(!resp_has(r, idno));
	ck_assert_int_eq(tdb_int(-1, sql_reads, "is", id, cf(a, sealed)), 1);
	r = http_get(b, "/customers/%lld/edit", id);
	ck_status(r, 200);
	ck_assert(!resp_has(r, secret));
	ck_assert(!resp_has(r, idno));
	ck_assert(html_input(a, r->body, cf(a, sealed)) == NULL);

	/* Neither is a column, a filter or a sort; forged ones are ignored. */
	post_init(&p, b);
	post_add(&p, "col", text);
	post_add(&p, "col", sealed);
	ck_redirect(http_post(b, &p, "/customers/columns"), "/customers");
	r = http_get(b, "/customers?q=%s", it_tag());
	ck_status(r, 200);
	ck_assert(!resp_has(r, arena_printf(a, "value=\"%s\"", text)));
	ck_assert(!resp_has(r, secret));
	r = http_get(b, "/customers?cf=%s&cfv=nothing", text);
	ck_status(r, 200);
	ck_assert(html_has_id(r->body, id));
	r = http_get(b, "/customers?sort=cf_%s", sealed);
	ck_status(r, 200);
	ck_assert(resp_has(r, "name=\"sort\" value=\"name\""));
	r = http_get(b, "/customers/export?q=%s", it_tag());
	ck_status(r, 200);
	ck_assert(!resp_has(r, secret));
	ck_assert(!resp_has(r, idno));
	browser_free(b);
	browser_free(adm);
	tarena_free(a);
}
END_TEST

START_TEST(only_admins_edit_fields)
{
	struct arena	*a = tarena_new();
	struct browser	*rep = it_demo(&demo_rep1);
	struct browser	*dir = it_demo(&demo_director);
	struct fspec	 s = { "text", NULL, NULL, NULL, NULL, NULL };
	const char	*code = it_unique(a);

	ck_status(http_get(rep, "/admin/fields"), 403);
	ck_status(http_get(dir, "/admin/fields/new"), 403);
	ck_status(field_post(rep, code, &s), 403);
	ck_status(field_post(dir, code, &s), 403);
	ck_assert_int_eq(tdb_int(-1, sql_field_count, "s", code), 0);
	browser_free(rep);
	browser_free(dir);
	tarena_free(a);
}
END_TEST

static Suite *
custom_fields_suite(void)
{
	Suite	*s = suite_create("custom_fields");
	TCase	*tc = it_tcase("custom_fields");

	tcase_add_checked_fixture(tc, NULL, fields_drop);
	tcase_add_test(tc, every_type_can_be_made);
	tcase_add_test(tc, a_required_choice_keeps_an_option);
	tcase_add_test(tc, the_field_form_is_checked);
	tcase_add_test(tc, values_are_checked_saved_shown_and_audited);
	tcase_add_test(tc, a_deactivated_field_keeps_its_values);
	tcase_add_test(tc, lists_show_filter_and_sort_by_custom_fields);
	tcase_add_test(tc, field_rules_hold_for_custom_fields);
	tcase_add_test(tc, only_admins_edit_fields);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(custom_fields_suite)
