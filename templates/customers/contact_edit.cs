<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs call:layout_begin(L.contact.edit_title) ?>
<p><a href="/customers/<?cs var:Customer.id ?>"><?cs var:Customer.name ?></a> · <?cs var:Customer.code ?></p>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<form method="post" action="/customers/<?cs var:Customer.id ?>/contacts/<?cs var:Contact.id ?>" class="card narrow" novalidate>
<?cs call:csrf() ?>
<?cs include:"customers/contact_fields.cs" ?>
<button type="submit" class="primary"><?cs var:L.form.save ?></button>
<a href="/customers/<?cs var:Customer.id ?>#contacts"><?cs var:L.form.cancel ?></a>
</form>
<?cs call:layout_end() ?>
