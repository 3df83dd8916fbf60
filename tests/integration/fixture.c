/*
 * fixture.c - what the integration suites share.
 */
#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "password.h"
#include "token.h"

const struct login demo_director = { "director", "Director-Demo-2026" };
const struct login demo_rep1 = { "rep1", "Rep1-Demo-2026" };
const struct login demo_rep3 = { "rep3", "Rep3-Demo-2026" };
const struct login demo_agent = { "agent", "Agent-Demo-2026" };

static const char sql_user_id[] =
    "SELECT id FROM app_user WHERE login = ?";
static const char sql_user_insert[] =
    "INSERT INTO app_user (login, name, password_hash, must_change_pw,"
    " team_id, lang, password_changed_at)"
    " VALUES (?, ?, ?, ?, (SELECT id FROM team WHERE name = ?), 'en', NOW())";
static const char sql_user_role[] =
    "INSERT INTO user_role (user_id, role_id)"
    " SELECT u.id, r.id FROM app_user u JOIN role r ON r.code = ?"
    " WHERE u.login = ?";
static const char sql_mobile_used[] =
    "SELECT COUNT(*) FROM contact WHERE mobile = ?";
static const char sql_failures_clear[] =
    "DELETE FROM login_failure WHERE login LIKE CONCAT('%', ?, '%')";
static const char sql_sessions_clear[] =
    "DELETE s FROM session s JOIN app_user u ON u.id = s.user_id"
    " WHERE u.login LIKE CONCAT(?, '\\_%')";
static const char sql_users_retire[] =
    "UPDATE app_user SET active = 0 WHERE login LIKE CONCAT(?, '\\_%')";
/* Roles a run made have codes that start with its tag (it_unique). */
static const char sql_roles_unhold[] =
    "DELETE ur FROM user_role ur JOIN role r ON r.id = ur.role_id"
    " WHERE r.code LIKE CONCAT(?, '%')";
static const char sql_roles_ungrant[] =
    "DELETE rp FROM role_permission rp JOIN role r ON r.id = rp.role_id"
    " WHERE r.code LIKE CONCAT(?, '%')";
static const char sql_roles_drop[] =
    "DELETE FROM role WHERE code LIKE CONCAT(?, '%')";
/* Choice options a run made stay (records may use them), inactive. */
static const char sql_options_retire[] =
    "UPDATE choice SET active = 0 WHERE code LIKE CONCAT(?, '%')";

static const char sql_customer_state[] =
    "SELECT CONCAT_WS('|', c.version, c.name, c.industry, c.grade,"
    " c.owner_id, COALESCE(c.team_id, '-'), COALESCE(c.address, '-'),"
    " COALESCE(c.deleted_at, '-'), c.order_count, c.order_total,"
    " COALESCE(c.last_followup_at, '-'),"
    " (SELECT COALESCE(GROUP_CONCAT(k.id, ':', k.is_key, ':', k.name"
    "  ORDER BY k.id), '-') FROM contact k WHERE k.customer_id = c.id),"
    " (SELECT COALESCE(GROUP_CONCAT(f.id, ':', f.done ORDER BY f.id), '-')"
    "  FROM followup f WHERE f.customer_id = c.id),"
    " (SELECT COUNT(*) FROM customer_order o WHERE o.customer_id = c.id),"
    " (SELECT COUNT(*) FROM customer_need n WHERE n.customer_id = c.id),"
    " (SELECT COUNT(*) FROM audit_log l WHERE l.record_type = 'customer'"
    "  AND l.record_id = c.id))"
    " FROM customer c WHERE c.id = ?";
static const char sql_audit_count[] =
    "SELECT COUNT(*) FROM audit_log WHERE record_type = 'customer'"
    " AND record_id = ? AND action = ? AND (? IS NULL OR field = ?)"
    " AND (? IS NULL OR old_value = ?) AND (? IS NULL OR new_value = ?)";

static char		 tag[32];
static struct arena	*run_arena;
static char		*user_hash;	/* Argon2id of IT_PASSWORD */

int
it_init(void)
{
	if (http_base() == NULL) {
		fprintf(stderr, "CRM_TEST_BASE must be http://host:port\n");
		return -1;
	}
	if (getenv("CRM_TEST_DB_SOCKET") == NULL) {
		fprintf(stderr, "CRM_TEST_DB_SOCKET is not set\n");
		return -1;
	}
	snprintf(tag, sizeof(tag), "it%lx%lx", (unsigned long)getpid(),
	    (unsigned long)time(NULL) & 0xffffff);
	run_arena = tarena_new();
	if (crypto_init() == -1 ||
	    password_hash(run_arena, IT_PASSWORD, &user_hash) == -1) {
		fprintf(stderr, "cannot hash the test users' password\n");
		return -1;
	}
	return 0;
}

/*
 * Unchecked teardown: runs in the runner even when a test failed. The
 * runner then closes its connection, so that no test inherits it.
 */
static void
it_tcase_cleanup(void)
{
	tdb_exec(sql_failures_clear, "s", tag);
	tdb_close();
}

void
it_finish(void)
{
	tdb_exec(sql_failures_clear, "s", tag);
	tdb_exec(sql_sessions_clear, "s", tag);
	tdb_exec(sql_users_retire, "s", tag);
	tdb_exec(sql_roles_unhold, "s", tag);
	tdb_exec(sql_roles_ungrant, "s", tag);
	tdb_exec(sql_roles_drop, "s", tag);
	tdb_exec(sql_options_retire, "s", tag);
	tdb_close();
	tarena_free(run_arena);
}

TCase *
it_tcase(const char *name)
{
	TCase	*tc = tcase_create(name);

	tcase_set_timeout(tc, IT_TIMEOUT);
	tcase_add_unchecked_fixture(tc, NULL, it_tcase_cleanup);
	return tc;
}

const char *
it_tag(void)
{
	return tag;
}

char *
it_unique(struct arena *a)
{
	static unsigned	n;

	return arena_printf(a, "%sp%lxn%u", tag, (unsigned long)getpid(),
	    ++n);
}

/* xorshift64*, seeded per process: test data, not secrets. */
static uint64_t
it_random(void)
{
	static uint64_t	s;

	if (s == 0)
		s = ((uint64_t)getpid() << 32) ^ (uint64_t)time(NULL) ^
		    (uint64_t)clock() ^ 0x9e3779b97f4a7c15ULL;
	s ^= s >> 12;
	s ^= s << 25;
	s ^= s >> 27;
	return s * 2685821657736338717ULL;
}

char *
it_mobile(struct arena *a)
{
	char	*m;
	int	 tries;

	for (tries = 0; tries < 100; tries++) {
		m = arena_printf(a, "1%d%09llu", 3 + (int)(it_random() % 7),
		    (unsigned long long)(it_random() % 1000000000ULL));
		if (tdb_int(1, sql_mobile_used, "s", m) == 0)
			return m;
	}
	ck_abort_msg("no free mobile number found");
	return NULL;
}

char *
it_day(struct arena *a, int offset)
{
	char	*d;

	d = tdb_str(a, "SELECT CURDATE() + INTERVAL ? DAY", "i",
	    (long long)offset);
	ck_assert_ptr_nonnull(d);
	return d;
}

long long
it_user_id(const char *login)
{
	return tdb_int(-1, sql_user_id, "s", login);
}

const char *
it_user(struct arena *a, const char *suffix, const char *role,
    const char *team, int must_change)
{
	const char	*login = arena_printf(a, "%s_%s", tag, suffix);

	if (it_user_id(login) > 0)
		return login;
	tdb_exec(sql_user_insert, "sssis", login,
	    arena_printf(a, "集成测试 %s", suffix), user_hash,
	    (long long)must_change, team);
	ck_assert_int_eq(tdb_exec(sql_user_role, "ss", role, login), 1);
	return login;
}

struct browser *
it_browser(const char *login, const char *pw)
{
	struct browser	*b = browser_new();
	struct resp	*r = sign_in(b, login, pw);

	ck_assert_msg(r->status == 303, "sign-in of %s: HTTP %d: %.300s",
	    login, r->status, it_snippet(r));
	ck_assert_ptr_nonnull(browser_cookie(b, "crm_session"));
	ck_assert_ptr_nonnull(b->csrf);
	return b;
}

struct browser *
it_demo(const struct login *l)
{
	return it_browser(l->login, l->pw);
}

struct resp *
it_confirm(struct browser *b, const char *pw, const char *next)
{
	struct post	p;

	ck_status(http_get(b, "/confirm?next=%s", next), 200);
	post_init(&p, b);
	post_add(&p, "password", pw);
	post_add(&p, "next", next);
	return http_post(b, &p, "/confirm");
}

struct browser *
it_admin(struct arena *a, const char **login)
{
	const char	*l = it_user(a, it_unique(a), "admin", NULL, 0);
	struct browser	*b = it_browser(l, IT_PASSWORD);

	ck_redirect(it_confirm(b, IT_PASSWORD, "/admin"), "/admin");
	if (login != NULL)
		*login = l;
	return b;
}

/* --- customers ------------------------------------------------------- */

void
it_cust_defaults(struct cust *c, const char *name, const char *mobile)
{
	memset(c, 0, sizeof(*c));
	c->name = name;
	c->industry = "manufacturing";
	c->grade = "key";
	c->address = "上海市浦东新区张江路88号";
	c->products = "erp";
	c->budget = "100k_300k";
	c->purchase_date = "2027-03-31";
	c->satisfaction = "4";
	c->contact_name = "王小明";
	c->contact_title = "采购经理";
	c->contact_mobile = mobile;
	c->contact_email = "wang.xm@example.com";
}

/* Add name=value unless value is NULL. */
static void
post_opt(struct post *p, const char *name, const char *value)
{
	if (value != NULL)
		post_add(p, name, value);
}

/* One name=value per item of a comma-separated list, as checkboxes. */
static void
post_list(struct post *p, const char *name, const char *list)
{
	struct arena	*a;
	char		*items, *item, *save = NULL;

	if (list == NULL)
		return;
	if (strchr(list, ',') == NULL) {
		post_add(p, name, list);
		return;
	}
	a = tarena_new();
	items = arena_strdup(a, list);
	for (item = strtok_r(items, ",", &save); item != NULL;
	    item = strtok_r(NULL, ",", &save))
		post_add(p, name, item);
	tarena_free(a);
}

void
it_cust_post(struct post *p, const struct cust *c)
{
	post_opt(p, "name", c->name);
	post_opt(p, "industry", c->industry);
	post_opt(p, "grade", c->grade);
	post_opt(p, "address", c->address);
	post_list(p, "products", c->products);
	post_opt(p, "budget", c->budget);
	post_opt(p, "purchase_date", c->purchase_date);
	post_opt(p, "satisfaction", c->satisfaction);
	post_opt(p, "owner", c->owner);
	post_opt(p, "contact_name", c->contact_name);
	post_opt(p, "contact_title", c->contact_title);
	post_opt(p, "contact_mobile", c->contact_mobile);
	post_opt(p, "contact_email", c->contact_email);
	post_opt(p, "contact_preferences", c->contact_preferences);
}

struct resp *
it_cust_submit(struct browser *b, const struct cust *c)
{
	struct post	p;

	post_init(&p, b);
	it_cust_post(&p, c);
	return http_post(b, &p, "/customers");
}

struct resp *
it_cust_edit(struct browser *b, long long id, const struct cust *c,
    const char *version)
{
	struct post	p;

	post_init(&p, b);
	it_cust_post(&p, c);
	post_add(&p, "version", version);
	return http_post(b, &p, "/customers/%lld", id);
}

long long
it_cust_create(struct browser *b, const struct cust *c)
{
	struct resp	*r = it_cust_submit(b, c);
	long long	 id;

	ck_status(r, 303);
	id = it_location_id(r, "/customers/");
	ck_assert_msg(id > 0, "Location %s", resp_header(r, "Location"));
	return id;
}

long long
it_customer(struct browser *b, const char *name, const char *mobile)
{
	struct cust	 c;

	it_cust_defaults(&c, name, mobile);
	return it_cust_create(b, &c);
}

char *
it_customer_state(struct arena *a, long long id)
{
	char	*s = tdb_str(a, sql_customer_state, "i", id);

	ck_assert_msg(s != NULL, "no customer %lld", id);
	return s;
}

long long
it_audit_count(long long id, const char *action, const char *field,
    const char *old_value, const char *new_value)
{
	return tdb_int(-1, sql_audit_count, "isssssss", id, action, field,
	    field, old_value, old_value, new_value, new_value);
}

static const char sql_role_id[] = "SELECT id FROM role WHERE code = ?";

long long
it_role_id(const char *code)
{
	return tdb_int(-1, sql_role_id, "s", code);
}

/* The access rules asks for field, else others, else the one checked. */
static const char *
rule_pick(const struct it_rule *rules, size_t n, const char *others,
    const char *field, const char *checked)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(rules[i].field, field) == 0)
			return rules[i].access;
	return others != NULL ? others : checked;
}

struct resp *
it_rules_post(struct browser *b, long long role, const struct it_rule *rules,
    size_t n, const char *others)
{
	static const char	 mark[] = "type=\"radio\" name=\"";
	struct resp		*r;
	struct post		 p;
	const char		*at, *end, *quote, *v, *checked, *access;
	char			*field, *value;

	r = http_get(b, "/admin/roles/%lld/fields", role);
	ck_status(r, 200);
	post_init(&p, b);
	/* Each field once: at its checked radio button. */
	for (at = strstr(r->body, mark); at != NULL; at = strstr(at, mark)) {
		at += sizeof(mark) - 1;
		end = strchr(at, '>');
		quote = strchr(at, '"');
		v = quote != NULL ? strstr(quote, "value=\"") : NULL;
		checked = strstr(at, " checked");
		if (end == NULL || v == NULL || v > end || checked == NULL ||
		    checked > end)
			continue;
		field = arena_strndup(b->arena, at, (size_t)(quote - at));
		v += strlen("value=\"");
		value = arena_strndup(b->arena, v, strcspn(v, "\""));
		if ((access = rule_pick(rules, n, others, field, value)) !=
		    NULL)
			post_add(&p, field, access);
	}
	return http_post(b, &p, "/admin/roles/%lld/fields", role);
}

long long
it_location_id(const struct resp *r, const char *prefix)
{
	const char	*loc = resp_header(r, "Location");
	size_t		 n = strlen(prefix);

	if (loc == NULL || strncmp(loc, prefix, n) != 0 ||
	    !isdigit((unsigned char)loc[n]))
		return -1;
	return strtoll(loc + n, NULL, 10);
}

const char *
it_snippet(const struct resp *r)
{
	const char	*m = strstr(r->body, "<main");

	return m ? m : r->body;
}

void
it_check_status(const struct resp *r, int want, const char *file, int line)
{
	ck_assert_msg(r->status == want, "%s:%d: HTTP %d, expected %d: %.400s",
	    file, line, r->status, want, it_snippet(r));
}

void
it_check_redirect(const struct resp *r, const char *where, const char *file,
    int line)
{
	const char	*loc = resp_header(r, "Location");

	it_check_status(r, 303, file, line);
	ck_assert_msg(loc != NULL && strcmp(loc, where) == 0,
	    "%s:%d: redirected to %s, expected %s", file, line,
	    loc ? loc : "(nowhere)", where);
}

int
it_matches(const char *s, const char *pattern)
{
	regex_t	re;
	int	rc;

	ck_assert_int_eq(regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB), 0);
	rc = regexec(&re, s, 0, NULL, 0);
	regfree(&re);
	return rc == 0;
}

/* --- HTML ------------------------------------------------------------ */

char *
html_input(struct arena *a, const char *html, const char *name)
{
	const char	*p, *end, *v;
	char		*mark = arena_printf(a, "name=\"%s\"", name);

	if ((p = strstr(html, mark)) == NULL)
		return NULL;
	end = strchr(p, '>');
	if ((v = strstr(p, "value=\"")) == NULL || (end != NULL && v > end))
		return NULL;
	v += 7;
	if ((end = strchr(v, '"')) == NULL)
		return NULL;
	return arena_strndup(a, v, (size_t)(end - v));
}

int
html_field_error(const char *html, const char *name)
{
	char	mark[128];

	snprintf(mark, sizeof(mark), "id=\"%s-error\"", name);
	return strstr(html, mark) != NULL;
}

char *
html_next(struct arena *a, const char *html)
{
	static const char	 mark[] = "rel=\"next\" href=\"";
	const char		*p, *end;
	struct buf		 b;

	if ((p = strstr(html, mark)) == NULL)
		return NULL;
	p += sizeof(mark) - 1;
	if ((end = strchr(p, '"')) == NULL)
		return NULL;
	buf_init(&b, a);
	while (p < end) {
		if (strncmp(p, "&amp;", 5) == 0) {
			buf_putc(&b, '&');
			p += 5;
		} else
			buf_putc(&b, *p++);
	}
	return b.data;
}

size_t
html_ids(const char *html, long long *ids, size_t max)
{
	static const char	 mark[] = "<td><a href=\"/customers/";
	const char		*p = html;
	size_t			 n = 0;

	while (n < max && (p = strstr(p, mark)) != NULL) {
		p += sizeof(mark) - 1;
		ids[n++] = strtoll(p, NULL, 10);
	}
	return n;
}

int
html_has_id(const char *html, long long id)
{
	char	mark[64];

	snprintf(mark, sizeof(mark), "<td><a href=\"/customers/%lld\"", id);
	return strstr(html, mark) != NULL;
}
