<?cs include:"layout.cs" ?>
<?cs include:"contracts/nav.cs" ?>
<?cs include:"contracts/overdue_rows.cs" ?>
<?cs call:layout_begin(L.contract.overdue_title) ?>
<?cs call:contract_nav() ?>
<p class="hint"><?cs var:L.contract.overdue_hint ?></p>
<?cs if:Can.owner_filter ?>
<form method="get" action="/contracts/overdue" class="filters">
<label for="owner"><?cs var:L.contract.owner ?></label>
<select id="owner" name="owner"><option value=""><?cs var:L.list.all ?></option>
<?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:List.owner == o.id ?> selected<?cs /if ?>><?cs var:o.name ?></option><?cs /each ?>
</select>
<button type="submit"><?cs var:L.list.apply ?></button>
</form>
<?cs /if ?>
<?cs if:Can.export ?><p><a class="button" href="/contracts/overdue/export?owner=<?cs var:List.owner ?>"><?cs var:L.contract.export ?></a></p><?cs /if ?>
<?cs if:List.count == 0 ?>
<p><?cs var:L.contract.overdue_empty ?></p>
<?cs else ?>
<?cs call:overdue_table(Rows) ?>
<?cs /if ?>
<nav class="pager" aria-label="<?cs var:L.list.paging ?>">
<?cs if:List.paged ?><a href="/contracts/overdue?owner=<?cs var:List.owner ?>"><?cs var:L.list.first ?></a><?cs /if ?>
<?cs if:List.next ?><a rel="next" href="/contracts/overdue?owner=<?cs var:List.owner ?>&amp;after=<?cs var:url_escape(List.next) ?>"><?cs var:L.list.next ?></a><?cs /if ?>
</nav>
<?cs call:layout_end() ?>
