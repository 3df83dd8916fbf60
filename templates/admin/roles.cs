<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs call:layout_begin(L.admin.roles) ?>
<?cs call:admin_nav() ?>
<table class="list">
<thead><tr>
<th scope="col"><?cs var:L.admin.role.name ?></th>
<th scope="col"><?cs var:L.admin.role.code ?></th>
<th scope="col" class="num"><?cs var:L.admin.role.holders ?></th>
<th scope="col"><?cs var:L.form.actions ?></th>
</tr></thead>
<tbody>
<?cs each:r = Rows ?><tr>
<td><a href="/admin/roles/<?cs var:r.id ?>"><?cs var:r.name ?></a></td>
<td class="code"><?cs var:r.code ?></td>
<td class="num"><?cs var:r.holders ?></td>
<td><a href="/admin/roles/<?cs var:r.id ?>#copy"><?cs var:L.admin.role.copy ?></a>
<form method="post" action="/admin/roles/<?cs var:r.id ?>/delete" class="inline">
<?cs call:csrf() ?>
<button type="submit" class="danger" aria-label="<?cs var:L.form.delete ?>: <?cs var:r.name ?>"><?cs var:L.form.delete ?></button>
</form></td>
</tr>
<?cs /each ?></tbody>
</table>
<p class="hint"><?cs var:L.admin.role.delete_hint ?></p>
<form method="post" action="/admin/roles" class="card">
<h2><?cs var:L.admin.role.new_title ?></h2>
<?cs call:csrf() ?>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<?cs include:"admin/role_fields.cs" ?>
<button type="submit" class="primary"><?cs var:L.admin.role.create ?></button>
</form>
<?cs call:layout_end() ?>
