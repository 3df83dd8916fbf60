/*
 * arena.h - the per-request memory arena.
 *
 * Ownership rule of the whole program: everything a request allocates comes
 * from its arena and dies when the arena is reset after the response.
 * Nothing is freed one by one. An allocation failure aborts the worker
 * process; the master forks a fresh one (see server.c).
 */
#ifndef CRM_ARENA_H
#define CRM_ARENA_H

#include <stddef.h>

struct arena;

/* Create an empty arena. Never returns NULL. */
struct arena	*arena_new(void);
/* Release every block, the arena itself included. */
void		 arena_free(struct arena *);
/* Forget every allocation but keep the first block for the next request. */
void		 arena_reset(struct arena *);
/* Bytes handed out since the last reset (for tests and limits). */
size_t		 arena_used(const struct arena *);

/* Zero-filled memory aligned for any type. */
void		*arena_alloc(struct arena *, size_t);
/* Like arena_alloc for n elements of size sz, with an overflow check. */
void		*arena_calloc(struct arena *, size_t n, size_t sz);
char		*arena_strdup(struct arena *, const char *);
char		*arena_strndup(struct arena *, const char *, size_t);
char		*arena_printf(struct arena *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

#endif
