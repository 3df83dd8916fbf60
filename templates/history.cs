<?cs # A record's history (audit_history, lib/audit.h): sealed values never show. ?>
<section id="history" aria-labelledby="history-h" class="card">
<h2 id="history-h"><?cs var:L.history.title ?></h2>
<table class="list">
<thead><tr><th scope="col"><?cs var:L.history.at ?></th><th scope="col"><?cs var:L.history.user ?></th><th scope="col"><?cs var:L.history.action ?></th><th scope="col"><?cs var:L.history.field ?></th><th scope="col"><?cs var:L.history.old ?></th><th scope="col"><?cs var:L.history.new ?></th></tr></thead>
<tbody>
<?cs each:h = History ?><tr><td><?cs var:h.at ?></td><td><?cs var:h.user ?></td><td><?cs alt:L.audit_action[h.action] ?><?cs var:h.action ?><?cs /alt ?></td><td><?cs var:h.field ?></td><?cs if:h.action == "update_sealed" ?><td colspan="2"><?cs var:L.history.sealed ?></td><?cs else ?><td><?cs var:h.old ?></td><td><?cs var:h.new ?></td><?cs /if ?></tr>
<?cs /each ?></tbody>
</table>
</section>
