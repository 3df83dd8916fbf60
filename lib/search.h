/*
 * search.h - substring search of names through the token table.
 *
 * Names are indexed as tokens that make substring search a token lookup:
 * every bigram of a CJK run, and every suffix (3+ letters) of a Latin word
 * (sql/004_customer_token.sql). A query becomes the same tokens, Latin ones
 * as prefixes; the caller reads the rarest one's rows in name order and
 * confirms each hit with LIKE, since one token is only part of the term.
 */
#ifndef CRM_SEARCH_H
#define CRM_SEARCH_H

struct arena;
struct db;

/* Index tokens for a name (valid UTF-8), space-separated. */
char	*search_tokens(struct arena *, const char *name);
/* The distinct index tokens of a name, in *out; how many. */
size_t	 search_token_list(struct arena *, const char *name, char ***out);
/*
 * Replace customer id's rows in customer_token with those of name; the
 * caller's transaction makes it one change with the name. 0 or -1.
 */
int	 search_index(struct db *, struct arena *, long long id,
	    const char *name);
#define SEARCH_MAX_TOKENS	8

struct search_token {
	const char	*text;
	int		 prefix;	/* match tokens starting with text */
};

/*
 * The tokens of a user's term, at most SEARCH_MAX_TOKENS; 0 when the term
 * has nothing the index can use (a single CJK character, say), and the
 * caller falls back to a bounded scan.
 */
size_t	 search_query(struct arena *, const char *term,
	    struct search_token *out);
/* The term as a LIKE pattern: %term% with % _ \ escaped. */
char	*search_like(struct arena *, const char *term);
/* The term as a LIKE prefix pattern: term% with % _ \ escaped. */
char	*search_prefix(struct arena *, const char *term);

#endif
