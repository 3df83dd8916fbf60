<?cs # A contract's instalments with what is paid and owed, on its page and in its print view. ?>
<table class="list" id="schedule-table">
<thead><tr><th scope="col"><?cs var:L.contract.instalment ?></th><th scope="col"><?cs var:L.contract.due_date ?></th><th scope="col" class="num"><?cs var:L.contract.amount ?></th><th scope="col" class="num"><?cs var:L.contract.paid_amount ?></th><th scope="col" class="num"><?cs var:L.contract.outstanding ?></th><th scope="col"><?cs var:L.contract.note ?></th></tr></thead>
<tbody>
<?cs each:s = Schedule ?><tr<?cs if:s.overdue == 1 ?> class="overdue"<?cs /if ?>><td><?cs var:s.n ?></td><td><?cs var:s.due ?><?cs if:s.overdue == 1 ?> <span class="tag"><?cs var:L.contract.overdue ?></span><?cs /if ?></td><td class="num"><?cs var:s.amount ?></td><td class="num"><?cs var:s.paid ?></td><td class="num" id="owed-<?cs var:s.n ?>"><?cs var:s.owed ?></td><td><?cs var:s.note ?></td></tr>
<?cs /each ?></tbody>
<tfoot>
<tr class="total"><th scope="row" colspan="2" class="num"><?cs var:L.contract.total ?></th><td class="num" id="contract-total"><?cs var:Contract.total ?></td><td class="num" id="contract-paid"><?cs var:Contract.paid ?></td><td class="num" id="contract-outstanding"><?cs var:Contract.outstanding ?></td><td></td></tr>
</tfoot>
</table>
