<?cs include:"layout.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs call:layout_begin(L.admin.audit) ?>
<?cs call:admin_nav() ?>
<?cs def:option_list(n, list) ?><option value=""><?cs var:L.list.all ?></option>
<?cs each:o = ChoiceList[list] ?><option value="<?cs var:o.code ?>"<?cs if:Form[n] == o.code ?> selected<?cs /if ?>><?cs var:o.label ?></option>
<?cs /each ?><?cs /def ?>
<?cs def:filter_error(n) ?><?cs if:Form[n].error ?> <span class="field-error" id="<?cs var:n ?>-error"><?cs var:Form[n].error ?></span><?cs /if ?><?cs /def ?>
<form method="get" action="/admin/audit" class="filters" role="search">
<label for="f-user"><?cs var:L.admin.audit_page.user ?></label>
<select id="f-user" name="user"><?cs call:option_list("user", "audit_user") ?></select><?cs call:filter_error("user") ?>
<label for="f-type"><?cs var:L.admin.audit_page.type ?></label>
<select id="f-type" name="type"><?cs call:option_list("type", "audit_type") ?></select><?cs call:filter_error("type") ?>
<label for="f-record"><?cs var:L.admin.audit_page.record ?></label>
<input type="number" id="f-record" name="record" min="1" value="<?cs var:Form.record ?>"><?cs call:filter_error("record") ?>
<label for="f-action"><?cs var:L.admin.audit_page.action ?></label>
<select id="f-action" name="action"><?cs call:option_list("action", "audit_action") ?></select><?cs call:filter_error("action") ?>
<label for="f-from"><?cs var:L.admin.audit_page.from ?></label>
<input type="date" id="f-from" name="from" value="<?cs var:Form.from ?>"><?cs call:filter_error("from") ?>
<label for="f-to"><?cs var:L.admin.audit_page.to ?></label>
<input type="date" id="f-to" name="to" value="<?cs var:Form.to ?>"><?cs call:filter_error("to") ?>
<button type="submit"><?cs var:L.list.apply ?></button>
</form>
<?cs if:List.count == 0 ?>
<p><?cs var:L.list.empty ?></p>
<?cs else ?>
<table class="list audit">
<thead><tr>
<th scope="col"><?cs var:L.admin.audit_page.at ?></th>
<th scope="col"><?cs var:L.admin.audit_page.user ?></th>
<th scope="col"><?cs var:L.admin.audit_page.action ?></th>
<th scope="col"><?cs var:L.admin.audit_page.type ?></th>
<th scope="col"><?cs var:L.admin.audit_page.record ?></th>
<th scope="col"><?cs var:L.admin.audit_page.field ?></th>
<th scope="col"><?cs var:L.admin.audit_page.old ?></th>
<th scope="col"><?cs var:L.admin.audit_page.new ?></th>
<th scope="col"><?cs var:L.admin.audit_page.addr ?></th>
</tr></thead>
<tbody>
<?cs each:r = Rows ?><tr>
<td><?cs var:r.at ?></td>
<td><?cs var:r.user ?></td>
<td><?cs var:r.action ?></td>
<td><?cs var:r.type ?></td>
<td><?cs var:r.record ?></td>
<td><?cs var:r.field ?></td>
<td><?cs var:r.old ?></td>
<td><?cs var:r.new ?></td>
<td><?cs var:r.addr ?></td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs /if ?>
<?cs if:List.next ?><nav class="pager" aria-label="<?cs var:L.list.paging ?>"><a rel="next" href="/admin/audit?user=<?cs var:url_escape(Form.user) ?>&amp;type=<?cs var:url_escape(Form.type) ?>&amp;record=<?cs var:url_escape(Form.record) ?>&amp;action=<?cs var:url_escape(Form.action) ?>&amp;from=<?cs var:url_escape(Form.from) ?>&amp;to=<?cs var:url_escape(Form.to) ?>&amp;before=<?cs var:url_escape(List.next) ?>"><?cs var:L.list.next ?></a></nav><?cs /if ?>
<?cs call:layout_end() ?>
