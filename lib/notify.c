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
#include "tmpl.h"

/* outbox.subject is VARCHAR(255): characters, not bytes. */
#define SUBJECT_MAX	255

static const char sql_notification_insert[] =
    "INSERT INTO notification (user_id, kind, opportunity_id, actor_id,"
    " from_stage, to_stage, hours) VALUES (?, ?, ?, NULLIF(?, 0), ?, ?,"
    " NULLIF(?, 0))";
static const char sql_unread_add[] =
    "UPDATE app_user SET unread_notifications = unread_notifications + 1"
    " WHERE id = ?";
static const char sql_outbox_insert[] =
    "INSERT INTO outbox (recipient, subject, body) VALUES (?, ?, ?)";

static const char *const kind_names[] = { "stage", "stale" };

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
	if (n->kind == NOTICE_STALE)
		key = "notify.stale";
	else
		key = n->from == NULL ? "notify.created" : "notify.moved";
	return fill(a, line(a, lang, key), names, values, 6);
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
	values[1] = config.site_url != NULL ? arena_printf(a,
	    "%s/opportunities/%lld", config.site_url, n->opp_id) : "";
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
	db_bind_int(&q, 3, n->actor_id);
	db_bind_text(&q, 4, n->from);
	db_bind_text(&q, 5, n->to);
	db_bind_int(&q, 6, n->hours);
	if (db_changes(&q) != 1 ||
	    db_exec(db, a, sql_unread_add, "i", to->id) != 1)
		return -1;
	if (!config_mail() || to->email == NULL || *to->email == '\0')
		return 0;
	return mail_enqueue(db, a, to, n);
}
