<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs call:layout_begin(L.admin.team.edit_title + ": " + Team.name) ?>
<?cs call:admin_nav() ?>
<form method="post" action="/admin/teams/<?cs var:Team.id ?>" class="card">
<?cs call:csrf() ?>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<?cs call:field_input_ac("name", L.admin.team.name, "text", 1, "off") ?>
<?cs call:field_select("leader", L.admin.team.leader, "leader", 1) ?>
<p class="hint"><?cs var:L.admin.team.leader_hint ?></p>
<button type="submit" class="primary"><?cs var:L.form.save ?></button>
<a href="/admin/teams"><?cs var:L.form.cancel ?></a>
</form>
<h2><?cs var:L.admin.team.members ?></h2>
<?cs if:subcount(Members) == 0 ?><p><?cs var:L.list.empty ?></p><?cs else ?>
<ul>
<?cs each:m = Members ?><li><a href="/admin/users/<?cs var:m.id ?>"><?cs var:m.login ?></a> <?cs var:m.name ?></li>
<?cs /each ?></ul>
<?cs /if ?>
<?cs call:layout_end() ?>
