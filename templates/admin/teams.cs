<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs call:layout_begin(L.admin.teams) ?>
<?cs call:admin_nav() ?>
<table class="list">
<thead><tr>
<th scope="col"><?cs var:L.admin.team.name ?></th>
<th scope="col"><?cs var:L.admin.team.leader ?></th>
<th scope="col"><?cs var:L.admin.team.members ?></th>
</tr></thead>
<tbody>
<?cs each:r = Rows ?><tr>
<td><a href="/admin/teams/<?cs var:r.id ?>"><?cs var:r.name ?></a></td>
<td><?cs var:r.leader ?></td>
<td><?cs var:r.members ?></td>
</tr>
<?cs /each ?></tbody>
</table>
<form method="post" action="/admin/teams" class="card">
<h2><?cs var:L.admin.team.new_title ?></h2>
<?cs call:csrf() ?>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<?cs call:field_input_ac("name", L.admin.team.name, "text", 1, "off") ?>
<?cs call:field_select("leader", L.admin.team.leader, "leader", 1) ?>
<p class="hint"><?cs var:L.admin.team.leader_hint ?></p>
<button type="submit" class="primary"><?cs var:L.admin.team.create ?></button>
</form>
<?cs call:layout_end() ?>
