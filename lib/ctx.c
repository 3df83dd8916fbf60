/*
 * ctx.c - the request context and its template data.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>

#include "arena.h"
#include "ctx.h"
#include "log.h"
#include "tmpl.h"

void
ctx_init(struct ctx *c, struct arena *a, struct db *db)
{
	NEOERR	*err;

	*c = (struct ctx){ 0 };
	c->arena = a;
	c->db = db;
	c->status = 200;
	c->lang = "en";
	c->content_type = "text/html; charset=utf-8";
	buf_init(&c->headers, a);
	buf_init(&c->body, a);
	if ((err = hdf_init(&c->hdf)) != STATUS_OK)
		abort();
}

void
ctx_end(struct ctx *c)
{
	hdf_destroy(&c->hdf);
}

void
ctx_set(struct ctx *c, const char *name, const char *value)
{
	NEOERR	*err;

	if ((err = hdf_set_value(c->hdf, name, value ? value : "")) !=
	    STATUS_OK)
		abort();	/* only out of memory */
}

void
ctx_set_int(struct ctx *c, const char *name, long long v)
{
	char	num[32];

	snprintf(num, sizeof(num), "%lld", v);
	ctx_set(c, name, num);
}

void
ctx_setf(struct ctx *c, const char *name, const char *fmt, ...)
{
	va_list	 ap;
	struct buf b;

	buf_init(&b, c->arena);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	ctx_set(c, name, buf_str(&b));
}

const char *
ctx_msg(struct ctx *c, const char *key)
{
	return hdf_get_value(tmpl_lang(c->lang),
	    arena_printf(c->arena, "L.%s", key), key);
}
