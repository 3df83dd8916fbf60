<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs call:layout_begin(L.opp.new_title) ?>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<form method="post" action="/opportunities" class="card" novalidate>
<?cs call:csrf() ?>
<fieldset>
<legend><?cs var:L.opp.customer ?></legend>
<?cs if:Customer.name ?><p><?cs var:Customer.name ?></p><?cs /if ?>
<?cs call:field_input("customer", L.opp.customer_code, "text", 1) ?>
<p class="hint"><?cs var:L.opp.customer_hint ?></p>
<?cs call:field_select("stage", L.opp.stage, "opp_open_stage", 1) ?>
</fieldset>
<?cs include:"opportunities/fields.cs" ?>
<button type="submit" class="primary"><?cs var:L.form.save ?></button>
<a href="<?cs if:Customer.id ?>/customers/<?cs var:Customer.id ?><?cs else ?>/opportunities<?cs /if ?>"><?cs var:L.form.cancel ?></a>
</form>
<?cs call:layout_end() ?>
