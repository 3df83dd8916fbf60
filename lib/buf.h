/*
 * buf.h - a growable string in the request arena.
 *
 * The one string-building type of the program. The contents are always
 * NUL-terminated; growth copies into a larger arena block and leaves the old
 * one to die with the request.
 */
#ifndef CRM_BUF_H
#define CRM_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

struct buf {
	struct arena	*arena;
	char		*data;
	size_t		 len;
	size_t		 cap;
};

void	 buf_init(struct buf *, struct arena *);
void	 buf_append(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list);
void	 buf_truncate(struct buf *, size_t);
/* The contents, NUL-terminated; "" for an empty buffer. */
const char *buf_str(const struct buf *);

#endif
