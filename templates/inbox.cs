<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs call:layout_begin(L.inbox.title) ?>
<p class="hint"><?cs var:L.inbox.hint ?></p>
<?cs if:User.unread ?>
<form method="post" action="/inbox/read" class="actions">
<?cs call:csrf() ?>
<button type="submit"><?cs var:L.inbox.mark_all ?></button>
</form>
<?cs /if ?>
<?cs if:subcount(Notes) > 0 ?>
<ol class="inbox" id="notes">
<?cs each:n = Notes ?><li class="<?cs if:n.unread == 1 ?>unread<?cs else ?>read<?cs /if ?>" id="note-<?cs var:n.id ?>">
<p><?cs if:n.unread == 1 ?><strong class="tag"><?cs var:L.inbox.unread ?></strong> <?cs else ?><span class="sr"><?cs var:L.inbox.read ?>: </span><?cs /if ?><?cs var:n.text ?></p>
<p class="hint"><?cs var:n.at ?></p>
<form method="post" action="/inbox/<?cs var:n.id ?>/open" class="inline">
<?cs call:csrf() ?>
<button type="submit" class="link"><?cs var:L.inbox.open ?><span class="sr"> <?cs var:n.code ?></span></button>
</form>
<?cs if:n.unread == 1 ?>
<form method="post" action="/inbox/<?cs var:n.id ?>/read" class="inline">
<?cs call:csrf() ?>
<button type="submit"><?cs var:L.inbox.mark_read ?><span class="sr"> <?cs var:n.code ?></span></button>
</form>
<?cs /if ?>
</li>
<?cs /each ?></ol>
<?cs else ?>
<p><?cs var:L.inbox.empty ?></p>
<?cs /if ?>
<?cs if:Inbox.paged || Inbox.next ?>
<nav class="pager" aria-label="<?cs var:L.inbox.title ?>">
<?cs if:Inbox.paged ?><a href="/inbox"><?cs var:L.inbox.newest ?></a><?cs /if ?>
<?cs if:Inbox.next ?><a rel="next" href="/inbox?before=<?cs var:Inbox.next ?>"><?cs var:L.inbox.older ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs call:layout_end() ?>
