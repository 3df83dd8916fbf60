<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs call:layout_begin(L.admin.field.edit_title + ": " + Field.label) ?>
<?cs call:admin_nav() ?>
<p><a href="/admin/fields"><?cs var:L.admin.field.all ?></a>
· <a href="/admin/audit?type=custom_field&amp;record=<?cs var:Field.id ?>"><?cs var:L.admin.field.history ?></a>
<?cs if:Field.options ?>· <a href="/admin/fields/<?cs var:Field.id ?>/options"><?cs var:L.admin.field.options ?></a><?cs /if ?></p>
<dl class="grid">
<dt><?cs var:L.admin.field.rtype ?></dt><dd><?cs var:L.rtype[Field.rtype] ?></dd>
<dt><?cs var:L.admin.field.code ?></dt><dd><code><?cs var:Field.code ?></code></dd>
<dt><?cs var:L.admin.field.type ?></dt><dd><?cs var:L.cf_type[Field.type] ?></dd>
<dt><?cs var:L.admin.choice.status ?></dt><dd><?cs if:Field.active == 1 ?><?cs var:L.admin.choice.active ?><?cs else ?><?cs var:L.admin.choice.inactive ?><?cs /if ?></dd>
</dl>
<p class="hint"><?cs var:L.admin.field.fixed_hint ?></p>
<form method="post" action="/admin/fields/<?cs var:Field.id ?>" class="card" novalidate>
<?cs call:csrf() ?>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<?cs include:"admin/field_fields.cs" ?>
<button type="submit" class="primary"><?cs var:L.form.save ?></button>
<a href="/admin/fields"><?cs var:L.form.cancel ?></a>
</form>
<?cs call:layout_end() ?>
