<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs call:layout_begin(L.opp.edit_title) ?>
<p class="code"><?cs var:Opp.code ?> · <?cs var:Opp.customer ?></p>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<form method="post" action="/opportunities/<?cs var:Opp.id ?>" class="card" novalidate>
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.version ?>">
<?cs include:"opportunities/fields.cs" ?>
<fieldset>
<legend><?cs var:L.opp.forecast ?></legend>
<?cs call:field_input("probability", L.opp.probability, "number", 1) ?>
<p class="hint"><?cs var:L.opp.probability_hint ?></p>
<?cs call:field_textarea("amount_note", L.opp.amount_note, 0) ?>
<p class="hint"><?cs var:L.opp.amount_note_hint ?></p>
</fieldset>
<button type="submit" class="primary"><?cs var:L.form.save ?></button>
<a href="/opportunities/<?cs var:Opp.id ?>"><?cs var:L.form.cancel ?></a>
</form>
<?cs call:layout_end() ?>
