<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs call:layout_begin(L.admin.user.new_title) ?>
<?cs call:admin_nav() ?>
<form method="post" action="/admin/users" class="card">
<?cs call:csrf() ?>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<?cs call:field_input_ac("login", L.admin.user.login, "text", 1, "off") ?>
<p class="hint"><?cs var:L.admin.user.login_hint ?></p>
<?cs include:"admin/user_fields.cs" ?>
<p class="hint"><?cs var:L.admin.user.password_hint ?></p>
<button type="submit" class="primary"><?cs var:L.admin.user.create ?></button>
<a href="/admin/users"><?cs var:L.form.cancel ?></a>
</form>
<?cs call:layout_end() ?>
