<?cs # Overdue instalments (lib/overdue.c): on the home page and the full list. ?>
<?cs def:overdue_table(rows) ?>
<table class="list">
<thead><tr>
<th scope="col"><?cs var:L.contract.due_date ?></th>
<th scope="col" class="num"><?cs var:L.contract.days_overdue ?></th>
<th scope="col"><?cs var:L.contract.code ?></th>
<th scope="col"><?cs var:L.contract.customer ?></th>
<th scope="col"><?cs var:L.contract.owner ?></th>
<th scope="col" class="num"><?cs var:L.contract.instalment ?></th>
<th scope="col" class="num"><?cs var:L.contract.amount ?></th>
<th scope="col" class="num"><?cs var:L.contract.outstanding ?></th>
</tr></thead>
<tbody>
<?cs each:r = rows ?><tr class="overdue">
<td><?cs var:r.due ?> <span class="tag"><?cs var:L.contract.overdue ?></span></td>
<td class="num"><?cs var:r.days ?></td>
<td><a href="/contracts/<?cs var:r.contract_id ?>"><?cs var:r.code ?></a> <?cs var:r.title ?></td>
<td><?cs var:r.customer ?></td>
<td><?cs var:r.owner ?></td>
<td class="num"><?cs var:r.position ?></td>
<td class="num"><?cs var:r.amount ?></td>
<td class="num"><?cs var:r.owed ?></td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs /def ?>
