<?cs # The administration area's own menu, under the page title. ?>
<?cs def:admin_nav() ?>
<nav class="subnav" aria-label="<?cs var:L.admin.title ?>">
<ul>
<li><a href="/admin/users"<?cs if:string.find(Path, "/admin/users") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:L.admin.users ?></a></li>
<li><a href="/admin/teams"<?cs if:string.find(Path, "/admin/teams") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:L.admin.teams ?></a></li>
<li><a href="/admin/roles"<?cs if:string.find(Path, "/admin/roles") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:L.admin.roles ?></a></li>
<li><a href="/admin/choices"<?cs if:string.find(Path, "/admin/choices") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:L.admin.choices ?></a></li>
<li><a href="/admin/fields"<?cs if:string.find(Path, "/admin/fields") == 0 ?> aria-current="page"<?cs /if ?>><?cs var:L.admin.fields ?></a></li>
<li><a href="/admin/audit"<?cs if:Path == "/admin/audit" ?> aria-current="page"<?cs /if ?>><?cs var:L.admin.audit ?></a></li>
</ul>
</nav>
<?cs /def ?>
