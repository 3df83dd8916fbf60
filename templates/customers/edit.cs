<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs call:layout_begin(L.customer.edit_title) ?>
<p><?cs var:Customer.code ?></p>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<form method="post" action="/customers/<?cs var:Customer.id ?>" class="card" novalidate>
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.version ?>">
<?cs include:"customers/fields.cs" ?>
<button type="submit" class="primary"><?cs var:L.form.save ?></button>
<a href="/customers/<?cs var:Customer.id ?>"><?cs var:L.form.cancel ?></a>
</form>
<?cs call:layout_end() ?>
