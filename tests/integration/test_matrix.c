/*
 * test_matrix.c - the access matrix, walked whole: every route of every
 * program (as "PROGRAM --routes" prints it) by every role (as the
 * database grants it), and by nobody signed in or someone whose password
 * change is due.
 *
 * Without the grant a route answers 403; with it the request gets
 * through; a customer, opportunity or contract outside the grant's scope
 * answers 404 and stays as it was, with its quote. The ids and names in a
 * pattern come from the id table below: a route whose pattern it cannot
 * fill fails the test, so no route goes untested.
 * Requests that may change something run against records made for them.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "dbtest.h"
#include "fixture.h"
#include "http.h"
#include "keep.h"
#include "suite.h"

#define MAX_ROUTES	256
#define MAX_ROLES	64
/* Check refuses a message beyond 4 KiB: the failures spelled out fit. */
#define MAX_SHOWN_LEN	3000
/* Makes the records: it must be able to create customers for anyone. */
#define MAKER_ROLE	"admin"

static const char sql_roles[] =
    "SELECT id FROM role WHERE code NOT REGEXP '^it[0-9a-f]{6}'"
    " ORDER BY id";
static const char sql_role_code[] =
    "SELECT code FROM role WHERE id = ?";
static const char sql_grant[] =
    "SELECT scope FROM role_permission WHERE role_id = ?"
    " AND record_type = ? AND action = ?";
static const char sql_team_make[] =
    "INSERT IGNORE INTO team (name) VALUES (?)";
static const char sql_first_contact[] =
    "SELECT MIN(id) FROM contact WHERE customer_id = ?";
static const char sql_first_followup[] =
    "SELECT MIN(id) FROM followup WHERE customer_id = ?";
static const char sql_last_id[] =
    "SELECT LAST_INSERT_ID()";
static const char sql_user_make[] =
    "INSERT INTO app_user (login, name, password_hash, lang)"
    " VALUES (?, ?, '-', 'en')";
static const char sql_role_make[] =
    "INSERT INTO role (code, name_en, name_zh) VALUES (?, ?, ?)";
/*
 * An inactive option of the industry list (SLOT_CHOICE_LIST), last
 * and on the list's grid of sorts, as the editor adds one.
 */
static const char sql_option_make[] =
    "INSERT INTO choice (list, code, label_en, label_zh, sort, active)"
    " SELECT 'industry', ?, ?, ?, MAX(sort) + 10, 0 FROM choice"
    " WHERE list = 'industry'";
static const char sql_customer_code[] =
    "SELECT code FROM customer WHERE id = ?";
/* Everything about an opportunity a request could change. */
static const char sql_opportunity_state[] =
    "SELECT CONCAT_WS('|', o.version, o.name, o.stage, o.probability,"
    " o.amount, o.owner_id, COALESCE(o.close_reason, '-'),"
    " COALESCE(o.probability_confirmed_by, '-'),"
    " (SELECT COUNT(*) FROM opportunity_stage_change h"
    "  WHERE h.opportunity_id = o.id))"
    " FROM opportunity o WHERE o.id = ?";
/* Everything about a quote a request could change. */
static const char sql_quote_state[] =
    "SELECT CONCAT_WS('|', q.status, q.version, q.total, q.valid_until,"
    " (SELECT COUNT(*) FROM quote_line l WHERE l.quote_id = q.id))"
    " FROM quote q WHERE q.id = ?";
/*
 * A draft contract of an opportunity, as the contracts program would
 * make it of a won one (the code, "HTX" and the opportunity's id, is
 * outside the program's series), with one instalment of its total.
 */
static const char sql_contract_make[] =
    "INSERT INTO contract (code, opportunity_id, customer_id, owner_id,"
    " team_id, title, total, sign_date, start_date, end_date, created_by)"
    " SELECT CONCAT('HTX', id), id, customer_id, owner_id, team_id, name,"
    " amount, CURDATE(), CURDATE(), CURDATE() + INTERVAL 1 YEAR, owner_id"
    " FROM opportunity WHERE id = ?";
static const char sql_instalment_make[] =
    "INSERT INTO contract_instalment (contract_id, position, due_date,"
    " amount, owner_id, team_id) SELECT id, 1, CURDATE() + INTERVAL 30 DAY,"
    " total, owner_id, team_id FROM contract WHERE opportunity_id = ?";
static const char sql_contract_of[] =
    "SELECT id FROM contract WHERE opportunity_id = ?";
/* Everything about a contract a request could change. */
static const char sql_contract_state[] =
    "SELECT CONCAT_WS('|', k.status, k.version, k.paid,"
    " (SELECT COUNT(*) FROM contract_instalment i"
    "  WHERE i.contract_id = k.id),"
    " (SELECT COUNT(*) FROM contract_approval a"
    "  WHERE a.contract_id = k.id))"
    " FROM contract k WHERE k.id = ?";
/*
 * An inactive custom field, a multiple choice one (it takes no slot), and
 * an inactive option of it: the field is the id before it in the path.
 */
static const char sql_field_make[] =
    "INSERT INTO custom_field (record_type, code, type, store, label_en,"
    " label_zh, sort, active) VALUES ('customer', ?, 'multi', 'multi', ?,"
    " ?, 1000000, 0)";
static const char sql_field_option_make[] =
    "INSERT INTO choice (list, code, label_en, label_zh, sort, active)"
    " SELECT CONCAT('cf_', code), ?, ?, ?, 10, 0 FROM custom_field"
    " WHERE id = ?";
/* A payment of the contract before it in the path. */
static const char sql_payment_make[] =
    "INSERT INTO contract_payment (contract_id, paid_on, amount, method,"
    " reference, note, created_by) SELECT k.id, CURDATE(), 1,"
    " 'bank_transfer', ?, CONCAT(?, ?), k.created_by FROM contract k"
    " WHERE k.id = ?";
/* A stage rule for a stage nobody enters (its name is fresh). */
static const char sql_stage_recipient_make[] =
    "INSERT INTO stage_recipient (stage, role_id) SELECT ?, MIN(id) FROM role";
/* A notification as the stage rules write one, with the unread count. */
static const char sql_notification_make[] =
    "INSERT INTO notification (user_id, kind, opportunity_id, to_stage)"
    " VALUES (?, 'stage', ?, 'lead')";
static const char sql_unread_add[] =
    "UPDATE app_user SET unread_notifications = unread_notifications + 1"
    " WHERE id = ?";
static const char sql_session_previews[] =
    "SELECT COUNT(*) FROM session WHERE token_hash = SHA2(?, 256)"
    " AND preview_role_id IS NOT NULL";

/* Where a customer stands to the user: the scope it needs (index + 1). */
enum pos {
	POS_OWN,
	POS_MATE,
	POS_OTHER,
	POS__MAX
};

static const char *const pos_names[POS__MAX] = {
	"own customer", "teammate's customer", "other team's customer"
};

enum slot_kind {
	SLOT_CUSTOMER,
	SLOT_CONTACT,		/* of the customer before it */
	SLOT_FOLLOWUP,		/* likewise */
	SLOT_OPPORTUNITY,	/* on the customer, with its owner */
	SLOT_QUOTE,		/* of the opportunity before it */
	SLOT_CONTRACT,		/* of the opportunity, with its owner */
	SLOT_NOTIFICATION,	/* the subject's own, on its opportunity */
	SLOT_CHOICE_LIST,	/* a registered list's name: industry */
	SLOT_REPORT,		/* a report's name: funnel */
	SLOT_MADE		/* a record made by the slot's statement */
};

/*
 * The id table: for each "%d" (or "%s") of a pattern, the pattern up to
 * it says what the id (or name) is. SLOT_MADE records come from an INSERT whose every ?
 * (three at most) is one fresh name: the run's tag, "_" and at most 12
 * more characters, so that the clean-up finds users; a fourth ?, if
 * any, is the id before it in the path.
 * A new route with an id needs its line here.
 */
static const struct slot {
	const char	*prefix;
	enum slot_kind	 kind;
	const char	*make, *types;
} slots[] = {
	{ "/customers/%d", SLOT_CUSTOMER, NULL, NULL },
	{ "/customers/%d/contacts/%d", SLOT_CONTACT, NULL, NULL },
	{ "/customers/%d/followups/%d", SLOT_FOLLOWUP, NULL, NULL },
	{ "/opportunities/%d", SLOT_OPPORTUNITY, NULL, NULL },
	{ "/opportunities/%d/quotes/%d", SLOT_QUOTE, NULL, NULL },
	{ "/contracts/%d", SLOT_CONTRACT, NULL, NULL },
	{ "/contracts/%d/payments/%d", SLOT_MADE, sql_payment_make, "sssi" },
	{ "/admin/users/%d", SLOT_MADE, sql_user_make, "ss" },
	{ "/admin/teams/%d", SLOT_MADE, sql_team_make, "s" },
	{ "/admin/roles/%d", SLOT_MADE, sql_role_make, "sss" },
	{ "/admin/choices/%s", SLOT_CHOICE_LIST, NULL, NULL },
	{ "/reports/%s", SLOT_REPORT, NULL, NULL },
	{ "/admin/choices/%s/options/%d", SLOT_MADE, sql_option_make, "sss" },
	{ "/admin/fields/%d", SLOT_MADE, sql_field_make, "sss" },
	{ "/admin/fields/%d/options/%d", SLOT_MADE, sql_field_option_make,
	    "sssi" },
	{ "/opportunities/rules/recipients/%d", SLOT_MADE,
	    sql_stage_recipient_make, "s" },
	{ "/inbox/%d", SLOT_NOTIFICATION, NULL, NULL },
};
#define NSLOTS	(sizeof(slots) / sizeof(slots[0]))

struct mroute {
	const char	*program, *method, *pattern, *rtype, *action;
	int		 post, public, pwchange, reauth;
	int		 scoped;	/* has an id of a record with an owner */
	int		 nested;	/* and an id of one of its records */
};

/* A customer with a contact, a follow-up and an opportunity with a
 * quote and a contract, and an unread notification of it for the
 * customer's owner. */
struct recs {
	long long	 customer, contact, followup, opportunity, quote;
	long long	 contract, notification;
};

/*
 * Who sends the requests: a login, or nobody (signed out). The browser
 * is made when needed, and again after a request ended its session.
 */
struct subject {
	const char	*login;
	const char	*who;		/* for messages */
	struct browser	*b;
	const char	*session;	/* the cookie b signed in with */
	int		 confirmed;	/* for the admin screens */
};

struct walk {
	struct arena	*a;
	struct mroute	 routes[MAX_ROUTES];
	size_t		 nroutes;
	struct browser	*maker;
	const char	*team;		/* the users' own (teammates') team */
	long long	 owner[POS__MAX];
	/* Records for requests that must change nothing, and their state. */
	struct recs	 shared[POS__MAX];
	char		*state[POS__MAX];
	long long	 made[NSLOTS];
	struct subject	 s;
	struct buf	 fails;
	int		 nfails;
};

/*
 * Allowed: neither 403, 404 nor 5xx, nor a detour to sign in, confirm
 * the password or change it; a GET answers 200 or a redirect.
 */
enum want {
	WANT_ALLOWED,
	WANT_DENIED,		/* 403: no grant */
	WANT_HIDDEN,		/* 404: out of scope */
	WANT_FOREIGN,		/* another record's contact, follow-up, quote */
	WANT_SIGN_IN,		/* signed out */
	WANT_PASSWORD		/* password change due */
};

static const char *const want_names[] = {
	"allowed", "403", "404", "404 (GET) or no write (POST)",
	"a refusal to sign in", "303 to /password"
};

/* --- the route tables ------------------------------------------------ */

/* The instance's programs: those of $CRM_BUILD, else build/rel. */
static const char *
programs_dir(struct arena *a)
{
	const char	*build = getenv("CRM_BUILD"), *dir;
	struct stat	 st;

	if (build != NULL) {
		dir = arena_printf(a, "%s/cgi-bin", build);
		if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
			return dir;
	}
	dir = "build/rel/cgi-bin";
	ck_assert_msg(stat(dir, &st) == 0 && S_ISDIR(st.st_mode),
	    "no programs: neither $CRM_BUILD/cgi-bin (CRM_BUILD=%s) nor %s"
	    " (run from the repository root after make)",
	    build ? build : "unset", dir);
	return dir;
}

static const struct slot *
slot_find(const char *pattern, size_t len)
{
	size_t	i;

	for (i = 0; i < NSLOTS; i++)
		if (strlen(slots[i].prefix) == len &&
		    strncmp(slots[i].prefix, pattern, len) == 0)
			return &slots[i];
	return NULL;
}

/* The next id ("%d") or name ("%s") of a pattern, or NULL. */
static const char *
hole_next(const char *p)
{
	for (; (p = strchr(p, '%')) != NULL; p++)
		if (p[1] == 'd' || p[1] == 's')
			return p;
	return NULL;
}

/* Every id of the route must have its line in the id table. */
static void
route_slots_check(struct mroute *r)
{
	const char		*p;
	const struct slot	*sl;

	for (p = r->pattern; (p = hole_next(p)) != NULL; p += 2) {
		sl = slot_find(r->pattern, (size_t)(p + 2 - r->pattern));
		ck_assert_msg(sl != NULL, "%s %s (%s): no line for \"%.*s\" in"
		    " the id table of tests/integration/test_matrix.c, so the"
		    " route cannot be tested; add one", r->method, r->pattern,
		    r->program, (int)(p + 2 - r->pattern), r->pattern);
		r->scoped |= sl->kind == SLOT_CUSTOMER ||
		    sl->kind == SLOT_OPPORTUNITY || sl->kind == SLOT_CONTRACT;
		r->nested |= sl->kind == SLOT_CONTACT ||
		    sl->kind == SLOT_FOLLOWUP || sl->kind == SLOT_QUOTE;
	}
}

/* One line of --routes: method, pattern, record type, action, flags. */
static void
route_parse(struct walk *w, const char *prog, char *line)
{
	struct mroute	*r;
	char		*f[5], *save = NULL, *flag;
	int		 n;

	line[strcspn(line, "\n")] = '\0';
	for (n = 0; n < 5; n++)
		f[n] = strtok_r(n == 0 ? line : NULL, "\t", &save);
	ck_assert_msg(f[4] != NULL, "%s --routes: bad line", prog);
	ck_assert_uint_lt(w->nroutes, MAX_ROUTES);
	r = &w->routes[w->nroutes++];
	r->program = prog;
	r->method = arena_strdup(w->a, f[0]);
	r->post = strcmp(f[0], "POST") == 0;
	r->pattern = arena_strdup(w->a, f[1]);
	r->rtype = arena_strdup(w->a, f[2]);
	r->action = arena_strdup(w->a, f[3]);
	for (flag = strtok_r(f[4], ",", &save); flag != NULL;
	    flag = strtok_r(NULL, ",", &save)) {
		r->public |= strcmp(flag, "public") == 0;
		r->pwchange |= strcmp(flag, "pwchange") == 0;
		r->reauth |= strcmp(flag, "reauth") == 0;
	}
	route_slots_check(r);
}

static void
program_routes(struct walk *w, const char *dir, const char *name)
{
	const char	*path = arena_printf(w->a, "%s/%s", dir, name);
	char		 line[1024];
	size_t		 before = w->nroutes;
	FILE		*f;

	ck_assert_msg((f = popen(arena_printf(w->a, "'%s' --routes", path),
	    "r")) != NULL, "cannot run %s", path);
	while (fgets(line, sizeof(line), f) != NULL)
		route_parse(w, name, line);
	ck_assert_msg(pclose(f) == 0, "%s --routes failed", path);
	ck_assert_msg(w->nroutes > before, "%s --routes listed no route", path);
}

/* The route tables of every program (the executables without a dot). */
static void
routes_read(struct walk *w)
{
	const char	*dir = programs_dir(w->a), *path;
	struct dirent	*e;
	struct stat	 st;
	DIR		*d;

	ck_assert_msg((d = opendir(dir)) != NULL, "cannot read %s", dir);
	while ((e = readdir(d)) != NULL) {
		path = arena_printf(w->a, "%s/%s", dir, e->d_name);
		if (strchr(e->d_name, '.') == NULL && stat(path, &st) == 0 &&
		    S_ISREG(st.st_mode) && access(path, X_OK) == 0)
			program_routes(w, dir, arena_strdup(w->a, e->d_name));
	}
	closedir(d);
	ck_assert_msg(w->nroutes > 0, "no program in %s", dir);
}

/* --- records --------------------------------------------------------- */

static void
followup_add(struct browser *b, struct arena *a, long long id)
{
	struct post	 p;

	post_init(&p, b);
	post_add(&p, "fu_at", "2026-11-01T10:00");
	post_add(&p, "fu_method", "phone");
	post_add(&p, "fu_content", "矩阵测试");
	post_add(&p, "fu_action", "demo");
	post_add(&p, "fu_due", it_day(a, 0));
	ck_status(http_post(b, &p, "/customers/%lld/followups", id), 303);
}

/* An opportunity on customer id (code) for its owner. */
static long long
opportunity_add(struct walk *w, long long id, long long owner)
{
	struct post	 p;
	struct resp	*r;

	post_init(&p, w->maker);
	post_add(&p, "name", arena_printf(w->a, "%s 矩阵机会", it_tag()));
	post_add(&p, "customer", tdb_str(w->a, sql_customer_code, "i", id));
	post_add(&p, "owner", arena_printf(w->a, "%lld", owner));
	post_add(&p, "amount", "10000");
	post_add(&p, "expected_close", it_day(w->a, 30));
	post_add(&p, "lead_source", "expo");
	post_add(&p, "lead_date", it_day(w->a, 0));
	post_add(&p, "stage", "lead");
	r = http_post(w->maker, &p, "/opportunities");
	ck_status(r, 303);
	return it_location_id(r, "/opportunities/");
}

/* A draft quote of one line on opportunity id. */
static long long
quote_add(struct walk *w, long long id)
{
	struct post	 p;
	struct resp	*r;

	post_init(&p, w->maker);
	post_add(&p, "rows", "5");
	post_add(&p, "product_1", "erp");
	post_add(&p, "qty_1", "1");
	post_add(&p, "price_1", "100");
	post_add(&p, "valid_until", it_day(w->a, 30));
	r = http_post(w->maker, &p, "/opportunities/%lld/quotes", id);
	ck_status(r, 303);
	return it_location_id(r, arena_printf(w->a,
	    "/opportunities/%lld/quotes/", id));
}

/* A draft contract of opportunity id. */
static long long
contract_add(long long id)
{
	ck_assert_int_eq(tdb_exec(sql_contract_make, "i", id), 1);
	ck_assert_int_eq(tdb_exec(sql_instalment_make, "i", id), 1);
	return tdb_int(-1, sql_contract_of, "i", id);
}

/* A customer of owner, with its key contact, a follow-up and an
 * opportunity with a quote and a contract. */
static struct recs
recs_make(struct walk *w, long long owner)
{
	struct cust	 c;
	struct recs	 rs;
	struct resp	*r;

	it_cust_defaults(&c, arena_printf(w->a, "%s 矩阵 %s", it_tag(),
	    it_unique(w->a)), it_mobile(w->a));
	c.owner = arena_printf(w->a, "%lld", owner);
	r = it_cust_submit(w->maker, &c);
	ck_status(r, 303);
	rs.customer = it_location_id(r, "/customers/");
	ck_assert_msg(rs.customer > 0, "no customer made for user %lld",
	    owner);
	followup_add(w->maker, w->a, rs.customer);
	rs.contact = tdb_int(-1, sql_first_contact, "i", rs.customer);
	rs.followup = tdb_int(-1, sql_first_followup, "i", rs.customer);
	rs.opportunity = opportunity_add(w, rs.customer, owner);
	rs.quote = quote_add(w, rs.opportunity);
	rs.contract = contract_add(rs.opportunity);
	tdb_exec(sql_notification_make, "ii", owner, rs.opportunity);
	rs.notification = tdb_int(-1, sql_last_id, "");
	tdb_exec(sql_unread_add, "i", owner);
	ck_assert(rs.contact > 0 && rs.followup > 0 && rs.opportunity > 0 &&
	    rs.quote > 0 && rs.contract > 0 && rs.notification > 0);
	return rs;
}

/* The customer's, the opportunity's, the quote's and the contract's
 * state, as one string. */
static char *
recs_state(struct walk *w, const struct recs *rs)
{
	char	*opp = tdb_str(w->a, sql_opportunity_state, "i",
	    rs->opportunity);
	char	*quote = tdb_str(w->a, sql_quote_state, "i", rs->quote);
	char	*contract = tdb_str(w->a, sql_contract_state, "i",
	    rs->contract);

	ck_assert_msg(opp != NULL, "no opportunity %lld", rs->opportunity);
	ck_assert_msg(quote != NULL, "no quote %lld", rs->quote);
	return arena_printf(w->a, "%s|%s|%s|%s", it_customer_state(w->a,
	    rs->customer), opp, quote, contract ? contract : "deleted");
}

/*
 * A record of the slot's kind, in the record parent if its statement
 * takes one; its name, short enough for a code.
 */
static long long
made_record(struct walk *w, const struct slot *sl, long long parent)
{
	static unsigned	 n;
	const char	*name = arena_printf(w->a, "%s_%lxm%u", it_tag(),
	    (unsigned long)getpid(), ++n);

	ck_assert_int_eq(tdb_exec(sl->make, sl->types, name, name, name,
	    parent), 1);
	return tdb_int(-1, sql_last_id, "");
}

/*
 * The path of route r for the customer rs; a request that may change
 * something (fresh) gets records of its own for the other ids.
 */
static const char *
route_path(struct walk *w, const struct mroute *r, const struct recs *rs,
    int fresh)
{
	const struct slot	*sl;
	const char		*p = r->pattern, *hole;
	struct buf		 b;
	long long		 id = 0;
	size_t			 i;

	buf_init(&b, w->a);
	while ((hole = hole_next(p)) != NULL) {
		buf_append(&b, p, (size_t)(hole - p));
		sl = slot_find(r->pattern, (size_t)(hole + 2 - r->pattern));
		i = (size_t)(sl - slots);
		switch (sl->kind) {
		case SLOT_CUSTOMER: id = rs->customer; break;
		case SLOT_CONTACT: id = rs->contact; break;
		case SLOT_FOLLOWUP: id = rs->followup; break;
		case SLOT_OPPORTUNITY: id = rs->opportunity; break;
		case SLOT_QUOTE: id = rs->quote; break;
		case SLOT_CONTRACT: id = rs->contract; break;
		case SLOT_NOTIFICATION: id = rs->notification; break;
		case SLOT_CHOICE_LIST:
			buf_puts(&b, "industry");
			p = hole + 2;
			continue;
		case SLOT_REPORT:
			buf_puts(&b, "funnel");
			p = hole + 2;
			continue;
		case SLOT_MADE:
			if (fresh)
				id = made_record(w, sl, id);
			else {
				if (w->made[i] == 0)
					w->made[i] = made_record(w, sl, id);
				id = w->made[i];
			}
			break;
		}
		buf_printf(&b, "%lld", id);
		p = hole + 2;
	}
	buf_puts(&b, p);
	return buf_str(&b);
}

/* --- the subject and its requests ------------------------------------ */

static void
subject_drop(struct subject *s)
{
	browser_free(s->b);
	s->b = NULL;
	s->session = NULL;
}

static void
subject_set(struct walk *w, const char *login, const char *who)
{
	subject_drop(&w->s);
	w->s.login = login;
	w->s.who = who;
}

/* The subject's browser: signed in, its password confirmed if asked. */
static struct browser *
subject_browser(struct subject *s, int confirm)
{
	struct post	 p;

	if (s->b == NULL) {
		if (s->login != NULL)
			s->b = it_browser(s->login, IT_PASSWORD);
		else {
			/* Signed out: the sign-in page hands out a token. */
			s->b = browser_new();
			ck_status(http_get(s->b, "/login"), 200);
		}
		s->session = browser_cookie(s->b, "crm_session");
		s->confirmed = 0;
	}
	if (confirm && !s->confirmed) {
		ck_status(http_get(s->b, "/confirm?next=/home"), 200);
		post_init(&p, s->b);
		post_add(&p, "password", IT_PASSWORD);
		post_add(&p, "next", "/home");
		ck_redirect(http_post(s->b, &p, "/confirm"), "/home");
		s->confirmed = 1;
	}
	return s->b;
}

/* A detour the dispatcher takes instead of running the handler. */
static int
detour(const char *loc)
{
	return loc != NULL && (strncmp(loc, "/login?next=", 12) == 0 ||
	    strncmp(loc, "/confirm?next=", 14) == 0 ||
	    strcmp(loc, "/password") == 0);
}

static int
answer_fits(const struct mroute *r, const struct resp *resp, enum want want)
{
	const char	*loc = resp_header(resp, "Location");
	int		 st = resp->status, redirect = st >= 300 && st < 400;

	switch (want) {
	case WANT_ALLOWED:
		if (r->post)
			return st != 403 && st != 404 && st < 500 &&
			    !detour(loc);
		return st == 200 || (redirect && !detour(loc));
	case WANT_DENIED:
		return st == 403;
	case WANT_HIDDEN:
		return st == 404;
	case WANT_FOREIGN:
		/* A POST may answer as for a no-op; what counts is no write. */
		return r->post ? st != 403 && st < 500 : st == 404;
	case WANT_SIGN_IN:
		if (r->post)
			return st == 403;
		return st == 303 && loc != NULL &&
		    strncmp(loc, "/login?next=", 12) == 0;
	case WANT_PASSWORD:
		return st == 303 && loc != NULL &&
		    strcmp(loc, "/password") == 0;
	}
	return 0;
}

/* Count a wrong answer; spell it out while the message has room. */
static void	fail_add(struct walk *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static void
fail_add(struct walk *w, const char *fmt, ...)
{
	va_list	ap;

	w->nfails++;
	if (w->fails.len > MAX_SHOWN_LEN)
		return;
	buf_puts(&w->fails, "\n  ");
	va_start(ap, fmt);
	buf_vprintf(&w->fails, fmt, ap);
	va_end(ap);
}

static void
fail_answer(struct walk *w, const struct mroute *r, const char *path,
    const char *where, enum want want, const struct resp *resp)
{
	const char	*loc = resp_header(resp, "Location");

	fail_add(w, "%s %s (%s) as %s%s%s: expected %s, got %d%s%s",
	    r->method, r->pattern, path, w->s.who, where ? ", " : "",
	    where ? where : "", want_names[want], resp->status,
	    loc ? " to " : "", loc ? loc : "");
}

/* A refused request wrote to a customer it must not reach. */
static void
writes_check(struct walk *w, const struct mroute *r, const char *path)
{
	char	*now;
	int	 pos;

	for (pos = 0; pos < POS__MAX; pos++) {
		if (w->state[pos] == NULL)
			continue;
		now = recs_state(w, &w->shared[pos]);
		if (strcmp(now, w->state[pos]) == 0)
			continue;
		fail_add(w, "%s %s (%s) as %s changed the %s %lld", r->method,
		    r->pattern, path, w->s.who, pos_names[pos],
		    w->shared[pos].customer);
		w->state[pos] = now;
	}
}

/*
 * Send route r to path as the subject and note it unless the answer is
 * want; a refused POST must not have written to the shared customers. A
 * request that ended the session (sign-out) or turned it into a preview
 * as another role leaves the subject to sign in again before the next
 * one.
 */
static void
expect(struct walk *w, const struct mroute *r, const char *path,
    const char *where, enum want want)
{
	struct browser	*b;
	struct resp	*resp;
	struct post	 p;
	const char	*now;

	b = subject_browser(&w->s, r->reauth && want == WANT_ALLOWED);
	if (r->post) {
		post_init(&p, b);
		resp = http_post(b, &p, "%s", path);
	} else
		resp = http_get(b, "%s", path);
	if (!answer_fits(r, resp, want))
		fail_answer(w, r, path, where, want, resp);
	if (r->post && want != WANT_ALLOWED)
		writes_check(w, r, path);
	now = browser_cookie(b, "crm_session");
	if (w->s.session != NULL && (now == NULL ||
	    strcmp(now, w->s.session) != 0 ||
	    tdb_int(0, sql_session_previews, "s", now) > 0))
		subject_drop(&w->s);
}

/* --- the walk -------------------------------------------------------- */

static const char *
team_name(struct walk *w, const char *which)
{
	const char	*name = arena_printf(w->a, "%s 矩阵%s", it_tag(), which);

	tdb_exec(sql_team_make, "s", name);
	return name;
}

/* Routes, the maker, two teams and the customers every role meets. */
static void
walk_init(struct walk *w)
{
	int		 i;

	memset(w, 0, sizeof(*w));
	w->a = tarena_new();
	buf_init(&w->fails, w->a);
	routes_read(w);
	w->team = team_name(w, "甲");
	w->maker = it_browser(it_user(w->a, "mx_maker", MAKER_ROLE, NULL, 0),
	    IT_PASSWORD);
	w->owner[POS_MATE] = it_user_id(it_user(w->a, "mx_mate", MAKER_ROLE,
	    w->team, 0));
	w->owner[POS_OTHER] = it_user_id(it_user(w->a, "mx_other",
	    MAKER_ROLE, team_name(w, "乙"), 0));
	for (i = POS_MATE; i < POS__MAX; i++) {
		w->shared[i] = recs_make(w, w->owner[i]);
		w->state[i] = recs_state(w, &w->shared[i]);
	}
}

static void
walk_end(struct walk *w, const char *what)
{
	subject_drop(&w->s);
	browser_free(w->maker);
	ck_assert_msg(w->nfails == 0, "%s: %d of the matrix's answers were"
	    " wrong%s:%s", what, w->nfails, w->fails.len > MAX_SHOWN_LEN ?
	    " (the first shown)" : "", buf_str(&w->fails));
	tarena_free(w->a);
}

/* The role's scope for the route's record type and action; 0: none. */
static long long
grant(long long role, const struct mroute *r)
{
	long long	s = tdb_int(0, sql_grant, "iss", role, r->rtype,
	    r->action);

	/* Anything else grants nothing (lib/perm.c). */
	return s >= 1 && s <= 3 ? s : 0;
}

/* Route r as a role with this scope (0: no grant) for it. */
static void
role_route(struct walk *w, const struct mroute *r, long long scope)
{
	struct recs	 rs;
	int		 pos;

	if (r->public || strcmp(r->rtype, "none") == 0) {
		expect(w, r, route_path(w, r, &w->shared[POS_OWN], r->post),
		    NULL, WANT_ALLOWED);
		return;
	}
	if (scope == 0 || !r->scoped) {
		expect(w, r, route_path(w, r, &w->shared[POS_OWN], r->post &&
		    scope != 0), NULL, scope ? WANT_ALLOWED : WANT_DENIED);
		return;
	}
	for (pos = 0; pos < POS__MAX; pos++) {
		if (pos + 1 > scope) {
			expect(w, r, route_path(w, r, &w->shared[pos], 0),
			    pos_names[pos], WANT_HIDDEN);
			continue;
		}
		/* In scope a POST may well succeed: on records of its own. */
		rs = r->post ? recs_make(w, w->owner[pos]) : w->shared[pos];
		expect(w, r, route_path(w, r, &rs, r->post), pos_names[pos],
		    WANT_ALLOWED);
	}
	if (r->nested) {
		/* The own customer's path to the other team's records. */
		rs = r->post ? recs_make(w, w->owner[POS_OWN]) :
		    w->shared[POS_OWN];
		rs.contact = w->shared[POS_OTHER].contact;
		rs.followup = w->shared[POS_OTHER].followup;
		rs.quote = w->shared[POS_OTHER].quote;
		expect(w, r, route_path(w, r, &rs, r->post),
		    "own customer, other team's record", WANT_FOREIGN);
	}
}

/* Every route as a new user, a teammate's, holding only role. */
static void
role_walk(struct walk *w, long long role)
{
	const char	*code = tdb_str(w->a, sql_role_code, "i", role);
	const char	*login;
	size_t		 i;
	int		 post;

	ck_assert_ptr_nonnull(code);
	login = it_user(w->a, arena_printf(w->a, "mx_%s", code), code,
	    w->team, 0);
	subject_set(w, login, arena_printf(w->a, "role %s", code));
	w->owner[POS_OWN] = it_user_id(login);
	w->shared[POS_OWN] = recs_make(w, w->owner[POS_OWN]);
	w->state[POS_OWN] = recs_state(w, &w->shared[POS_OWN]);
	/* Reads first: a sign-out among the writes then costs one sign-in. */
	for (post = 0; post <= 1; post++)
		for (i = 0; i < w->nroutes; i++)
			if (w->routes[i].post == post)
				role_route(w, &w->routes[i],
				    grant(role, &w->routes[i]));
}

START_TEST(every_role_gets_its_grants_and_no_more)
{
	struct walk	 w;
	long long	 roles[MAX_ROLES];
	size_t		 n, i;

	walk_init(&w);
	n = tdb_ints(roles, MAX_ROLES, sql_roles, "");
	ck_assert_msg(n > 0 && n < MAX_ROLES, "%zu roles", n);
	for (i = 0; i < n; i++)
		role_walk(&w, roles[i]);
	walk_end(&w, "roles");
}
END_TEST

/*
 * Every route as the subject, signed out or with a password change due:
 * the routes marked for them get through, the others are refused as
 * want says. Ids are the teammate's customer: nothing may reach it.
 */
static void
limited_walk(struct walk *w, enum want want)
{
	const struct mroute	*r;
	size_t			 i;
	int			 ok;

	for (i = 0; i < w->nroutes; i++) {
		r = &w->routes[i];
		ok = r->public || (want == WANT_PASSWORD && r->pwchange);
		expect(w, r, route_path(w, r, &w->shared[POS_MATE], 0), NULL,
		    ok ? WANT_ALLOWED : want);
	}
}

START_TEST(signed_out_only_public_routes_answer)
{
	struct walk	 w;

	walk_init(&w);
	subject_set(&w, NULL, "nobody signed in");
	limited_walk(&w, WANT_SIGN_IN);
	walk_end(&w, "signed out");
}
END_TEST

START_TEST(a_due_password_change_comes_first)
{
	struct walk	 w;

	walk_init(&w);
	subject_set(&w, it_user(w.a, "mx_due", MAKER_ROLE, NULL, 1),
	    "a user whose password change is due");
	limited_walk(&w, WANT_PASSWORD);
	walk_end(&w, "password change due");
}
END_TEST

static Suite *
matrix_suite(void)
{
	Suite	*s = suite_create("matrix");
	TCase	*tc = it_tcase("matrix");

	tcase_add_test(tc, every_role_gets_its_grants_and_no_more);
	tcase_add_test(tc, signed_out_only_public_routes_answer);
	tcase_add_test(tc, a_due_password_change_comes_first);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_SUITE(matrix_suite)
