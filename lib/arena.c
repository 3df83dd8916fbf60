/*
 * arena.c - bump allocator in a chain of blocks.
 *
 * Small requests are carved from the current block; a request larger than a
 * quarter of the block size gets a block of its own so that it does not waste
 * the rest of the current one. A reset keeps the standard blocks for the
 * next request, up to ARENA_KEEP of them: a worker that built a large page
 * once does not return the memory to malloc and ask for it again on every
 * request (which costs malloc's consolidation of its free lists each time).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define ARENA_BLOCK	(64 * 1024)
#define ARENA_KEEP	16		/* standard blocks kept across resets */
#define ARENA_ALIGN	(_Alignof(max_align_t))

struct block {
	struct block	*next;
	size_t		 size;
	size_t		 used;
	max_align_t	 data[];
};

struct arena {
	struct block	*head;	/* current block; the first block is last */
	struct block	*big;	/* blocks of one large allocation each */
	struct block	*spare;	/* standard blocks kept by a reset */
	size_t		 nspare;
	size_t		 total;
};

static void
blocks_free(struct block *b)
{
	struct block	*next;

	for (; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
}

static struct block *
block_new(size_t size)
{
	struct block	*b;

	if (size > SIZE_MAX - sizeof(*b))
		abort();
	if ((b = malloc(sizeof(*b) + size)) == NULL)
		abort();
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

struct arena *
arena_new(void)
{
	struct arena	*a;

	if ((a = malloc(sizeof(*a))) == NULL)
		abort();
	a->head = block_new(ARENA_BLOCK);
	a->big = NULL;
	a->spare = NULL;
	a->nspare = 0;
	a->total = 0;
	return a;
}

void
arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	blocks_free(a->head);
	blocks_free(a->big);
	blocks_free(a->spare);
	free(a);
}

void
arena_reset(struct arena *a)
{
	struct block	*b;

	while (a->head->next != NULL) {
		b = a->head;
		a->head = b->next;
		if (a->nspare < ARENA_KEEP) {
			b->next = a->spare;
			a->spare = b;
			a->nspare++;
		} else
			free(b);
	}
	a->head->used = 0;
	blocks_free(a->big);
	a->big = NULL;
	a->total = 0;
}

size_t
arena_used(const struct arena *a)
{
	return a->total;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct block	*b;
	size_t		 need;
	void		*p;

	if (n > SIZE_MAX - ARENA_ALIGN)
		abort();
	need = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (need == 0)
		need = ARENA_ALIGN;
	b = a->head;
	if (need > ARENA_BLOCK / 4) {
		/* A block of its own, so the current one keeps serving. */
		b = block_new(need);
		b->next = a->big;
		a->big = b;
	} else if (b->size - b->used < need) {
		if ((b = a->spare) != NULL) {
			a->spare = b->next;
			a->nspare--;
			b->used = 0;
		} else
			b = block_new(ARENA_BLOCK);
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += need;
	a->total += need;
	memset(p, 0, n);
	return p;
}

void *
arena_calloc(struct arena *a, size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		abort();
	return arena_alloc(a, n * sz);
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	char	*p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
