<?cs include:"layout.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs call:layout_begin(L.admin.users) ?>
<?cs call:admin_nav() ?>
<p><a class="button primary" href="/admin/users/new"><?cs var:L.admin.user.new_title ?></a></p>
<table class="list">
<thead><tr>
<th scope="col"><?cs var:L.admin.user.login ?></th>
<th scope="col"><?cs var:L.admin.user.name ?></th>
<th scope="col"><?cs var:L.admin.user.team ?></th>
<th scope="col"><?cs var:L.admin.user.roles ?></th>
<th scope="col"><?cs var:L.admin.user.status ?></th>
</tr></thead>
<tbody>
<?cs each:r = Rows ?><tr>
<td><a href="/admin/users/<?cs var:r.id ?>"><?cs var:r.login ?></a></td>
<td><?cs var:r.name ?></td>
<td><?cs var:r.team ?></td>
<td><?cs var:r.roles ?></td>
<td><?cs if:r.active == 0 ?><?cs var:L.admin.user.disabled ?><?cs elif:r.must_change == 1 ?><?cs var:L.admin.user.initial ?><?cs else ?><?cs var:L.admin.user.active ?><?cs /if ?></td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs if:List.next ?><nav class="pager" aria-label="<?cs var:L.list.paging ?>"><a rel="next" href="/admin/users?after=<?cs var:url_escape(List.next) ?>"><?cs var:L.list.next ?></a></nav><?cs /if ?>
<?cs call:layout_end() ?>
