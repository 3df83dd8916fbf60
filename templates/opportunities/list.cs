<?cs include:"layout.cs" ?>
<?cs include:"opportunities/nav.cs" ?>
<?cs call:layout_begin(L.opp.list_title) ?>
<?cs call:opp_nav() ?>
<?cs def:filters() ?>q=<?cs var:url_escape(List.q) ?>&amp;stage=<?cs var:url_escape(List.stage) ?>&amp;owner=<?cs var:List.owner ?>&amp;from=<?cs var:url_escape(List.from) ?>&amp;to=<?cs var:url_escape(List.to) ?><?cs /def ?>
<?cs def:sort_link(key, label) ?><a href="/opportunities?sort=<?cs var:key ?>&amp;dir=<?cs if:List.sort == key && List.dir == "asc" ?>desc<?cs else ?>asc<?cs /if ?>&amp;<?cs call:filters() ?>"><?cs var:label ?><?cs if:List.sort == key ?> <span aria-hidden="true"><?cs if:List.dir == "asc" ?>▲<?cs else ?>▼<?cs /if ?></span><?cs /if ?></a><?cs /def ?>
<form method="get" action="/opportunities" class="filters" role="search">
<label for="q"><?cs var:L.list.search ?></label>
<input type="search" id="q" name="q" value="<?cs var:List.q ?>" placeholder="<?cs var:L.opp.search_hint ?>">
<label for="stage"><?cs var:L.opp.stage ?></label>
<select id="stage" name="stage"><option value=""><?cs var:L.list.all ?></option>
<?cs each:o = ChoiceList.opp_stage ?><option value="<?cs var:o.code ?>"<?cs if:List.stage == o.code ?> selected<?cs /if ?>><?cs var:o.label ?></option><?cs /each ?>
</select>
<?cs if:Can.assign ?>
<label for="owner"><?cs var:L.opp.owner ?></label>
<select id="owner" name="owner"><option value=""><?cs var:L.list.all ?></option>
<?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:List.owner == o.id ?> selected<?cs /if ?>><?cs var:o.name ?></option><?cs /each ?>
</select>
<?cs /if ?>
<label for="from"><?cs var:L.opp.close_from ?></label>
<input type="date" id="from" name="from" value="<?cs var:List.from ?>">
<label for="to"><?cs var:L.opp.close_to ?></label>
<input type="date" id="to" name="to" value="<?cs var:List.to ?>">
<input type="hidden" name="sort" value="<?cs var:List.sort ?>">
<input type="hidden" name="dir" value="<?cs var:List.dir ?>">
<button type="submit"><?cs var:L.list.apply ?></button>
</form>
<?cs if:List.count == 0 ?>
<p><?cs var:L.opp.empty ?></p>
<?cs else ?>
<table class="list">
<thead><tr>
<th scope="col"><?cs var:L.opp.code ?></th>
<th scope="col"><?cs var:L.opp.name ?></th>
<th scope="col"><?cs var:L.opp.customer ?></th>
<th scope="col"><?cs var:L.opp.owner ?></th>
<th scope="col"><?cs var:L.opp.stage ?></th>
<th scope="col" class="num"><?cs var:L.opp.days_in_stage ?></th>
<th scope="col" class="num"><?cs call:sort_link("amount", L.opp.amount) ?></th>
<th scope="col" class="num"><?cs var:L.opp.probability ?></th>
<th scope="col"><?cs call:sort_link("close", L.opp.expected_close) ?></th>
</tr></thead>
<tbody>
<?cs each:r = Rows ?><tr>
<td><?cs var:r.code ?></td>
<td><a href="/opportunities/<?cs var:r.id ?>"><?cs var:r.name ?></a></td>
<td><?cs var:r.customer ?></td>
<td><?cs var:r.owner ?></td>
<td><?cs var:r.stage ?></td>
<td class="num"><?cs var:r.days ?><?cs if:r.stale == 1 ?> <span class="tag stale"><?cs var:L.opp.stale ?></span><?cs /if ?></td>
<td class="num"><?cs var:r.amount ?></td>
<td class="num"><?cs var:r.probability ?>%</td>
<td><?cs var:r.expected_close ?></td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs /if ?>
<nav class="pager" aria-label="<?cs var:L.list.paging ?>">
<?cs if:List.paged ?><a href="/opportunities?sort=<?cs var:List.sort ?>&amp;dir=<?cs var:List.dir ?>&amp;<?cs call:filters() ?>"><?cs var:L.list.first ?></a><?cs /if ?>
<?cs if:List.next ?><a rel="next" href="/opportunities?sort=<?cs var:List.sort ?>&amp;dir=<?cs var:List.dir ?>&amp;<?cs call:filters() ?>&amp;after=<?cs var:url_escape(List.next) ?>"><?cs var:L.list.next ?></a><?cs /if ?>
</nav>
<?cs call:layout_end() ?>
