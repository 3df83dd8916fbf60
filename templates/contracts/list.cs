<?cs include:"layout.cs" ?>
<?cs include:"contracts/nav.cs" ?>
<?cs call:layout_begin(L.contract.list_title) ?>
<?cs call:contract_nav() ?>
<?cs def:filters() ?>status=<?cs var:url_escape(List.status) ?>&amp;owner=<?cs var:List.owner ?><?cs /def ?>
<form method="get" action="/contracts" class="filters">
<label for="status"><?cs var:L.contract.status ?></label>
<select id="status" name="status"><option value=""><?cs var:L.list.all ?></option>
<?cs each:s = L.contract.statuses ?><option value="<?cs name:s ?>"<?cs if:List.status == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /each ?>
</select>
<?cs if:Can.owner_filter ?>
<label for="owner"><?cs var:L.contract.owner ?></label>
<select id="owner" name="owner"><option value=""><?cs var:L.list.all ?></option>
<?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:List.owner == o.id ?> selected<?cs /if ?>><?cs var:o.name ?></option><?cs /each ?>
</select>
<?cs /if ?>
<button type="submit"><?cs var:L.list.apply ?></button>
</form>
<?cs if:List.count == 0 ?>
<p><?cs var:L.contract.empty ?></p>
<?cs else ?>
<table class="list">
<thead><tr>
<th scope="col"><?cs var:L.contract.code ?></th>
<th scope="col"><?cs var:L.contract.title ?></th>
<th scope="col"><?cs var:L.contract.customer ?></th>
<th scope="col"><?cs var:L.contract.owner ?></th>
<th scope="col"><?cs var:L.contract.status ?></th>
<th scope="col"><?cs var:L.contract.sign_date ?></th>
<th scope="col" class="num"><?cs var:L.contract.total ?></th>
<th scope="col" class="num"><?cs var:L.contract.outstanding ?></th>
</tr></thead>
<tbody>
<?cs each:r = Rows ?><tr>
<td><a href="/contracts/<?cs var:r.id ?>"><?cs var:r.code ?></a></td>
<td><?cs var:r.title ?></td>
<td><?cs var:r.customer ?></td>
<td><?cs var:r.owner ?></td>
<td><?cs var:L.contract.statuses[r.status] ?></td>
<td><?cs var:r.sign_date ?></td>
<td class="num"><?cs var:r.total ?></td>
<td class="num"><?cs var:r.outstanding ?></td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs /if ?>
<nav class="pager" aria-label="<?cs var:L.list.paging ?>">
<?cs if:List.paged ?><a href="/contracts?<?cs call:filters() ?>"><?cs var:L.list.first ?></a><?cs /if ?>
<?cs if:List.next ?><a rel="next" href="/contracts?<?cs call:filters() ?>&amp;after=<?cs var:url_escape(List.next) ?>"><?cs var:L.list.next ?></a><?cs /if ?>
</nav>
<?cs call:layout_end() ?>
