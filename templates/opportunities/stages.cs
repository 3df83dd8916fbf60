<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs call:layout_begin(L.opp.stages_title) ?>
<p class="hint"><?cs var:L.opp.stages_hint ?></p>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<form method="post" action="/opportunities/stages" class="card" novalidate>
<?cs call:csrf() ?>
<table class="list">
<thead><tr><th scope="col"><?cs var:L.opp.stage ?></th><th scope="col"><?cs var:L.opp.outcome ?></th><th scope="col"><?cs var:L.opp.default_probability ?></th></tr></thead>
<tbody>
<?cs each:s = Stages ?><tr>
<th scope="row"><label for="f-p_<?cs var:s.code ?>"><?cs var:s.label ?></label></th>
<td><?cs var:L.opp.outcomes[s.outcome] ?></td>
<td class="field<?cs if:Form["p_" + s.code].error ?> invalid<?cs /if ?>"><input type="number" min="0" max="100"<?cs call:field_attrs("p_" + s.code, 1) ?> value="<?cs var:Form["p_" + s.code] ?>"> %<?cs call:field_error("p_" + s.code) ?></td>
</tr>
<?cs /each ?></tbody>
</table>
<fieldset>
<legend><?cs var:L.opp.quote_settings ?></legend>
<p class="hint" id="free-discount-hint"><?cs var:L.opp.quote_free_discount_hint ?></p>
<?cs call:field_input("quote_free_discount", L.opp.quote_free_discount, "number", 1) ?>
</fieldset>
<button type="submit" class="primary"><?cs var:L.form.save ?></button>
</form>
<?cs call:layout_end() ?>
