<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs call:layout_begin(L.customer.new_title) ?>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<form method="post" action="/customers" class="card" novalidate>
<?cs call:csrf() ?>
<?cs include:"customers/fields.cs" ?>
<fieldset>
<legend><?cs var:L.customer.key_contact ?></legend>
<?cs include:"customers/contact_fields.cs" ?>
</fieldset>
<button type="submit" class="primary"><?cs var:L.form.save ?></button>
<a href="/customers"><?cs var:L.form.cancel ?></a>
</form>
<?cs call:layout_end() ?>
