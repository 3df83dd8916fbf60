/*
 * notify.c - notifications and the mail that goes with them.
 *
 * A notification row holds what happened (ids and stage codes); its text
 * is made when it is read, in the reader's language. A mail cannot wait
 * for that, so its subject and body are made here, in the recipient's
 * language, from the same catalogue lines (L.notify.*).
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "config.h"
#include "db.h"
#include "notify.h"
#include "perm.h"
#include "tmpl.h"

/* outbox.subject is VARCHAR(255): characters, not bytes. */
#define SUBJECT_MAX	255

static const char sql_notification_insert[] =
    "INSERT INTO notification (user_id, kind, opportunity_id, quote_id,"
    " contract_id, actor_id, from_stage, to_stage, hours)"
    " VALUES (?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), ?, ?,"
    " NULLIF(?, 0))";
/* Scopes 1 own, 2 team, 3 all (lib/perm.h); the narrowest first. */
#define APPROVERS_MAX	50
#define APPROVERS_LIMIT	"50"	/* APPROVERS_MAX */
static const char sql_approvers[] =
    "SELECT u.id, u.lang, u.email, MIN(p.scope) FROM role_permission p"
    " JOIN user_role ur ON ur.role_id = p.role_id"
    " JOIN app_user u ON u.id = ur.user_id"
    " WHERE p.record_type = ? AND p.action = 'approve' AND u.active = 1"
    " AND u.id <> ? AND (p.scope = 3 OR (p.scope = 2 AND u.team_id = ?)"
    " OR (p.scope = 1 AND u.id = ?))"
    " GROUP BY u.id, u.lang, u.email ORDER BY 4, 1 LIMIT " APPROVERS_LIMIT;
static const char sql_unread_add[] =
    "UPDATE app_user SET unread_notifications = unread_notifications + 1"
    " WHERE id = ?";
static const char sql_outbox_insert[] =
    "INSERT INTO outbox (recipient, subject, body) VALUES (?, ?, ?)";

static const char *const kind_names[] = { "stage", "stale", "approval" };

/* A catalogue line of lang, or its key. */
static const char *
line(struct arena *a, const char *lang, const char *key)
{
	return hdf_get_value(tmpl_lang(lang), arena_printf(a, "L.%s", key),
	    key);
}

static int
lang_index(const char *lang)
{
	return lang != NULL && strcmp(lang, "zh-CN") == 0;
}

/*
 * The catalogue line tmpl with each "{name}" replaced by the value of
 * that name in names/values; an unknown name stays as it is.
 */
static const char *
fill(struct arena *a, const char *tmpl, const char *const *names,
    const char *const *values, size_t n)
{
	struct buf	 b;
	const char	*p, *end;
	size_t		 i, len;

	buf_init(&b, a);
	for (p = tmpl; *p != '\0'; p++) {
		if (*p != '{' || (end = strchr(p, '}')) == NULL) {
			buf_putc(&b, *p);
			continue;
		}
		len = (size_t)(end - p - 1);
		for (i = 0; i < n; i++)
			if (strlen(names[i]) == len &&
			    strncmp(names[i], p + 1, len) == 0)
				break;
		if (i == n) {
			buf_putc(&b, *p);
			continue;
		}
		buf_puts(&b, values[i] != NULL ? values[i] : "");
		p = end;
	}
	return buf_str(&b);
}

const char *
notice_text(struct arena *a, const char *lang, const struct notice *n)
{
	static const char *const names[] = {
		"code", "name", "actor", "from", "to", "hours"
	};
	const char	*values[6];
	const char	*key;
	int		 l = lang_index(lang);

	values[0] = n->code;
	values[1] = n->name;
	values[2] = n->actor;
	values[3] = n->from_label[l] != NULL ? n->from_label[l] : n->from;
	values[4] = n->to_label[l] != NULL ? n->to_label[l] : n->to;
	values[5] = arena_printf(a, "%d", n->hours);
	if (n->kind == NOTICE_APPROVAL)
		key = n->quote_id != 0 ? "notify.approval_quote" :
		    "notify.approval_contract";
	else if (n->kind == NOTICE_STALE)
		key = "notify.stale";
	else
		key = n->from == NULL ? "notify.created" : "notify.moved";
	return fill(a, line(a, lang, key), names, values, 6);
}

const char *
notice_path(struct arena *a, const struct notice *n)
{
	if (n->quote_id != 0)
		return arena_printf(a, "/opportunities/%lld/quotes/%lld",
		    n->opp_id, n->quote_id);
	if (n->contract_id != 0)
		return arena_printf(a, "/contracts/%lld", n->contract_id);
	return arena_printf(a, "/opportunities/%lld", n->opp_id);
}

/* At most max characters of UTF-8 s, never half of one. */
static const char *
clip(struct arena *a, const char *s, size_t max)
{
	size_t	i, chars = 0;

	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && chars++ == max)
			return arena_strndup(a, s, i);
	return s;
}

static int
mail_enqueue(struct db *db, struct arena *a, const struct recipient *to,
    const struct notice *n)
{
	static const char *const names[] = { "text", "link" };
	const char	*values[2], *subject, *body;

	values[0] = notice_text(a, to->lang, n);
	values[1] = config.site_url != NULL ? arena_printf(a, "%s%s",
	    config.site_url, notice_path(a, n)) : "";
	subject = clip(a, fill(a, line(a, to->lang, "notify.mail_subject"),
	    names, values, 2), SUBJECT_MAX);
	body = fill(a, line(a, to->lang, config.site_url != NULL ?
	    "notify.mail_body_link" : "notify.mail_body"), names, values, 2);
	return db_exec(db, a, sql_outbox_insert, "sss", to->email, subject,
	    body) == 1 ? 0 : -1;
}

int
notify(struct db *db, struct arena *a, const struct recipient *to,
    const struct notice *n)
{
	struct dbq	q;

	if (db_prepare(&q, db, a, sql_notification_insert) == -1)
		return -1;
	db_bind_int(&q, 0, to->id);
	db_bind_text(&q, 1, kind_names[n->kind]);
	db_bind_int(&q, 2, n->opp_id);
	db_bind_int(&q, 3, n->quote_id);
	db_bind_int(&q, 4, n->contract_id);
	db_bind_int(&q, 5, n->actor_id);
	db_bind_text(&q, 6, n->from);
	db_bind_text(&q, 7, n->to);
	db_bind_int(&q, 8, n->hours);
	if (db_changes(&q) != 1 ||
	    db_exec(db, a, sql_unread_add, "i", to->id) != 1)
		return -1;
	if (!config_mail() || to->email == NULL || *to->email == '\0')
		return 0;
	return mail_enqueue(db, a, to, n);
}

int
notify_approvers(struct db *db, struct arena *a, const char *rtype,
    long long owner, long long team, const struct notice *n)
{
	struct dbq		 q;
	struct recipient	 to[APPROVERS_MAX];
	long long		 first = 0, scope;
	int			 count = 0, i;

	if (db_prepare(&q, db, a, sql_approvers) == -1)
		return -1;
	db_bind_text(&q, 0, rtype);
	db_bind_int(&q, 1, n->actor_id);
	db_bind_int(&q, 2, team);
	db_bind_int(&q, 3, owner);
	/* The rows come narrowest scope first: all-scope ones only alone. */
	while (db_step(&q) == DB_ROW && count < APPROVERS_MAX) {
		scope = db_int(&q, 3);
		if (count == 0)
			first = scope;
		else if (first != SCOPE_ALL && scope == SCOPE_ALL)
			break;
		to[count].id = db_int(&q, 0);
		to[count].lang = db_str(&q, 1);
		to[count].email = db_text(&q, 2);
		count++;
	}
	if (db_finish(&q) == DB_ERROR)
		return -1;
	for (i = 0; i < count; i++)
		if (notify(db, a, &to[i], n) == -1)
			return -1;
	return 0;
}
