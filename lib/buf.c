/*
 * buf.c - growable strings backed by the request arena.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"

void
buf_init(struct buf *b, struct arena *a)
{
	b->arena = a;
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

/* Make room for n more bytes and the terminating NUL. */
static void
buf_grow(struct buf *b, size_t n)
{
	size_t	 want;
	char	*p;

	if (n > SIZE_MAX / 2 - b->len - 1)
		abort();
	if (b->len + n + 1 <= b->cap)
		return;
	want = b->cap ? b->cap * 2 : 128;
	while (want < b->len + n + 1)
		want *= 2;
	p = arena_alloc(b->arena, want);
	if (b->len)
		memcpy(p, b->data, b->len);
	b->data = p;
	b->cap = want;
}

void
buf_append(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void
buf_putc(struct buf *b, int c)
{
	char	ch = (char)c;

	buf_append(b, &ch, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 cp;
	int	 n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		abort();
	buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_truncate(struct buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->data[len] = '\0';
	}
}

const char *
buf_str(const struct buf *b)
{
	return b->data ? b->data : "";
}
