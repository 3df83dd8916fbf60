<?cs include:"layout.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs call:layout_begin(L.admin.title) ?>
<?cs call:admin_nav() ?>
<ul class="cards">
<li><a href="/admin/users"><?cs var:L.admin.users ?></a> <span class="hint"><?cs var:L.admin.users_hint ?></span></li>
<li><a href="/admin/teams"><?cs var:L.admin.teams ?></a> <span class="hint"><?cs var:L.admin.teams_hint ?></span></li>
<li><a href="/admin/roles"><?cs var:L.admin.roles ?></a> <span class="hint"><?cs var:L.admin.roles_hint ?></span></li>
<li><a href="/admin/choices"><?cs var:L.admin.choices ?></a> <span class="hint"><?cs var:L.admin.choices_hint ?></span></li>
<li><a href="/admin/fields"><?cs var:L.admin.fields ?></a> <span class="hint"><?cs var:L.admin.fields_hint ?></span></li>
<li><a href="/admin/audit"><?cs var:L.admin.audit ?></a> <span class="hint"><?cs var:L.admin.audit_hint ?></span></li>
</ul>
<?cs call:layout_end() ?>
