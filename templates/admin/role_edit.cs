<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs call:layout_begin(L.admin.role.edit_title + ": " + Role.name) ?>
<?cs call:admin_nav() ?>
<p><span class="code"><?cs var:Role.code ?></span>
· <a href="/admin/roles/<?cs var:Role.id ?>/fields"><?cs var:L.admin.fieldsec.link ?></a>
· <a href="/admin/audit?type=role&amp;record=<?cs var:Role.id ?>"><?cs var:L.admin.role.history ?></a></p>
<form method="post" action="/admin/roles/<?cs var:Role.id ?>" class="card">
<h2 id="matrix-title"><?cs var:L.admin.role.matrix ?></h2>
<?cs call:csrf() ?>
<p class="hint"><?cs var:L.admin.role.matrix_hint ?></p>
<table class="list matrix" aria-labelledby="matrix-title">
<thead><tr>
<th scope="col"><?cs var:L.admin.role.rtype ?></th>
<?cs each:a = Actions ?><th scope="col"><?cs var:L.action[a.code] ?></th>
<?cs /each ?></tr></thead>
<tbody>
<?cs each:t = Matrix ?><tr>
<th scope="row"><?cs var:L.rtype[t.code] ?></th>
<?cs each:m = t.cells ?><td><?cs if:m.name ?><select name="<?cs var:m.name ?>" aria-label="<?cs var:L.rtype[t.code] ?>: <?cs var:L.action[m.action] ?>"<?cs if:m.error ?> aria-invalid="true" class="invalid"<?cs /if ?>>
<?cs each:s = Scopes ?><option value="<?cs var:s.code ?>"<?cs if:m.scope == s.code ?> selected<?cs /if ?>><?cs var:L.scope[s.code] ?></option>
<?cs /each ?></select><?cs else ?><span class="hint" title="<?cs var:L.admin.role.no_cell ?>">—</span><?cs /if ?></td>
<?cs /each ?></tr>
<?cs /each ?></tbody>
</table>
<button type="submit" class="primary"><?cs var:L.form.save ?></button>
<a href="/admin/roles"><?cs var:L.form.cancel ?></a>
</form>
<form method="post" action="/admin/roles/<?cs var:Role.id ?>/preview" class="card">
<h2><?cs var:L.admin.role.preview ?></h2>
<?cs call:csrf() ?>
<p class="hint"><?cs var:L.admin.role.preview_hint ?></p>
<button type="submit"><?cs var:L.admin.role.preview_start ?></button>
</form>
<form method="post" action="/admin/roles/<?cs var:Role.id ?>/copy" class="card" id="copy">
<h2><?cs var:L.admin.role.copy_title ?></h2>
<?cs call:csrf() ?>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<p class="hint"><?cs var:L.admin.role.copy_hint ?></p>
<?cs include:"admin/role_fields.cs" ?>
<button type="submit" class="primary"><?cs var:L.admin.role.copy ?></button>
</form>
<form method="post" action="/admin/roles/<?cs var:Role.id ?>/delete" class="card">
<h2><?cs var:L.admin.role.delete ?></h2>
<?cs call:csrf() ?>
<p class="hint"><?cs var:L.admin.role.delete_hint ?></p>
<button type="submit" class="danger"><?cs var:L.admin.role.delete ?></button>
</form>
<?cs call:layout_end() ?>
