<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs call:layout_begin(L.admin.fieldsec.title + ": " + Role.name) ?>
<?cs call:admin_nav() ?>
<p><span class="code"><?cs var:Role.code ?></span>
· <a href="/admin/roles/<?cs var:Role.id ?>"><?cs var:L.admin.role.matrix ?></a>
· <a href="/admin/audit?type=role&amp;record=<?cs var:Role.id ?>"><?cs var:L.admin.role.history ?></a></p>
<form method="post" action="/admin/roles/<?cs var:Role.id ?>/fields" class="card">
<h2 id="fields-title"><?cs var:L.admin.fieldsec.grid ?></h2>
<?cs call:csrf() ?>
<p class="hint"><?cs var:L.admin.fieldsec.hint ?></p>
<table class="list matrix" aria-labelledby="fields-title">
<thead><tr>
<th scope="col"><?cs var:L.admin.role.rtype ?></th>
<th scope="col"><?cs var:L.admin.fieldsec.field ?></th>
<?cs each:a = L.access ?><th scope="col"><?cs var:a ?></th>
<?cs /each ?></tr></thead>
<tbody>
<?cs each:f = Fields ?><tr<?cs if:f.error ?> class="invalid"<?cs /if ?>>
<td><?cs var:L.rtype[f.rtype] ?></td>
<th scope="row"><?cs var:f.label ?><?cs if:f.sensitive ?> <span class="tag"><?cs var:L.admin.fieldsec.sensitive ?></span><?cs /if ?></th>
<?cs each:a = L.access ?><td><?cs if:name(a) != "masked" || f.maskable ?><input type="radio" name="<?cs var:f.name ?>" value="<?cs name:a ?>" aria-label="<?cs var:f.label ?>: <?cs var:a ?>"<?cs if:f.access == name(a) ?> checked<?cs /if ?>><?cs else ?><span class="hint" title="<?cs var:L.admin.fieldsec.no_mask ?>">—</span><?cs /if ?></td>
<?cs /each ?></tr>
<?cs /each ?></tbody>
</table>
<button type="submit" class="primary"><?cs var:L.form.save ?></button>
<a href="/admin/roles/<?cs var:Role.id ?>"><?cs var:L.form.cancel ?></a>
</form>
<?cs call:layout_end() ?>
