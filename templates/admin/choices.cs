<?cs include:"layout.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs call:layout_begin(L.admin.choices) ?>
<?cs call:admin_nav() ?>
<p class="hint"><?cs var:L.admin.choice.inactive_hint ?></p>
<table class="list">
<thead><tr>
<th scope="col"><?cs var:L.admin.choice.list ?></th>
<th scope="col" class="num"><?cs var:L.admin.choice.active_count ?></th>
<th scope="col" class="num"><?cs var:L.admin.choice.total ?></th>
</tr></thead>
<tbody>
<?cs each:r = Lists ?><tr>
<td><a href="/admin/choices/<?cs var:r.name ?>"><?cs var:L.choice_list[r.name] ?></a></td>
<td class="num"><?cs var:r.active ?></td>
<td class="num"><?cs var:r.total ?></td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs call:layout_end() ?>
