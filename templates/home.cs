<?cs include:"layout.cs" ?>
<?cs include:"contracts/overdue_rows.cs" ?>
<?cs call:layout_begin(L.home.title) ?>
<section aria-labelledby="due-h">
<h2 id="due-h"><?cs var:L.home.due ?></h2>
<?cs if:DueCount == 0 ?>
<p><?cs var:L.home.none_due ?></p>
<?cs else ?>
<table class="list">
<thead><tr><th scope="col"><?cs var:L.home.due_date ?></th><th scope="col"><?cs var:L.home.action ?></th><th scope="col"><?cs var:L.customer.code ?></th><th scope="col"><?cs var:L.customer.name ?></th><th scope="col"><?cs var:L.form.actions ?></th></tr></thead>
<tbody>
<?cs each:d = Due ?><tr<?cs if:d.overdue == 1 ?> class="overdue"<?cs /if ?>>
<td><?cs var:d.date ?><?cs if:d.overdue == 1 ?> <span class="tag"><?cs var:L.home.overdue ?></span><?cs /if ?></td>
<td><?cs var:d.action ?></td>
<td><?cs var:d.code ?></td>
<td><a href="/customers/<?cs var:d.customer_id ?>"><?cs var:d.name ?></a></td>
<td><form method="post" action="/customers/<?cs var:d.customer_id ?>/followups/<?cs var:d.id ?>/done" class="inline">
<input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
<input type="hidden" name="back" value="home">
<button type="submit"><?cs var:L.followup.mark_done ?></button>
</form></td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs /if ?>
</section>
<?cs if:Can.pending ?>
<section id="pending" aria-labelledby="pending-h">
<h2 id="pending-h"><?cs var:L.home.pending_title ?></h2>
<?cs if:subcount(Pending) == 0 ?>
<p><?cs var:L.home.none_pending ?></p>
<?cs else ?>
<table class="list">
<thead><tr><th scope="col"><?cs var:L.home.pending_since ?></th><th scope="col"><?cs var:L.home.pending_kind ?></th><th scope="col"><?cs var:L.home.pending_code ?></th><th scope="col"><?cs var:L.contract.customer ?></th><th scope="col"><?cs var:L.home.submitted_by ?></th><th scope="col" class="num"><?cs var:L.home.pending_total ?></th></tr></thead>
<tbody>
<?cs each:p = Pending ?><tr>
<td><?cs var:p.since ?></td>
<td><?cs var:L.home.kinds[p.kind] ?></td>
<td><a href="<?cs var:p.href ?>"><?cs var:p.code ?></a></td>
<td><?cs var:p.customer ?></td>
<td><?cs var:p.submitter ?></td>
<td class="num"><?cs var:p.total ?></td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs if:PendingMore ?><p class="hint"><?cs var:L.home.pending_more ?></p><?cs /if ?>
<?cs /if ?>
</section>
<?cs /if ?>
<?cs if:Can.overdue ?>
<section id="overdue" aria-labelledby="overdue-h">
<h2 id="overdue-h"><?cs var:L.home.overdue_title ?></h2>
<?cs if:subcount(Overdue) == 0 ?>
<p><?cs var:L.home.none_overdue ?></p>
<?cs else ?>
<?cs call:overdue_table(Overdue) ?>
<p><a href="/contracts/overdue"><?cs var:L.contract.overdue_all ?></a><?cs if:OverdueMore ?> …<?cs /if ?></p>
<?cs /if ?>
</section>
<?cs /if ?>
<?cs call:layout_end() ?>
