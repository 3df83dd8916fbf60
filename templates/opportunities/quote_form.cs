<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs # A new quote and a draft's edit form: rows of line fields, no script needed. ?>
<?cs if:Quote.id ?><?cs set:Page.title = L.quote.edit_title ?><?cs else ?><?cs set:Page.title = L.quote.new_title ?><?cs /if ?>
<?cs def:line_input(n, label, row) ?><input type="text" inputmode="decimal"<?cs call:field_attrs(n, 0) ?> aria-label="<?cs var:label ?>, <?cs var:L.quote.line ?> <?cs var:row ?>" value="<?cs var:Form[n] ?>"><?cs call:field_error(n) ?><?cs /def ?>
<?cs call:layout_begin(Page.title) ?>
<p class="code"><?cs if:Quote.code ?><?cs var:Quote.code ?> · <?cs /if ?><?cs var:Opp.code ?> · <?cs var:Opp.name ?> · <?cs var:Opp.customer ?></p>
<?cs if:Copy.code ?><p class="hint" id="copy-of"><?cs var:L.quote.copy_hint ?> <?cs var:Copy.code ?></p><?cs /if ?>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<form method="post" action="/opportunities/<?cs var:Opp.id ?>/quotes<?cs if:Quote.id ?>/<?cs var:Quote.id ?><?cs /if ?>" class="card" novalidate>
<?cs call:csrf() ?>
<?cs if:Quote.id ?><input type="hidden" name="version" value="<?cs var:Form.version ?>"><?cs /if ?>
<input type="hidden" name="rows" value="<?cs var:Form.rows ?>">
<fieldset>
<legend><?cs var:L.quote.lines ?></legend>
<p class="hint" id="lines-hint"><?cs var:L.quote.lines_hint ?></p>
<?cs if:Form.lines.error ?><p class="field-error" id="lines-error"><?cs var:Form.lines.error ?></p><?cs /if ?>
<div class="scroll">
<table class="list lines">
<thead><tr><th scope="col"><?cs var:L.quote.line ?></th><th scope="col"><?cs var:L.quote.product ?></th><th scope="col"><?cs var:L.quote.description ?></th><th scope="col"><?cs var:L.quote.quantity ?></th><th scope="col"><?cs var:L.quote.unit_price ?></th><th scope="col"><?cs var:L.quote.discount_pct ?></th></tr></thead>
<tbody>
<?cs each:r = Rows ?><tr>
<th scope="row"><?cs var:r.n ?></th>
<td><select<?cs call:field_attrs(r.product, 0) ?> aria-label="<?cs var:L.quote.product ?>, <?cs var:L.quote.line ?> <?cs var:r.n ?>">
<option value=""><?cs var:L.form.choose ?></option>
<?cs each:o = ChoiceList.product ?><option value="<?cs var:o.code ?>"<?cs if:Form[r.product] == o.code ?> selected<?cs /if ?>><?cs var:o.label ?></option>
<?cs /each ?></select><?cs call:field_error(r.product) ?></td>
<td><input type="text"<?cs call:field_attrs(r.description, 0) ?> aria-label="<?cs var:L.quote.description ?>, <?cs var:L.quote.line ?> <?cs var:r.n ?>" value="<?cs var:Form[r.description] ?>"><?cs call:field_error(r.description) ?></td>
<td><?cs call:line_input(r.qty, L.quote.quantity, r.n) ?></td>
<td><?cs call:line_input(r.price, L.quote.unit_price, r.n) ?></td>
<td><?cs call:line_input(r.discount, L.quote.discount_pct, r.n) ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<p class="hint"><?cs var:L.quote.rounding ?></p>
</fieldset>
<fieldset>
<legend><?cs var:L.quote.terms ?></legend>
<?cs call:field_input("valid_until", L.quote.valid_until, "date", 1) ?>
<?cs call:field_textarea("note", L.quote.note, 0) ?>
</fieldset>
<button type="submit" class="primary"><?cs var:L.form.save ?></button>
<?cs if:Form.more == 1 ?><button type="submit" name="more" value="1"><?cs var:L.quote.add_lines ?></button><?cs /if ?>
<a href="/opportunities/<?cs var:Opp.id ?><?cs if:Quote.id ?>/quotes/<?cs var:Quote.id ?><?cs /if ?>"><?cs var:L.form.cancel ?></a>
</form>
<?cs call:layout_end() ?>
