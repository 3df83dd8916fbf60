/*
 * keep.h - arenas that stay reachable when a test ends early.
 *
 * A failing check ends the test's process at once, so the arenas it had
 * open are never freed; under the sanitizer build LeakSanitizer would
 * then report them, and the report would fail the sanitizer step as if a
 * program leaked. Arenas made here are remembered in a table until freed,
 * so an early end leaves them reachable rather than lost.
 */
#ifndef IT_KEEP_H
#define IT_KEEP_H

struct arena;

/* arena_new(), remembered until tarena_free(). */
struct arena	*tarena_new(void);
/* Forget and free an arena from tarena_new(); NULL is ignored. */
void		 tarena_free(struct arena *);

#endif
