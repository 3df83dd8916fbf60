<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs call:layout_begin(L.admin.field.new_title) ?>
<?cs call:admin_nav() ?>
<p><a href="/admin/fields"><?cs var:L.admin.field.all ?></a></p>
<form method="post" action="/admin/fields" class="card" novalidate>
<?cs call:csrf() ?>
<input type="hidden" name="rtype" value="<?cs var:Form.rtype ?>">
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<p><?cs var:L.admin.field.rtype ?>: <?cs var:L.rtype[Form.rtype] ?><?cs call:field_error("rtype") ?></p>
<?cs call:field_input_ac("code", L.admin.field.code, "text", 1, "off") ?>
<p class="hint"><?cs var:L.admin.field.code_hint ?></p>
<?cs call:field_select("type", L.admin.field.type, "cf_type", 1) ?>
<p class="hint"><?cs var:L.admin.field.type_hint ?></p>
<?cs include:"admin/field_fields.cs" ?>
<button type="submit" class="primary"><?cs var:L.admin.field.create ?></button>
<a href="/admin/fields"><?cs var:L.form.cancel ?></a>
</form>
<?cs call:layout_end() ?>
