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
	NOTICE_STALE	/* no update within the stage's limit */
};

/* Labels come in both languages: [0] English, [1] Chinese. */
#define NOTICE_LANGS	2

/* What happened, as a notification or a mail tells it. */
struct notice {
	enum notice_kind	 kind;
	long long		 opp_id;
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
/*
 * Tell one user, in the caller's transaction: the inbox row, the unread
 * count, and the mail when configured (config_mail()). 0, or -1.
 */
int		 notify(struct db *, struct arena *, const struct recipient *,
		    const struct notice *);

#endif
