/*
 * search.h - substring search of names through a FULLTEXT index.
 *
 * InnoDB's parser sees a run of Chinese as one word, so names are indexed
 * as tokens that make substring search a word-prefix search: every bigram
 * of a CJK run, and every suffix (3+ letters) of a Latin word. A query is
 * turned into the same tokens with '+' (all required) and '*' (prefix), and
 * the hits are confirmed with LIKE, since tokens may match apart.
 */
#ifndef CRM_SEARCH_H
#define CRM_SEARCH_H

struct arena;

/* Index tokens for a name (valid UTF-8), space-separated. */
char	*search_tokens(struct arena *, const char *name);
/*
 * A boolean-mode MATCH expression for a user's term, or NULL when the
 * term has nothing the index can use (a single CJK character, say); the
 * caller then falls back to a bounded scan.
 */
char	*search_match(struct arena *, const char *term);
/* The term as a LIKE pattern: %term% with % _ \ escaped. */
char	*search_like(struct arena *, const char *term);
/* The term as a LIKE prefix pattern: term% with % _ \ escaped. */
char	*search_prefix(struct arena *, const char *term);

#endif
