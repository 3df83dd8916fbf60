/*
 * notify.h - telling a user something: a row of their in-app inbox,
 * their unread count, and, when mail is configured and they have an
 * address, a mail in the outbox in their language.
 *
 * Everything is written in the caller's transaction, so a notice stands
 * or falls with the change it tells of. The outbox is delivered by
 * tools/scheduler.c; the inbox is cgi-bin/inbox.c.
 */
#ifndef CRM_NOTIFY_H
#define CRM_NOTIFY_H

struct arena;
struct db;

enum notice_kind {
	NOTICE_STAGE,	/* an opportunity entered a stage */
	NOTICE_STALE,	/* no update within the stage's limit */
	NOTICE_APPROVAL	/* a quote or contract waits for a decision */
};

/* Labels come in both languages: [0] English, [1] Chinese. */
#define NOTICE_LANGS	2

/* What happened, as a notification or a mail tells it. */
struct notice {
	enum notice_kind	 kind;
	long long		 opp_id;
	/* NOTICE_APPROVAL: the record, one of them; code and name are its
	 * code and its opportunity's name or its title. */
	long long		 quote_id, contract_id;
	long long		 actor_id;	/* 0: nobody (the scheduler) */
	const char		*code, *name;	/* the opportunity's */
	const char		*actor;		/* the actor's name */
	const char		*from, *to;	/* stage codes; from NULL: new */
	const char		*from_label[NOTICE_LANGS];
	const char		*to_label[NOTICE_LANGS];
	int			 hours;		/* NOTICE_STALE: the limit */
};

/* Someone to tell. */
struct recipient {
	long long	 id;
	const char	*lang;
	const char	*email;		/* NULL or "": no mail */
};

/* The notice as one line of text in lang (in arena). */
const char	*notice_text(struct arena *, const char *lang,
		    const struct notice *);
/* The page a notice leads to: its record's, else its opportunity's. */
const char	*notice_path(struct arena *, const struct notice *);
/*
 * Tell one user, in the caller's transaction: the inbox row, the unread
 * count, and the mail when configured (config_mail()). 0, or -1.
 */
int		 notify(struct db *, struct arena *, const struct recipient *,
		    const struct notice *);
/*
 * Tell those who may decide on a record of type rtype (by name) with this
 * owner and team, but the actor: the users whose roles approve it in team
 * or own scope, or, when there are none, those who approve for all. In
 * the caller's transaction; 0, or -1.
 */
int		 notify_approvers(struct db *, struct arena *,
		    const char *rtype, long long owner, long long team,
		    const struct notice *);

#endif
