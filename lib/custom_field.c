/*
 * custom_field.c - custom fields: the type and storage registries, loading
 * definitions and values, the form side and saving with the audit.
 */
#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "choice.h"
#include "ctx.h"
#include "custom_field.h"
#include "db.h"
#include "log.h"
#include "sealed.h"
#include "str.h"

#define CFT_INDEXED	(CFT_FILTER | CFT_COLUMN)

const struct cf_type_def cf_types[CF__MAX] = {
	[CF_TEXT] = { "text", CS_TEXT, FT_TEXT, 200,
	    CFT_INDEXED | CFT_SORT | CFT_PATTERN },
	[CF_LONGTEXT] = { "longtext", CS_LONG, FT_LONGTEXT, 4000,
	    CFT_PATTERN },
	[CF_NUMBER] = { "number", CS_NUMBER, FT_DECIMAL, 0,
	    CFT_INDEXED | CFT_RANGE | CFT_SORT | CFT_PATTERN },
	[CF_DATE] = { "date", CS_DATE, FT_DATE, 0,
	    CFT_INDEXED | CFT_RANGE | CFT_SORT },
	[CF_CHOICE] = { "choice", CS_TEXT, FT_CHOICE, 0,
	    CFT_INDEXED | CFT_OPTIONS },
	[CF_MULTI] = { "multi", CS_MULTI, FT_MULTI, 0,
	    CFT_INDEXED | CFT_OPTIONS },
	[CF_IDNO] = { "idno", CS_SEALED, FT_TEXT, 18,
	    CFT_PATTERN | CFT_SENSITIVE },
	[CF_BANK] = { "bank", CS_SEALED, FT_TEXT, 40,
	    CFT_PATTERN | CFT_SENSITIVE },
};

/* The columns of sql/011_custom_fields.sql, in flat order. */
const struct cf_store_def cf_stores[CS__MAX] = {
	[CS_TEXT] = { "text", 0, 6 },
	[CS_NUMBER] = { "number", 6, 4 },
	[CS_DATE] = { "date", 10, 4 },
	[CS_LONG] = { "long", 14, 4 },
	[CS_SEALED] = { "sealed", 18, 4 },
	[CS_MULTI] = { "multi", 0, 0 },
};

#define CC_PLAIN							\
    "t1, t2, t3, t4, t5, t6, n1, n2, n3, n4, d1, d2, d3, d4,"		\
    " l1, l2, l3, l4"

const struct cf_storage cf_storages[] = {
	{
		RT_CUSTOMER, "customer",
		"SELECT " CC_PLAIN ", s1, s2, s3, s4,"
		" (SELECT GROUP_CONCAT(field_id, ':', code"
		" ORDER BY field_id, code) FROM customer_custom_multi"
		" WHERE customer_id = ?)"
		" FROM customer_custom WHERE customer_id = ?",
		/* An upsert: a record made before its row still gets one. */
		"INSERT INTO customer_custom (customer_id, " CC_PLAIN ")"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
		" ?, ?) ON DUPLICATE KEY UPDATE t1 = VALUES(t1),"
		" t2 = VALUES(t2), t3 = VALUES(t3), t4 = VALUES(t4),"
		" t5 = VALUES(t5), t6 = VALUES(t6), n1 = VALUES(n1),"
		" n2 = VALUES(n2), n3 = VALUES(n3), n4 = VALUES(n4),"
		" d1 = VALUES(d1), d2 = VALUES(d2), d3 = VALUES(d3),"
		" d4 = VALUES(d4), l1 = VALUES(l1), l2 = VALUES(l2),"
		" l3 = VALUES(l3), l4 = VALUES(l4)",
		"DELETE FROM customer_custom_multi"
		" WHERE customer_id = ? AND field_id = ?",
		"INSERT INTO customer_custom_multi (field_id, code, customer_id)"
		" VALUES (?, ?, ?)",
		SEALED_CUSTOMER_CUSTOM,
	},
};

const size_t cf_nstorages = sizeof(cf_storages) / sizeof(cf_storages[0]);

/* Index-served: custom_field_order, then the user's columns by key. */
static const char sql_fields[] =
    "SELECT f.id, f.code, f.type, f.store, f.slot, f.label_en, f.label_zh,"
    " f.help_en, f.help_zh, f.pattern, f.pattern_msg_en, f.pattern_msg_zh,"
    " f.required, u.field_id IS NOT NULL"
    " FROM custom_field f LEFT JOIN user_list_column u"
    " ON u.user_id = ? AND u.record_type = f.record_type"
    " AND u.field_id = f.id"
    " WHERE f.record_type = ? AND f.active = 1 ORDER BY f.sort, f.id";
static const char sql_slots_taken[] =
    "SELECT slot FROM custom_field WHERE record_type = ? AND store = ?"
    " AND slot IS NOT NULL ORDER BY slot FOR UPDATE";

/* The sealed slots are stored apart: the upsert covers the others. */
#define CF_NPLAIN	(CF_NSLOTS - 4)

int
cf_type_from_name(const char *name)
{
	int	i;

	for (i = 0; name != NULL && i < CF__MAX; i++)
		if (strcmp(name, cf_types[i].name) == 0)
			return i;
	return -1;
}

const struct cf_storage *
cf_storage(enum rtype rt)
{
	size_t	i;

	for (i = 0; i < cf_nstorages; i++)
		if (cf_storages[i].rtype == rt)
			return &cf_storages[i];
	return NULL;
}

int
cf_code_ok(const char *code)
{
	return code != NULL && str_is_code(code, 1, 29);
}

int
cf_pattern_match(const char *pattern, const char *value)
{
	regex_t		re;
	regmatch_t	m;
	int		rc;

	if (regcomp(&re, pattern, REG_EXTENDED) != 0)
		return -1;
	/* Leftmost-longest: a match of the whole value starts at 0. */
	rc = regexec(&re, value, 1, &m, 0) == 0 && m.rm_so == 0 &&
	    (size_t)m.rm_eo == strlen(value);
	regfree(&re);
	return rc;
}

int
cf_idno_ok(const char *s)
{
	static const int	 weight[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3,
	    7, 9, 10, 5, 8, 4, 2 };
	static const char	 check[] = "10X98765432";
	int			 i, sum = 0;

	if (strlen(s) != 18)
		return 0;
	for (i = 0; i < 17; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		sum += (s[i] - '0') * weight[i];
	}
	return toupper((unsigned char)s[17]) == check[sum % 11];
}

const char *
cf_bank_norm(struct arena *a, const char *s)
{
	char	digits[31];
	size_t	n = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '-')
			continue;
		if (!isdigit((unsigned char)*s) || n == 30)
			return NULL;
		digits[n++] = *s;
	}
	return n < 8 ? NULL : arena_strndup(a, digits, n);
}

int
cf_slot_free(struct db *db, struct arena *a, const char *rtname,
    enum cf_store store)
{
	struct dbq	 q;
	int		 slot = 1;
	long long	 taken;

	if (db_prepare(&q, db, a, sql_slots_taken) == -1)
		return -1;
	db_bind_text(&q, 0, rtname);
	db_bind_text(&q, 1, cf_stores[store].name);
	/* Taken slots come in order: the first gap is the lowest free. */
	while (db_step(&q) == DB_ROW)
		if ((taken = db_int(&q, 0)) == slot)
			slot++;
	if (db_finish(&q) == DB_ERROR)
		return -1;
	return slot > cf_stores[store].count ? 0 : slot;
}

/* One row of sql_fields into f; 0, or -1 for a row that makes no sense. */
static int
field_from_row(struct ctx *c, const struct dbq *q, struct custom_field *f)
{
	int	 zh = strcmp(c->lang, "zh-CN") == 0;
	int	 type = cf_type_from_name(db_text(q, 2));
	long long slot = db_int(q, 4);
	enum cf_store store;

	memset(f, 0, sizeof(*f));
	f->id = db_int(q, 0);
	f->code = db_str(q, 1);
	if (type < 0 || !cf_code_ok(f->code))
		return -1;
	f->type = (enum cf_type)type;
	store = cf_types[type].store;
	if (strcmp(db_str(q, 3), cf_stores[store].name) != 0)
		return -1;
	if (store == CS_MULTI)
		f->slot = -1;
	else if (slot < 1 || slot > cf_stores[store].count)
		return -1;
	else
		f->slot = cf_stores[store].first + (int)slot - 1;
	f->name = arena_printf(c->arena, "cf_%s", f->code);
	f->label = db_str(q, zh ? 6 : 5);
	f->help = db_text(q, zh ? 8 : 7);
	f->pattern = db_text(q, 9);
	f->pattern_msg = db_text(q, zh ? 11 : 10);
	f->required = db_int(q, 12) != 0;
	f->column = db_int(q, 13) != 0 &&
	    (cf_types[type].flags & CFT_COLUMN) != 0;
	return 0;
}

int
cf_load(struct ctx *c, enum rtype rt, struct cf_set *set)
{
	struct dbq		 q;
	struct custom_field	 f, *cf, *grown;
	size_t			 cap = 0, i;

	memset(set, 0, sizeof(*set));
	if ((set->st = cf_storage(rt)) == NULL)
		return 0;
	if (db_prepare(&q, c->db, c->arena, sql_fields) == -1)
		return -1;
	db_bind_int(&q, 0, c->user != NULL ? c->user->id : 0);
	db_bind_text(&q, 1, set->st->record_type);
	while (db_step(&q) == DB_ROW) {
		if (field_from_row(c, &q, &f) == -1) {
			log_error(NULL, "custom field %lld: bad definition",
			    db_int(&q, 0));
			continue;
		}
		if (set->n == cap) {
			cap = cap ? cap * 2 : 16;
			grown = arena_calloc(c->arena, cap, sizeof(*grown));
			if (set->n > 0)
				memcpy(grown, set->f, set->n * sizeof(*grown));
			set->f = grown;
		}
		set->f[set->n++] = f;
	}
	if (db_finish(&q) == DB_ERROR)
		return -1;
	for (i = 0; i < set->n; i++) {
		cf = &set->f[i];
		cf->def.rtype = rt;
		cf->def.name = cf->name;
		cf->def.label = cf->label;
		cf->def.flags = (cf_types[cf->type].flags & CFT_SENSITIVE) ?
		    FD_SENSITIVE | FD_MASKABLE : 0;
		cf->access = field_access(c, &cf->def);
	}
	return 0;
}

struct custom_field *
cf_find(const struct cf_set *set, const char *code)
{
	size_t	i;

	for (i = 0; code != NULL && i < set->n; i++)
		if (strcmp(set->f[i].code, code) == 0)
			return &set->f[i];
	return NULL;
}

/* Does an active field the user may see keep its value in flat slot i? */
static int
cf_slot_shown(const struct cf_set *set, int i)
{
	size_t	k;

	for (k = 0; k < set->n; k++)
		if (set->f[k].slot == i && set->f[k].access != FA_HIDDEN)
			return 1;
	return 0;
}

/* Sealed values are opened only for fields the user may see. */
int
cf_values_load(struct ctx *c, const struct cf_set *set, long long id,
    struct cf_values *v)
{
	struct dbq	q;
	int		i, sealed = cf_stores[CS_SEALED].first;

	memset(v, 0, sizeof(*v));
	if (set->st == NULL)
		return 0;
	if (db_prepare(&q, c->db, c->arena, set->st->sql_values) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	db_bind_int(&q, 1, id);
	if (db_step(&q) == DB_ROW) {
		for (i = 0; i < sealed; i++)
			v->slot[i] = db_text(&q, (unsigned)i);
		for (; i < CF_NSLOTS; i++)
			if (cf_slot_shown(set, i))
				v->slot[i] = sealed_read(c->arena,
				    (enum sealed_column)(set->st->sealed + i -
				    sealed), id, &q, (unsigned)i);
		v->multi = db_text(&q, CF_NSLOTS);
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

/* The codes of field id in "field:code,..." (ordered), joined by ','. */
static const char *
multi_codes(struct arena *a, const char *multi, long long id)
{
	struct buf	 b;
	const char	*p = multi, *colon, *end;

	buf_init(&b, a);
	while (p != NULL && *p != '\0') {
		end = strchr(p, ',');
		if (end == NULL)
			end = p + strlen(p);
		colon = memchr(p, ':', (size_t)(end - p));
		if (colon != NULL && strtoll(p, NULL, 10) == id) {
			if (b.len)
				buf_putc(&b, ',');
			buf_append(&b, colon + 1, (size_t)(end - colon - 1));
		}
		p = *end == ',' ? end + 1 : end;
	}
	return b.len ? buf_str(&b) : NULL;
}

const char *
cf_value(struct ctx *c, const struct custom_field *f,
    const struct cf_values *v)
{
	const char	*raw;

	if (f->slot < 0)
		return multi_codes(c->arena, v->multi, f->id);
	raw = v->slot[f->slot];
	if (raw != NULL && cf_types[f->type].store == CS_NUMBER)
		return form_decimal(c, raw);
	return raw;
}

const char *
cf_display(struct ctx *c, const struct custom_field *f, const char *value)
{
	struct buf	 b;
	char		*list, *code, *save = NULL;

	if (value == NULL)
		return NULL;
	if (f->type == CF_CHOICE)
		return choice_label(c, f->name, value);
	if (f->type != CF_MULTI)
		return value;
	buf_init(&b, c->arena);
	list = arena_strdup(c->arena, value);
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save)) {
		if (b.len)
			buf_puts(&b, ", ");
		buf_puts(&b, choice_label(c, f->name, code));
	}
	return buf_str(&b);
}

/* Offer again the options a record keeps though they were deactivated. */
static void
keep_options(struct ctx *c, const struct custom_field *f, const char *value)
{
	char	*list, *code, *save = NULL;

	if (value == NULL || !(cf_types[f->type].flags & CFT_OPTIONS))
		return;
	list = arena_strdup(c->arena, value);
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save))
		choice_keep(c, f->name, code);
}

void
cf_to_hdf(struct ctx *c, const struct cf_set *set,
    const struct cf_values *v, int fill)
{
	HDF			*nodes = ctx_node(c, "Custom"), *item;
	const struct custom_field *f;
	const char		*value;
	char			*list, *code, *save = NULL;
	size_t			 i;
	int			 n = 0;

	for (i = 0; i < set->n; i++) {
		f = &set->f[i];
		if (f->access == FA_HIDDEN)
			continue;
		item = node_item(nodes, n++);
		node_set(item, "name", f->name);
		node_set(item, "label", f->label);
		node_set(item, "type", cf_types[f->type].name);
		node_set(item, "help", f->help);
		node_set_int(item, "required", f->required);
		if (cf_types[f->type].flags & CFT_OPTIONS)
			node_set(item, "list", f->name);
		if (f->access == FA_EDIT)
			node_set(item, "edit", "1");
		if (v == NULL)
			continue;
		value = cf_value(c, f, v);
		node_set(item, "shown", field_show(c, &f->def,
		    cf_display(c, f, value)));
		if (f->access != FA_EDIT)
			continue;
		keep_options(c, f, value);
		if (!fill)
			continue;
		if (f->type != CF_MULTI) {
			form_fill(c, f->name, value);
			continue;
		}
		if (value == NULL)
			continue;
		list = arena_strdup(c->arena, value);
		for (code = strtok_r(list, ",", &save); code != NULL;
		    code = strtok_r(NULL, ",", &save))
			ctx_set(c, arena_printf(c->arena, "Form.%s.%s",
			    f->name, code), "1");
	}
}

/* The extra checks of a valid value; its message or NULL, *v normalised. */
static const char *
value_check(struct ctx *c, const struct custom_field *f, const char **v)
{
	char	*up;

	if (f->type == CF_IDNO) {
		/* The check digit X is stored upper case. */
		up = arena_strdup(c->arena, *v);
		if (strlen(up) == 18 && up[17] == 'x')
			up[17] = 'X';
		if (!cf_idno_ok(up))
			return ctx_msg(c, "form.bad_idno");
		*v = up;
	} else if (f->type == CF_BANK &&
	    (*v = cf_bank_norm(c->arena, *v)) == NULL)
		return ctx_msg(c, "form.bad_bank");
	if (f->pattern != NULL && cf_pattern_match(f->pattern, *v) != 1)
		return f->pattern_msg != NULL ? f->pattern_msg :
		    ctx_msg(c, "form.bad_pattern");
	return NULL;
}

int
cf_form_read(struct ctx *c, const struct cf_set *set, struct form *form)
{
	size_t			  cap = set->n ? set->n : 1, i, n = 0;
	struct field		 *fields = arena_calloc(c->arena, cap,
				    sizeof(*fields));
	const struct custom_field **of = arena_calloc(c->arena, cap,
				    sizeof(*of));
	const char		 *msg;

	for (i = 0; i < set->n; i++) {
		if (set->f[i].access != FA_EDIT)
			continue;
		of[n] = &set->f[i];
		fields[n].name = of[n]->name;
		fields[n].type = cf_types[of[n]->type].ftype;
		fields[n].flags = of[n]->required ? FIELD_REQUIRED : 0;
		fields[n].maxlen = cf_types[of[n]->type].maxlen;
		fields[n].list = of[n]->name;
		n++;
	}
	if (form_read(c, fields, n, form) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (form->values[i] == NULL ||
		    (msg = value_check(c, of[i], &form->values[i])) == NULL)
			continue;
		form->values[i] = NULL;
		form_error_text(c, form, of[i]->name, msg);
	}
	return form->nerrors;
}

/* Replace field f's multi values of record id by the codes of value. */
static int
multi_save(struct ctx *c, const struct cf_storage *st, long long id,
    const struct custom_field *f, const char *value)
{
	char	*list, *code, *save = NULL;

	if (db_exec(c->db, c->arena, st->sql_multi_clear, "ii", id, f->id) < 0)
		return -1;
	if (value == NULL)
		return 0;
	list = arena_strdup(c->arena, value);
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save))
		if (db_exec(c->db, c->arena, st->sql_multi_add, "isi", f->id,
		    code, id) < 0)
			return -1;
	return 0;
}

/* The slots before the sealed ones, record id first. */
static int
plain_save(struct ctx *c, const struct cf_storage *st, long long id,
    const char *const *slot)
{
	struct dbq	q;
	unsigned	i;

	if (db_prepare(&q, c->db, c->arena, st->sql_save) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	for (i = 0; i < CF_NPLAIN; i++)
		db_bind_text(&q, i + 1, slot[i]);
	db_step(&q);
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

int
cf_save(struct ctx *c, const struct cf_set *set, long long id,
    const struct cf_values *old, const struct form *form)
{
	const struct cf_storage	*st = set->st;
	const struct custom_field *f;
	const char		*slot[CF_NSLOTS], *was, *now;
	size_t			 i;
	int			 sealed = cf_stores[CS_SEALED].first, pass;

	if (st == NULL)
		return 0;
	for (i = 0; i < CF_NSLOTS; i++)
		slot[i] = old != NULL ? old->slot[i] : NULL;
	/* Pass 0: the plain slots and multi rows; 1: sealed, once the row
	 * exists. */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < set->n; i++) {
			f = &set->f[i];
			if (f->access != FA_EDIT ||
			    (f->slot >= sealed) != (pass == 1))
				continue;
			was = old != NULL ? cf_value(c, f, old) : NULL;
			now = form_value(form, f->name);
			if (f->slot >= sealed) {
				if (sealed_update(c->db, c->arena,
				    (enum sealed_column)(st->sealed + f->slot -
				    sealed), id, was, now) == -1 ||
				    audit_field_sealed(c, st->record_type, id,
				    f->name, was, now) == -1)
					return -1;
				continue;
			}
			if (f->slot >= 0)
				slot[f->slot] = now;
			else if (strcmp(was ? was : "", now ? now : "") != 0 &&
			    multi_save(c, st, id, f, now) == -1)
				return -1;
			if (audit_field(c, st->record_type, id, f->name, was,
			    now) == -1)
				return -1;
		}
		if (pass == 0 && plain_save(c, st, id, slot) == -1)
			return -1;
	}
	return 0;
}
