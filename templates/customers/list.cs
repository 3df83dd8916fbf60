<?cs include:"layout.cs" ?>
<?cs call:layout_begin(L.customer.list_title) ?>
<?cs # The filters every link keeps; a custom field filter only while its field decides the order. ?>
<?cs def:list_filters(custom) ?>&amp;q=<?cs var:url_escape(List.q) ?>&amp;industry=<?cs var:url_escape(List.industry) ?>&amp;grade=<?cs var:url_escape(List.grade) ?>&amp;owner=<?cs var:List.owner ?><?cs if:custom && List.cf ?>&amp;cf=<?cs var:url_escape(List.cf) ?>&amp;cfv=<?cs var:url_escape(List.cfv) ?>&amp;cfmin=<?cs var:url_escape(List.cfmin) ?>&amp;cfmax=<?cs var:url_escape(List.cfmax) ?><?cs /if ?><?cs /def ?>
<?cs def:sort_arrow(key) ?><?cs if:List.sort == key ?> <span aria-hidden="true"><?cs if:List.dir == "asc" ?>▲<?cs else ?>▼<?cs /if ?></span><?cs /if ?><?cs /def ?>
<?cs def:sort_link(key, label) ?><?cs if:List.cf_order ?><?cs var:label ?><?cs else ?><a href="/customers?sort=<?cs var:key ?>&amp;dir=<?cs if:List.sort == key && List.dir == "asc" ?>desc<?cs else ?>asc<?cs /if ?><?cs call:list_filters(0) ?>"><?cs var:label ?><?cs call:sort_arrow(key) ?></a><?cs /if ?><?cs /def ?>
<?cs def:cf_sort_link(col) ?><?cs set:key = "cf_" + col.code ?><a href="/customers?sort=<?cs var:key ?>&amp;dir=<?cs if:List.sort == key && List.dir == "asc" ?>desc<?cs else ?>asc<?cs /if ?><?cs call:list_filters(List.cf == col.code) ?>"><?cs var:col.label ?><?cs call:sort_arrow(key) ?></a><?cs /def ?>
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
<?cs if:subcount(ChoiceList.cf_filter) ?>
<label for="cf"><?cs var:L.list.cf_filter ?></label>
<select id="cf" name="cf" aria-describedby="cf-hint"><option value=""><?cs var:L.list.cf_none ?></option>
<?cs each:o = ChoiceList.cf_filter ?><option value="<?cs var:o.code ?>"<?cs if:List.cf == o.code ?> selected<?cs /if ?>><?cs var:o.label ?></option><?cs /each ?>
</select>
<?cs if:List.cf_type == "number" || List.cf_type == "date" ?>
<label for="cfmin"><?cs var:L.list.cf_from ?></label>
<input type="<?cs if:List.cf_type == "date" ?>date<?cs else ?>text<?cs /if ?>" id="cfmin" name="cfmin" value="<?cs var:List.cfmin ?>">
<label for="cfmax"><?cs var:L.list.cf_to ?></label>
<input type="<?cs if:List.cf_type == "date" ?>date<?cs else ?>text<?cs /if ?>" id="cfmax" name="cfmax" value="<?cs var:List.cfmax ?>">
<?cs elif:List.cf_type == "choice" || List.cf_type == "multi" ?>
<label for="cfv"><?cs var:L.list.cf_value ?></label>
<select id="cfv" name="cfv"><option value=""><?cs var:L.list.all ?></option>
<?cs each:o = ChoiceList[List.cf_list] ?><option value="<?cs var:o.code ?>"<?cs if:List.cfv == o.code ?> selected<?cs /if ?>><?cs var:o.label ?></option><?cs /each ?>
</select>
<?cs elif:List.cf ?>
<label for="cfv"><?cs var:L.list.cf_value ?></label>
<input type="text" id="cfv" name="cfv" value="<?cs var:List.cfv ?>">
<?cs /if ?>
<?cs /if ?>
<input type="hidden" name="sort" value="<?cs var:List.sort ?>">
<input type="hidden" name="dir" value="<?cs var:List.dir ?>">
<button type="submit"><?cs var:L.list.apply ?></button>
<?cs if:subcount(ChoiceList.cf_filter) ?><p class="hint" id="cf-hint"><?cs var:L.list.cf_hint ?></p><?cs /if ?>
</form>
<?cs if:subcount(ColumnChoice) ?>
<details class="columns">
<summary><?cs var:L.list.columns ?></summary>
<form method="post" action="/customers/columns">
<input type="hidden" name="csrf" value="<?cs var:CSRF ?>">
<fieldset>
<legend><?cs var:L.list.columns_hint ?></legend>
<?cs each:o = ColumnChoice ?><label class="check"><input type="checkbox" name="col" value="<?cs var:o.code ?>"<?cs if:o.checked ?> checked<?cs /if ?>> <?cs var:o.label ?></label>
<?cs /each ?></fieldset>
<button type="submit"><?cs var:L.list.columns_save ?></button>
</form>
</details>
<?cs /if ?>
<?cs if:Can.create || Can.export ?><p><?cs if:Can.create ?><a class="button primary" href="/customers/new"><?cs var:L.customer.new_title ?></a><?cs /if ?>
<?cs if:Can.export ?><a class="button" href="/customers/export?sort=<?cs var:List.sort ?>&amp;dir=<?cs var:List.dir ?><?cs call:list_filters(1) ?>" download><?cs var:L.list.export ?></a><?cs /if ?></p><?cs /if ?>
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
<?cs each:k = List.columns ?><th scope="col"><?cs if:k.sort && (!List.cf_order || List.cf == k.code) ?><?cs call:cf_sort_link(k) ?><?cs else ?><?cs var:k.label ?><?cs /if ?></th>
<?cs /each ?></tr></thead>
<tbody>
<?cs each:r = Rows ?><tr>
<td><?cs var:r.code ?></td>
<td><a href="/customers/<?cs var:r.id ?>"><?cs var:r.name ?></a></td>
<td><?cs var:r.industry ?></td>
<?cs if:!Hidden.grade ?><td><?cs var:r.grade ?></td><?cs /if ?>
<td><?cs var:r.owner ?></td>
<td><?cs var:r.last_followup ?></td>
<td><?cs var:r.created ?></td>
<?cs each:v = r.cf ?><td><?cs var:v ?></td>
<?cs /each ?></tr>
<?cs /each ?></tbody>
</table>
<?cs /if ?>
<nav class="pager" aria-label="<?cs var:L.list.paging ?>">
<?cs if:List.paged ?><a href="/customers?sort=<?cs var:List.sort ?>&amp;dir=<?cs var:List.dir ?><?cs call:list_filters(1) ?>"><?cs var:L.list.first ?></a><?cs /if ?>
<?cs if:List.next ?><a rel="next" href="/customers?sort=<?cs var:List.sort ?>&amp;dir=<?cs var:List.dir ?><?cs call:list_filters(1) ?>&amp;after=<?cs var:url_escape(List.next) ?>"><?cs var:L.list.next ?></a><?cs /if ?>
</nav>
<?cs call:layout_end() ?>
