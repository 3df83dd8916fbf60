/*
 * fieldsec.c - field-level security: the registry of restricted built-in
 * fields, the user's rules, and the one place that decides what a page may
 * show or accept of a field.
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "fieldsec.h"
#include "form.h"
#include "utf8.h"

const char *const faccess_names[FA__MAX] = {
	"hidden", "masked", "read", "edit"
};

/*
 * Name and code stay with the record (a row is useless without them), and
 * so do the fields every list shows and filters on; these may be
 * restricted. Names are append-only: role_field rows hold them.
 */
const struct field_def field_defs[] = {
	{ RT_CUSTOMER, "grade", "customer.grade", 0 },
	{ RT_CUSTOMER, "address", "customer.address", 0 },
	{ RT_CUSTOMER, "products", "customer.products", 0 },
	{ RT_CUSTOMER, "budget", "customer.budget", FD_SENSITIVE },
	{ RT_CUSTOMER, "purchase_date", "customer.purchase_date", 0 },
	{ RT_CUSTOMER, "satisfaction", "customer.satisfaction", 0 },
	{ RT_CONTACT, "contact_title", "contact.title", 0 },
	{ RT_CONTACT, "contact_mobile", "contact.mobile", FD_MASKABLE },
	{ RT_CONTACT, "contact_email", "contact.email", FD_MASKABLE },
	{ RT_CONTACT, "contact_preferences", "contact.preferences",
	    FD_SENSITIVE },
};
const size_t field_ndefs = sizeof(field_defs) / sizeof(field_defs[0]);

/*
 * The rules of the user's roles (or of the previewed role), one row per
 * role even for a role without rules, so that its defaults count too.
 */
static const char sql_rules_user[] =
    "SELECT ur.role_id, rf.record_type, rf.field, rf.access"
    " FROM user_role ur LEFT JOIN role_field rf ON rf.role_id = ur.role_id"
    " WHERE ur.user_id = ? ORDER BY ur.role_id";
static const char sql_rules_role[] =
    "SELECT r.id, rf.record_type, rf.field, rf.access"
    " FROM role r LEFT JOIN role_field rf ON rf.role_id = r.id"
    " WHERE r.id = ?";

struct rule {
	long long	 role;
	const char	*rtype, *field;	/* NULL: the role has no rules */
	enum faccess	 access;
};

/* A field's access, worked out once per request. */
struct decided {
	const struct field_def	*def;
	enum faccess		 access;
	struct decided		*next;
};

struct fieldsec {
	struct rule	*rules;
	size_t		 nrules;
	struct decided	*decided;	/* list rows ask for each field again */
	struct buf	 shown;		/* sensitive fields shown in full */
};

int
faccess_from_name(const char *name)
{
	int	i;

	for (i = 0; name != NULL && i < FA__MAX; i++)
		if (strcmp(faccess_names[i], name) == 0)
			return i;
	return -1;
}

const struct field_def *
field_def_find(enum rtype rt, const char *name)
{
	size_t	i;

	for (i = 0; name != NULL && i < field_ndefs; i++)
		if (field_defs[i].rtype == rt &&
		    strcmp(field_defs[i].name, name) == 0)
			return &field_defs[i];
	return NULL;
}

/* Read the rules of role (or of user's roles); NULL on error. */
static struct fieldsec *
rules_read(struct ctx *c, const char *sql, long long id)
{
	struct fieldsec	*fs;
	struct dbq	 q;
	size_t		 cap = 16;
	struct rule	*r;

	fs = arena_calloc(c->arena, 1, sizeof(*fs));
	buf_init(&fs->shown, c->arena);
	fs->rules = arena_alloc(c->arena, cap * sizeof(*fs->rules));
	if (db_prepare(&q, c->db, c->arena, sql) == -1)
		return NULL;
	db_bind_int(&q, 0, id);
	while (db_step(&q) == DB_ROW) {
		if (fs->nrules == cap) {
			r = arena_alloc(c->arena, 2 * cap * sizeof(*r));
			memcpy(r, fs->rules, cap * sizeof(*r));
			fs->rules = r;
			cap *= 2;
		}
		r = &fs->rules[fs->nrules++];
		r->role = db_int(&q, 0);
		r->rtype = db_str(&q, 1);
		r->field = db_is_null(&q, 2) ? NULL : db_str(&q, 2);
		r->access = (enum faccess)db_int(&q, 3);
		if (r->access >= FA__MAX)
			r->access = FA_HIDDEN;
	}
	return db_finish(&q) == DB_ERROR ? NULL : fs;
}

/* The signed-in user's rules, read once per request. */
static struct fieldsec *
rules_load(struct ctx *c)
{
	if (c->fieldsec == NULL)
		c->fieldsec = c->preview_role != 0 ?
		    rules_read(c, sql_rules_role, c->preview_role) :
		    rules_read(c, sql_rules_user, c->user->id);
	return c->fieldsec;
}

struct fieldsec *
field_role_rules(struct ctx *c, long long role)
{
	return rules_read(c, sql_rules_role, role);
}

static enum faccess
field_default(const struct field_def *d)
{
	return (d->flags & FD_SENSITIVE) ? FA_HIDDEN : FA_EDIT;
}

/* What one role's rules (rules[from..to)) give the field. */
static enum faccess
role_access(const struct fieldsec *fs, size_t from, size_t to,
    const struct field_def *d)
{
	const struct rule	*r;
	size_t			 i;

	for (i = from; i < to; i++) {
		r = &fs->rules[i];
		if (r->field != NULL && strcmp(r->field, d->name) == 0 &&
		    strcmp(r->rtype, rtype_names[d->rtype]) == 0)
			return r->access;
	}
	return field_default(d);
}

/* A field that cannot be masked is hidden instead. */
static enum faccess
maskable(const struct field_def *d, enum faccess a)
{
	return a == FA_MASKED && !(d->flags & FD_MASKABLE) ? FA_HIDDEN : a;
}

enum faccess
field_role_access(const struct fieldsec *fs, const struct field_def *d)
{
	return maskable(d, role_access(fs, 0, fs->nrules, d));
}

enum faccess
field_access(struct ctx *c, const struct field_def *d)
{
	struct fieldsec	*fs;
	struct decided	*seen;
	enum faccess	 a, best = FA_HIDDEN;
	size_t		 from, to;

	/* Without rules (a database error) the field is hidden. */
	fs = c->user == NULL ? NULL : rules_load(c);
	for (seen = fs ? fs->decided : NULL; seen != NULL; seen = seen->next)
		if (seen->def == d)
			return seen->access;
	for (from = 0; fs != NULL && from < fs->nrules; from = to) {
		for (to = from; to < fs->nrules &&
		    fs->rules[to].role == fs->rules[from].role; to++)
			;
		if ((a = role_access(fs, from, to, d)) > best)
			best = a;
	}
	best = maskable(d, best);
	/* Pages leave out the label, the column, the filter of the field. */
	if (best == FA_HIDDEN)
		ctx_set(c, arena_printf(c->arena, "Hidden.%s", d->name), "1");
	if (fs != NULL) {
		seen = arena_alloc(c->arena, sizeof(*seen));
		*seen = (struct decided){ d, best, fs->decided };
		fs->decided = seen;
	}
	return best;
}

enum faccess
field_access_named(struct ctx *c, enum rtype rt, const char *name)
{
	const struct field_def	*d = field_def_find(rt, name);

	return d == NULL ? FA_EDIT : field_access(c, d);
}

/* The character after the one s points at (s is valid UTF-8). */
static const char *
next_char(const char *s)
{
	if (*s != '\0')
		for (s++; (*s & 0xc0) == 0x80; s++)
			;
	return s;
}

const char *
field_mask(struct arena *a, const char *value)
{
	const char	*at = strchr(value, '@'), *s = value;
	size_t		 n = utf8_len(value), head, tail, i;
	struct buf	 b;

	buf_init(&b, a);
	/* An address keeps its first character and its domain. */
	if (at != NULL && at != value) {
		buf_append(&b, value, (size_t)(next_char(value) - value));
		buf_puts(&b, "***");
		buf_puts(&b, at);
		return buf_str(&b);
	}
	head = n >= 8 ? 3 : n >= 4 ? 1 : 0;
	tail = n >= 8 ? 4 : n >= 4 ? 1 : 0;
	for (i = 0; i < head; i++)
		s = next_char(s);
	buf_append(&b, value, (size_t)(s - value));
	for (; i < n - tail; i++) {
		buf_putc(&b, '*');
		s = next_char(s);
	}
	buf_puts(&b, s);
	return buf_str(&b);
}

/* Note a sensitive field shown in full, once per page. */
static void
note_read(struct ctx *c, const char *name)
{
	struct buf	*b = &c->fieldsec->shown;
	const char	*seen = buf_str(b);
	size_t		 n = strlen(name);
	const char	*p;

	for (p = seen; (p = strstr(p, name)) != NULL; p += n)
		if ((p == seen || p[-1] == ',') && (p[n] == ',' ||
		    p[n] == '\0'))
			return;
	if (b->len > 0)
		buf_puts(b, ",");
	buf_puts(b, name);
}

const char *
field_show(struct ctx *c, const struct field_def *d, const char *value)
{
	switch (field_access(c, d)) {
	case FA_HIDDEN:
		return NULL;
	case FA_MASKED:
		return value == NULL ? NULL : field_mask(c->arena, value);
	default:
		if (value != NULL && *value != '\0' &&
		    (d->flags & FD_SENSITIVE))
			note_read(c, d->name);
		return value;
	}
}

const char *
field_show_named(struct ctx *c, enum rtype rt, const char *name,
    const char *value)
{
	const struct field_def	*d = field_def_find(rt, name);

	return d == NULL ? value : field_show(c, d, value);
}

/* Copy into out the fields of in the user may edit; mark the others. */
static size_t
editable(struct ctx *c, enum rtype rt, const struct field *in, size_t n,
    struct field *out)
{
	size_t		 i, kept = 0;
	enum faccess	 a;

	for (i = 0; i < n; i++) {
		a = field_access_named(c, rt, in[i].name);
		if (a == FA_EDIT) {
			if (out != NULL)
				out[kept] = in[i];
			kept++;
		} else if (a != FA_HIDDEN)
			ctx_set(c, arena_printf(c->arena, "ReadOnly.%s",
			    in[i].name), "1");
	}
	return kept;
}

void
field_form_prepare(struct ctx *c, enum rtype rt, const struct field *in,
    size_t n)
{
	editable(c, rt, in, n, NULL);
}

int
field_form_read(struct ctx *c, enum rtype rt, const struct field *in,
    size_t n, struct form *f)
{
	struct field	*out = arena_calloc(c->arena, n, sizeof(*out));

	return form_read(c, out, editable(c, rt, in, n, out), f);
}

/* How a stored value reads: labels for codes of a choice list. */
static const char *
display(struct ctx *c, const struct field *fd, const char *value)
{
	struct buf	 b;
	char		*list, *code, *save = NULL;

	if (value == NULL || fd->list == NULL)
		return value;
	if (fd->type != FT_MULTI)
		return choice_label(c, fd->list, value);
	buf_init(&b, c->arena);
	list = arena_strdup(c->arena, value);
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save)) {
		if (b.len > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, choice_label(c, fd->list, code));
	}
	return buf_str(&b);
}

void
field_form_fill(struct ctx *c, enum rtype rt, const struct field *fd,
    const char *value)
{
	const struct field_def	*d = field_def_find(rt, fd->name);
	enum faccess		 a = d == NULL ? FA_EDIT : field_access(c, d);
	char			*list, *code, *save = NULL;

	if (a == FA_HIDDEN)
		return;
	if (a != FA_EDIT) {
		ctx_set(c, arena_printf(c->arena, "Shown.%s", fd->name),
		    field_show(c, d, display(c, fd, value)));
		return;
	}
	if (fd->type != FT_MULTI) {
		form_fill(c, fd->name, value);
		return;
	}
	list = arena_strdup(c->arena, value == NULL ? "" : value);
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save))
		ctx_set(c, arena_printf(c->arena, "Form.%s.%s", fd->name, code),
		    "1");
}

/*
 * Reads are logged as "<type>_read" records: a record's history reads its
 * own type by index, and must not wade through every view of the record.
 */
int
field_audit_reads(struct ctx *c, const char *record_type, long long id)
{
	if (c->fieldsec == NULL || c->fieldsec->shown.len == 0)
		return 0;
	return audit_log(c, "read_sensitive", arena_printf(c->arena, "%s_read",
	    record_type), id, "fields", NULL, buf_str(&c->fieldsec->shown));
}
