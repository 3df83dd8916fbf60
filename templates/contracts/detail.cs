<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.title = L.contract.heading + " " + Contract.code ?>
<?cs call:layout_begin(Page.title) ?>
<p class="code"><?cs var:Contract.title ?> · <?cs var:Contract.customer ?></p>
<div class="actions">
<?cs if:Can.edit == 1 ?><a class="button" href="/contracts/<?cs var:Contract.id ?>/edit"><?cs var:L.form.edit ?></a><?cs /if ?>
<a class="button" href="/contracts/<?cs var:Contract.id ?>/print"><?cs var:L.contract.print ?></a>
<?cs if:Can.delete == 1 ?><form method="post" action="/contracts/<?cs var:Contract.id ?>/delete" class="inline">
<?cs call:csrf() ?>
<button type="submit"><?cs var:L.contract.delete ?></button>
</form><?cs /if ?>
</div>

<section aria-labelledby="contract-h" class="card">
<h2 id="contract-h"><?cs var:L.contract.basic ?></h2>
<dl class="grid">
<dt><?cs var:L.contract.status ?></dt><dd id="contract-status"><?cs var:L.contract.statuses[Contract.status] ?></dd>
<dt><?cs var:L.contract.customer ?></dt><dd><?cs var:Contract.customer ?> <span class="code"><?cs var:Contract.customer_code ?></span></dd>
<dt><?cs var:L.contract.opportunity ?></dt><dd><?cs if:Can.opportunity == 1 ?><a href="/opportunities/<?cs var:Contract.opportunity_id ?>"><?cs var:Contract.opp_name ?></a><?cs else ?><?cs var:Contract.opp_name ?><?cs /if ?> <span class="code"><?cs var:Contract.opp_code ?></span></dd>
<?cs if:Contract.quote_id ?><dt><?cs var:L.contract.quote ?></dt><dd><?cs if:Can.opportunity == 1 ?><a href="/opportunities/<?cs var:Contract.opportunity_id ?>/quotes/<?cs var:Contract.quote_id ?>"><?cs var:Contract.quote_code ?></a><?cs else ?><?cs var:Contract.quote_code ?><?cs /if ?></dd><?cs /if ?>
<dt><?cs var:L.contract.owner ?></dt><dd><?cs var:Contract.owner ?></dd>
<dt><?cs var:L.contract.total ?></dt><dd><?cs var:Contract.total ?></dd>
<dt><?cs var:L.contract.sign_date ?></dt><dd><?cs var:Contract.sign_date ?></dd>
<dt><?cs var:L.contract.period ?></dt><dd><?cs var:Contract.start_date ?> – <?cs var:Contract.end_date ?></dd>
<dt><?cs var:L.contract.created_by ?></dt><dd><?cs var:Contract.creator ?> · <?cs var:Contract.created ?></dd>
<?cs if:Contract.terms ?><dt><?cs var:L.contract.terms ?></dt><dd class="pre"><?cs var:Contract.terms ?></dd><?cs /if ?>
</dl>
</section>

<?cs if:subcount(Lines) > 0 ?>
<section aria-labelledby="lines-h" class="card">
<h2 id="lines-h"><?cs var:L.contract.quote_lines ?> <?cs var:Quote.code ?></h2>
<div class="scroll">
<?cs include:"opportunities/quote_lines.cs" ?>
</div>
</section>
<?cs /if ?>

<section id="schedule" aria-labelledby="schedule-h" class="card">
<h2 id="schedule-h"><?cs var:L.contract.schedule ?></h2>
<div class="scroll">
<?cs include:"contracts/schedule.cs" ?>
</div>
</section>

<section id="payments" aria-labelledby="payments-h" class="card">
<h2 id="payments-h"><?cs var:L.contract.payments ?></h2>
<?cs if:subcount(Payments) > 0 ?>
<table class="list">
<thead><tr><th scope="col"><?cs var:L.contract.pay_date ?></th><th scope="col" class="num"><?cs var:L.contract.amount ?></th><th scope="col"><?cs var:L.contract.pay_method ?></th><th scope="col"><?cs var:L.contract.pay_reference ?></th><th scope="col"><?cs var:L.contract.note ?></th><th scope="col"><?cs var:L.contract.recorded_by ?></th><?cs if:Can.reverse == 1 ?><th scope="col"><?cs var:L.contract.reverse_title ?></th><?cs /if ?></tr></thead>
<tbody>
<?cs each:p = Payments ?><tr id="payment-<?cs var:p.id ?>"><td><?cs var:p.date ?><?cs if:p.reversal == 1 ?> <span class="tag"><?cs var:L.contract.reversal ?></span><?cs elif:p.reversed == 1 ?> <span class="tag"><?cs var:L.contract.reversed ?></span><?cs /if ?></td><td class="num"><?cs var:p.amount ?></td><td><?cs var:p.method ?></td><td><?cs var:p.reference ?></td><td><?cs var:p.note ?></td><td><?cs var:p.by ?></td>
<?cs if:Can.reverse == 1 ?><td><?cs if:p.reversal == 0 && p.reversed == 0 ?>
<?cs # One small form per payment; a refused one keeps its reason and
     says why beside it. ?>
<form method="post" action="/contracts/<?cs var:Contract.id ?>/payments/<?cs var:p.id ?>/reverse" class="inline" novalidate>
<?cs call:csrf() ?>
<?cs if:Reverse.refused == p.id ?>
<input type="text" name="reason" maxlength="500" value="<?cs var:Form.reason ?>" aria-label="<?cs var:L.contract.reverse_reason ?>: <?cs var:p.date ?> <?cs var:p.amount ?>" aria-invalid="true" aria-describedby="reverse-error-<?cs var:p.id ?>">
<span class="field-error" id="reverse-error-<?cs var:p.id ?>"><?cs var:Form.reason.error ?></span>
<?cs else ?>
<input type="text" name="reason" maxlength="500" placeholder="<?cs var:L.contract.reverse_reason ?>" aria-label="<?cs var:L.contract.reverse_reason ?>: <?cs var:p.date ?> <?cs var:p.amount ?>">
<?cs /if ?>
<button type="submit"><?cs var:L.contract.reverse ?></button>
</form>
<?cs /if ?></td><?cs /if ?></tr>
<?cs /each ?></tbody>
</table>
<?cs else ?><p><?cs var:L.contract.no_payments ?></p><?cs /if ?>
<?cs if:Can.pay == 1 ?>
<form method="post" action="/contracts/<?cs var:Contract.id ?>/payments" class="subform" novalidate>
<h3><?cs var:L.contract.pay_title ?></h3>
<p class="hint"><?cs var:L.contract.pay_hint ?></p>
<?cs call:csrf() ?>
<?cs call:field_input("pay_date", L.contract.pay_date, "date", 1) ?>
<?cs call:field_input("pay_amount", L.contract.amount, "text", 1) ?>
<?cs call:field_select("pay_method", L.contract.pay_method, "payment_method", 1) ?>
<?cs call:field_input("pay_reference", L.contract.pay_reference, "text", 0) ?>
<?cs call:field_input("pay_note", L.contract.note, "text", 0) ?>
<button type="submit"><?cs var:L.contract.pay_submit ?></button>
</form>
<?cs /if ?>
</section>

<?cs call:approval_section("/contracts/" + Contract.id, L.contract, "reject") ?>

<?cs include:"history.cs" ?>
<?cs call:layout_end() ?>
