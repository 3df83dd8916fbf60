/*
 * form.c - server-side validation of declared form fields.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "str.h"
#include "utf8.h"

static int
field_index(const struct form *f, const char *name)
{
	size_t	i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *
form_value(const struct form *f, const char *name)
{
	int	i = field_index(f, name);

	return i < 0 ? NULL : f->values[i];
}

const char *
form_value_or(const struct form *f, const char *name, const char *kept)
{
	int	i = field_index(f, name);

	return i < 0 ? kept : f->values[i];
}

void
form_fill(struct ctx *c, const char *name, const char *value)
{
	ctx_set(c, arena_printf(c->arena, "Form.%s", name), value);
}

void
form_conflict(struct ctx *c, const char *msg_key, long long version)
{
	db_rollback(c->db);
	c->status = 409;
	ctx_set(c, "Error", ctx_msg(c, msg_key));
	ctx_set_int(c, "Form.version", version);
}

void
form_error_text(struct ctx *c, struct form *f, const char *name,
    const char *msg)
{
	ctx_set(c, arena_printf(c->arena, "Form.%s.error", name), msg);
	ctx_set_int(c, "Form.errors", ++f->nerrors);
}

void
form_error(struct ctx *c, struct form *f, const char *name, const char *key)
{
	form_error_text(c, f, name, ctx_msg(c, key));
}

const char *
form_mobile(struct ctx *c, const char *s)
{
	char	digits[16];
	size_t	n = 0;

	if (str_prefix(s, "+86"))
		s += 3;
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '-')
			continue;
		if (!isdigit((unsigned char)*s) || n == 11)
			return NULL;
		digits[n++] = *s;
	}
	if (n != 11 || digits[0] != '1' || digits[1] < '3' || digits[1] > '9')
		return NULL;
	return arena_strndup(c->arena, digits, n);
}

int
form_email_ok(const char *s)
{
	const char	*at, *dot, *p;

	if (strlen(s) > 254 || (at = strchr(s, '@')) == NULL || at == s ||
	    strchr(at + 1, '@') != NULL)
		return 0;
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || strchr("<>()[],;:\"\\", *p))
			return 0;
	dot = strrchr(at, '.');
	return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* "1,234.5" -> "1234.50"; NULL if not a non-negative amount <= max. */
const char *
form_money(struct ctx *c, const char *s, long long max_cents)
{
	long long	 units = 0, cents = 0;
	int		 digits = 0, decimals = -1;

	for (; *s != '\0'; s++) {
		if (*s == ',' && decimals < 0)
			continue;
		if (*s == '.' && decimals < 0) {
			decimals = 0;
			continue;
		}
		if (!isdigit((unsigned char)*s) || decimals == 2)
			return NULL;
		if (decimals >= 0) {
			cents = cents * 10 + (*s - '0');
			decimals++;
		} else {
			if (units > max_cents / 100)
				return NULL;
			units = units * 10 + (*s - '0');
			digits++;
		}
	}
	if (digits == 0 || decimals == 0)
		return NULL;
	if (decimals == 1)
		cents *= 10;
	if (units * 100 + cents > max_cents)
		return NULL;
	return arena_printf(c->arena, "%lld.%02lld", units, cents);
}

/*
 * "-0012.50" -> "-12.5": an optional minus, up to 15 digits, up to 4
 * decimals; one spelling per number, as the audit log compares them. A
 * stored DECIMAL ("12.5000") reads back the same way. NULL if invalid.
 */
const char *
form_decimal(struct ctx *c, const char *s)
{
	const char	*int_start, *int_end, *frac = NULL, *frac_end;
	int		 neg = *s == '-';

	int_start = s + neg;
	for (int_end = int_start; isdigit((unsigned char)*int_end); int_end++)
		continue;
	frac_end = int_end;
	if (*int_end == '.') {
		frac = int_end + 1;
		for (frac_end = frac; isdigit((unsigned char)*frac_end);
		    frac_end++)
			continue;
		if (frac_end == frac || frac_end - frac > 4)
			return NULL;
	}
	if (*frac_end != '\0' || int_end == int_start)
		return NULL;
	while (*int_start == '0' && int_end - int_start > 1)
		int_start++;
	if (int_end - int_start > 15)
		return NULL;
	while (frac != NULL && frac_end > frac && frac_end[-1] == '0')
		frac_end--;
	if (frac == frac_end)
		frac = NULL;
	if (frac == NULL && int_end - int_start == 1 && *int_start == '0')
		neg = 0;
	return arena_printf(c->arena, "%s%.*s%s%.*s", neg ? "-" : "",
	    (int)(int_end - int_start), int_start, frac ? "." : "",
	    frac ? (int)(frac_end - frac) : 0, frac ? frac : "");
}

static int
days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

int
form_date_ok(const char *s)
{
	int	y, m, d, n = 0;

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= days_in_month(y, m);
}

static const char *
form_datetime(struct ctx *c, const char *s)
{
	char	date[11];
	int	hh, mm, n = 0;

	if (strlen(s) != 16 || (s[10] != 'T' && s[10] != ' '))
		return NULL;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!form_date_ok(date) || sscanf(s + 11, "%2d:%2d%n", &hh, &mm,
	    &n) != 2 || n != 5 || hh > 23 || mm > 59 || hh < 0 || mm < 0)
		return NULL;
	return arena_printf(c->arena, "%s %02d:%02d:00", date, hh, mm);
}

static const char *
form_int(struct ctx *c, const char *s, long long min, long long max)
{
	char		*end;
	long long	 v;

	if (!isdigit((unsigned char)*s) && *s != '-')
		return NULL;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || v < min || v > max)
		return NULL;
	return arena_printf(c->arena, "%lld", v);
}

static int
code_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Several codes from repeated inputs of one name: sorted, without
 * repeats, joined by ',' -- one spelling per set, as stored.
 */
static const char *
form_multi(struct ctx *c, const struct field *fd, int *bad)
{
	const struct param	*p;
	const char		**codes;
	struct buf		 b;
	size_t			 n = 0, i;

	for (p = c->req.form; p != NULL; p = p->next)
		n++;
	codes = arena_calloc(c->arena, n ? n : 1, sizeof(*codes));
	n = 0;
	for (p = c->req.form; p != NULL; p = p->next) {
		if (strcmp(p->name, fd->name) != 0 || *p->value == '\0')
			continue;
		if (!choice_valid(c, fd->list, p->value)) {
			*bad = 1;
			return NULL;
		}
		ctx_set(c, arena_printf(c->arena, "Form.%s.%s", fd->name,
		    p->value), "1");
		codes[n++] = p->value;
	}
	qsort(codes, n, sizeof(*codes), code_cmp);
	buf_init(&b, c->arena);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(codes[i], codes[i - 1]) == 0)
			continue;
		if (b.len)
			buf_putc(&b, ',');
		buf_puts(&b, codes[i]);
	}
	return b.len ? b.data : NULL;
}

/* Validate one field; returns the message key of its error or NULL. */
static const char *
field_check(struct ctx *c, const struct field *fd, const char *raw,
    const char **out)
{
	const char	*v = NULL;
	int		 bad = 0;

	*out = NULL;
	if (fd->type == FT_MULTI) {
		*out = form_multi(c, fd, &bad);
		if (bad)
			return "form.bad_choice";
		return *out == NULL && (fd->flags & FIELD_REQUIRED) ?
		    "form.required" : NULL;
	}
	if (*raw == '\0')
		return (fd->flags & FIELD_REQUIRED) ? "form.required" : NULL;
	if (fd->maxlen && utf8_len(raw) > fd->maxlen)
		return "form.too_long";
	switch (fd->type) {
	case FT_TEXT:
		if (strpbrk(raw, "\r\n\t") != NULL)
			return "form.one_line";
		/* FALLTHROUGH */
	case FT_LONGTEXT:
	case FT_PASSWORD:
		v = raw;
		break;
	case FT_INT:
		if ((v = form_int(c, raw, fd->min, fd->max)) == NULL)
			return "form.bad_int";
		break;
	case FT_MONEY:
		if ((v = form_money(c, raw, 999999999999999LL)) == NULL)
			return "form.bad_money";
		break;
	case FT_PERCENT:
		if ((v = form_money(c, raw, 10000)) == NULL)
			return "form.bad_percent";
		break;
	case FT_DECIMAL:
		if ((v = form_decimal(c, raw)) == NULL)
			return "form.bad_decimal";
		break;
	case FT_DATE:
		if (!form_date_ok(raw))
			return "form.bad_date";
		v = raw;
		break;
	case FT_DATETIME:
		if ((v = form_datetime(c, raw)) == NULL)
			return "form.bad_datetime";
		break;
	case FT_CHOICE:
		if (!choice_valid(c, fd->list, raw))
			return "form.bad_choice";
		v = raw;
		break;
	case FT_MOBILE:
		if ((v = form_mobile(c, raw)) == NULL)
			return "form.bad_mobile";
		break;
	case FT_EMAIL:
		if (!form_email_ok(raw))
			return "form.bad_email";
		v = raw;
		break;
	case FT_MULTI:
		break;
	}
	*out = v;
	return NULL;
}

/* Read fields from the body, or from the query string of a search form. */
static int
form_read_from(struct ctx *c, const struct field *fields, size_t n,
    struct form *f, int query)
{
	const char	*raw, *err;
	size_t		 i;

	f->fields = fields;
	f->n = n;
	f->values = arena_calloc(c->arena, n, sizeof(*f->values));
	f->nerrors = 0;
	if (choice_load(c) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		/* Single-line text is trimmed; long text keeps its layout. */
		raw = query ? req_query(&c->req, fields[i].name) :
		    req_form(&c->req, fields[i].name);
		if (fields[i].type == FT_LONGTEXT || fields[i].type ==
		    FT_PASSWORD)
			raw = raw ? raw : "";
		else
			raw = str_trim(c->arena, raw);
		if (fields[i].type != FT_PASSWORD && fields[i].type != FT_MULTI)
			form_fill(c, fields[i].name, raw);
		if ((err = field_check(c, &fields[i], raw, &f->values[i])) !=
		    NULL)
			form_error(c, f, fields[i].name, err);
	}
	return f->nerrors;
}

int
form_read(struct ctx *c, const struct field *fields, size_t n, struct form *f)
{
	return form_read_from(c, fields, n, f, 0);
}

int
form_read_query(struct ctx *c, const struct field *fields, size_t n,
    struct form *f)
{
	return form_read_from(c, fields, n, f, 1);
}
