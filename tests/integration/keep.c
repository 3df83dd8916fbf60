/*
 * keep.c - arenas that stay reachable when a test ends early.
 */
#include <stddef.h>

#include "arena.h"
#include "keep.h"

#define KEEP_SLOTS	1024

static struct arena	*kept[KEEP_SLOTS];

struct arena *
tarena_new(void)
{
	struct arena	*a = arena_new();
	size_t		 i;

	for (i = 0; i < KEEP_SLOTS; i++)
		if (kept[i] == NULL) {
			kept[i] = a;
			break;
		}
	return a;
}

void
tarena_free(struct arena *a)
{
	size_t	i;

	if (a == NULL)
		return;
	for (i = 0; i < KEEP_SLOTS; i++)
		if (kept[i] == a) {
			kept[i] = NULL;
			break;
		}
	arena_free(a);
}
