<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs # A new contract (from Source) and a draft's or rejected one's edit form: rows of instalments, no script needed. ?>
<?cs if:Contract.id ?><?cs set:Page.title = L.contract.edit_title ?><?cs else ?><?cs set:Page.title = L.contract.new_title ?><?cs /if ?>
<?cs def:row_input(n, label, row, type) ?><input type="<?cs var:type ?>"<?cs call:field_attrs(n, 0) ?> aria-label="<?cs var:label ?>, <?cs var:L.contract.instalment ?> <?cs var:row ?>" value="<?cs var:Form[n] ?>"><?cs call:field_error(n) ?><?cs /def ?>
<?cs call:layout_begin(Page.title) ?>
<?cs if:Contract.id ?>
<p class="code"><?cs var:Contract.code ?> · <?cs var:Contract.opp_code ?> · <?cs var:Contract.customer ?> · <?cs var:Contract.owner ?></p>
<?cs set:Shown.total = Contract.total ?>
<?cs elif:Source.opportunity_id ?>
<p class="code"><?cs var:Source.opp_code ?> · <?cs var:Source.opp_name ?> · <?cs var:Source.customer ?> · <?cs var:Source.owner ?></p>
<?cs set:Shown.total = Source.total ?>
<?cs else ?>
<p><?cs var:L.contract.no_source ?></p>
<p><a href="/opportunities?stage=won"><?cs var:L.contract.won_opportunities ?></a></p>
<?cs /if ?>
<?cs if:Contract.id || Source.opportunity_id ?>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<?cs if:subcount(Lines) > 0 ?>
<section aria-labelledby="lines-h" class="card">
<h2 id="lines-h"><?cs var:L.contract.quote_lines ?> <?cs var:Quote.code ?></h2>
<div class="scroll">
<?cs include:"opportunities/quote_lines.cs" ?>
</div>
</section>
<?cs /if ?>
<form method="post" action="/contracts<?cs if:Contract.id ?>/<?cs var:Contract.id ?><?cs /if ?>" class="card" novalidate>
<?cs call:csrf() ?>
<?cs if:Contract.id ?><input type="hidden" name="version" value="<?cs var:Form.version ?>">
<?cs else ?><input type="hidden" name="opportunity" value="<?cs var:Source.opportunity_id ?>">
<?cs if:Source.quote_id ?><input type="hidden" name="quote" value="<?cs var:Source.quote_id ?>"><?cs /if ?>
<?cs /if ?>
<input type="hidden" name="rows" value="<?cs var:Form.rows ?>">
<fieldset>
<legend><?cs var:L.contract.basic ?></legend>
<?cs call:field_input("title", L.contract.title, "text", 1) ?>
<p class="field readonly"><span class="label"><?cs var:L.contract.total ?></span> <span id="f-total"><?cs var:Shown.total ?></span></p>
<?cs call:field_input("sign_date", L.contract.sign_date, "date", 1) ?>
<?cs call:field_input("start_date", L.contract.start_date, "date", 1) ?>
<?cs call:field_input("end_date", L.contract.end_date, "date", 1) ?>
<?cs call:field_textarea("terms", L.contract.terms, 0) ?>
</fieldset>
<fieldset>
<legend><?cs var:L.contract.schedule ?></legend>
<p class="hint" id="schedule-hint"><?cs var:L.contract.schedule_hint ?></p>
<?cs if:Form.schedule.error ?><p class="field-error" id="schedule-error" role="alert"><?cs var:Form.schedule.error ?>
<?cs if:Mismatch.sum ?><?cs var:L.contract.schedule_sum ?> <?cs var:Mismatch.sum ?> · <?cs var:L.contract.total ?> <?cs var:Mismatch.total ?> · <?cs var:L.contract.difference ?> <?cs var:Mismatch.diff ?><?cs /if ?></p><?cs /if ?>
<div class="scroll">
<table class="list lines">
<thead><tr><th scope="col"><?cs var:L.contract.instalment ?></th><th scope="col"><?cs var:L.contract.due_date ?></th><th scope="col"><?cs var:L.contract.amount ?></th><th scope="col"><?cs var:L.contract.note ?></th></tr></thead>
<tbody>
<?cs each:r = Rows ?><tr>
<th scope="row"><?cs var:r.n ?></th>
<td><?cs call:row_input(r.due, L.contract.due_date, r.n, "date") ?></td>
<td><?cs call:row_input(r.amount, L.contract.amount, r.n, "text") ?></td>
<td><?cs call:row_input(r.note, L.contract.note, r.n, "text") ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
</fieldset>
<button type="submit" class="primary"><?cs var:L.form.save ?></button>
<?cs if:Form.more == 1 ?><button type="submit" name="more" value="1"><?cs var:L.contract.add_rows ?></button><?cs /if ?>
<a href="<?cs if:Contract.id ?>/contracts/<?cs var:Contract.id ?><?cs else ?>/opportunities/<?cs var:Source.opportunity_id ?><?cs /if ?>"><?cs var:L.form.cancel ?></a>
</form>
<?cs /if ?>
<?cs call:layout_end() ?>
