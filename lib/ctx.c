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

/* v in decimal, into the end of a buffer of 24: no printf for each cell. */
static const char *
decimal(char num[24], long long v)
{
	unsigned long long	 u = v < 0 ? 0ULL - (unsigned long long)v :
				    (unsigned long long)v;
	char			*p = num + 23;

	*p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	return p;
}

HDF *
node_get(HDF *parent, const char *name)
{
	HDF	*node;

	/* Creating a node or setting a value fails only without memory. */
	if (hdf_get_node(parent, name, &node) != STATUS_OK)
		abort();
	return node;
}

HDF *
node_item(HDF *parent, int n)
{
	char	num[24];

	return node_get(parent, decimal(num, n));
}

HDF *
ctx_node(struct ctx *c, const char *name)
{
	return node_get(c->hdf, name);
}

int
node_count(HDF *node)
{
	int	n = 0;

	for (node = hdf_obj_child(node); node != NULL;
	    node = hdf_obj_next(node))
		n++;
	return n;
}

void
node_set(HDF *node, const char *name, const char *value)
{
	if (hdf_set_value(node, name, value ? value : "") != STATUS_OK)
		abort();
}

void
node_set_int(HDF *node, const char *name, long long v)
{
	char	num[24];

	node_set(node, name, decimal(num, v));
}

void
ctx_set(struct ctx *c, const char *name, const char *value)
{
	node_set(c->hdf, name, value);
}

void
ctx_set_int(struct ctx *c, const char *name, long long v)
{
	node_set_int(c->hdf, name, v);
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
