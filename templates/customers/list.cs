<?cs include:"layout.cs" ?>
<?cs call:layout_begin(L.customer.list_title) ?>
<?cs def:sort_link(key, label) ?><a href="/customers?sort=<?cs var:key ?>&amp;dir=<?cs if:List.sort == key && List.dir == "asc" ?>desc<?cs else ?>asc<?cs /if ?>&amp;q=<?cs var:url_escape(List.q) ?>&amp;industry=<?cs var:url_escape(List.industry) ?>&amp;grade=<?cs var:url_escape(List.grade) ?>&amp;owner=<?cs var:List.owner ?>"><?cs var:label ?><?cs if:List.sort == key ?> <span aria-hidden="true"><?cs if:List.dir == "asc" ?>▲<?cs else ?>▼<?cs /if ?></span><?cs /if ?></a><?cs /def ?>
<form method="get" action="/customers" class="filters" role="search">
<label for="q"><?cs var:L.list.search ?></label>
<input type="search" id="q" name="q" value="<?cs var:List.q ?>" placeholder="<?cs var:L.list.search_hint ?>">
<label for="industry"><?cs var:L.customer.industry ?></label>
<select id="industry" name="industry"><option value=""><?cs var:L.list.all ?></option>
<?cs each:o = ChoiceList.industry ?><option value="<?cs var:o.code ?>"<?cs if:List.industry == o.code ?> selected<?cs /if ?>><?cs var:o.label ?></option><?cs /each ?>
</select>
<?cs if:!Hidden.grade ?>
<label for="grade"><?cs var:L.customer.grade ?></label>
<select id="grade" name="grade"><option value=""><?cs var:L.list.all ?></option>
<?cs each:o = ChoiceList.grade ?><option value="<?cs var:o.code ?>"<?cs if:List.grade == o.code ?> selected<?cs /if ?>><?cs var:o.label ?></option><?cs /each ?>
</select>
<?cs /if ?>
<?cs if:Can.assign ?>
<label for="owner"><?cs var:L.customer.owner ?></label>
<select id="owner" name="owner"><option value=""><?cs var:L.list.all ?></option>
<?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:List.owner == o.id ?> selected<?cs /if ?>><?cs var:o.name ?></option><?cs /each ?>
</select>
<?cs /if ?>
<input type="hidden" name="sort" value="<?cs var:List.sort ?>">
<input type="hidden" name="dir" value="<?cs var:List.dir ?>">
<button type="submit"><?cs var:L.list.apply ?></button>
</form>
<?cs if:Can.create || Can.export ?><p><?cs if:Can.create ?><a class="button primary" href="/customers/new"><?cs var:L.customer.new_title ?></a><?cs /if ?>
<?cs if:Can.export ?><a class="button" href="/customers/export?sort=<?cs var:List.sort ?>&amp;dir=<?cs var:List.dir ?>&amp;q=<?cs var:url_escape(List.q) ?>&amp;industry=<?cs var:url_escape(List.industry) ?>&amp;grade=<?cs var:url_escape(List.grade) ?>&amp;owner=<?cs var:List.owner ?>" download><?cs var:L.list.export ?></a><?cs /if ?></p><?cs /if ?>
<?cs if:List.count == 0 ?>
<p><?cs var:L.list.empty ?></p>
<?cs else ?>
<table class="list">
<thead><tr>
<th scope="col"><?cs call:sort_link("code", L.customer.code) ?></th>
<th scope="col"><?cs call:sort_link("name", L.customer.name) ?></th>
<th scope="col"><?cs var:L.customer.industry ?></th>
<?cs if:!Hidden.grade ?><th scope="col"><?cs var:L.customer.grade ?></th><?cs /if ?>
<th scope="col"><?cs var:L.customer.owner ?></th>
<th scope="col"><?cs var:L.customer.last_followup ?></th>
<th scope="col"><?cs call:sort_link("created", L.customer.created) ?></th>
</tr></thead>
<tbody>
<?cs each:r = Rows ?><tr>
<td><?cs var:r.code ?></td>
<td><a href="/customers/<?cs var:r.id ?>"><?cs var:r.name ?></a></td>
<td><?cs var:r.industry ?></td>
<?cs if:!Hidden.grade ?><td><?cs var:r.grade ?></td><?cs /if ?>
<td><?cs var:r.owner ?></td>
<td><?cs var:r.last_followup ?></td>
<td><?cs var:r.created ?></td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs /if ?>
<nav class="pager" aria-label="<?cs var:L.list.paging ?>">
<?cs if:List.paged ?><a href="/customers?sort=<?cs var:List.sort ?>&amp;dir=<?cs var:List.dir ?>&amp;q=<?cs var:url_escape(List.q) ?>&amp;industry=<?cs var:url_escape(List.industry) ?>&amp;grade=<?cs var:url_escape(List.grade) ?>&amp;owner=<?cs var:List.owner ?>"><?cs var:L.list.first ?></a><?cs /if ?>
<?cs if:List.next ?><a rel="next" href="/customers?sort=<?cs var:List.sort ?>&amp;dir=<?cs var:List.dir ?>&amp;q=<?cs var:url_escape(List.q) ?>&amp;industry=<?cs var:url_escape(List.industry) ?>&amp;grade=<?cs var:url_escape(List.grade) ?>&amp;owner=<?cs var:List.owner ?>&amp;after=<?cs var:url_escape(List.next) ?>"><?cs var:L.list.next ?></a><?cs /if ?>
</nav>
<?cs call:layout_end() ?>
