<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs # The options of one list: a registered choice list or a custom field's. ?>
<?cs call:layout_begin(List.title) ?>
<?cs call:admin_nav() ?>
<?cs set:base = List.page ?>
<p><a href="<?cs var:List.back ?>"><?cs var:List.back_label ?></a></p>
<p class="hint"><?cs var:L.admin.choice.inactive_hint ?></p>
<?cs def:option_post(path, label, class) ?><form method="post" action="<?cs var:path ?>" class="inline"><?cs call:csrf() ?><button type="submit"<?cs if:class ?> class="<?cs var:class ?>"<?cs /if ?>><?cs var:label ?></button></form>
<?cs /def ?>
<?cs if:subcount(Rows) == 0 ?><p><?cs var:L.list.empty ?></p><?cs else ?>
<table class="list">
<thead><tr>
<th scope="col"><?cs var:L.admin.choice.code ?></th>
<th scope="col"><?cs var:L.admin.choice.label_en ?></th>
<th scope="col"><?cs var:L.admin.choice.label_zh ?></th>
<th scope="col"><?cs var:L.admin.choice.status ?></th>
<th scope="col"><?cs var:L.form.actions ?></th>
</tr></thead>
<tbody>
<?cs each:r = Rows ?><?cs set:opt = List.options + "/" + r.id ?><tr>
<td><code><?cs var:r.code ?></code></td>
<td lang="en"><?cs var:r.label_en ?></td>
<td lang="zh-CN"><?cs var:r.label_zh ?></td>
<td><?cs if:r.active == 1 ?><?cs var:L.admin.choice.active ?><?cs else ?><strong><?cs var:L.admin.choice.inactive ?></strong><?cs /if ?></td>
<td class="actions">
<a href="<?cs var:opt ?>#rename"><?cs var:L.admin.choice.rename ?></a>
<?cs if:!r.first ?><?cs call:option_post(opt + "/up", L.admin.choice.up, "") ?><?cs /if ?>
<?cs if:!r.last ?><?cs call:option_post(opt + "/down", L.admin.choice.down, "") ?><?cs /if ?>
<?cs if:r.active == 1 ?><?cs call:option_post(opt + "/deactivate", L.admin.choice.deactivate, "danger") ?><?cs else ?><?cs call:option_post(opt + "/reactivate", L.admin.choice.reactivate, "") ?><?cs /if ?>
</td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs /if ?>
<?cs if:Edit.id ?>
<form method="post" action="<?cs var:List.options ?>/<?cs var:Edit.id ?>" class="card" id="rename">
<h2><?cs var:L.admin.choice.rename_title ?>: <code><?cs var:Edit.code ?></code></h2>
<?cs call:csrf() ?>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<?cs call:field_input_ac("label_en", L.admin.choice.label_en, "text", 1, "off") ?>
<?cs call:field_input_ac("label_zh", L.admin.choice.label_zh, "text", 1, "off") ?>
<button type="submit" class="primary"><?cs var:L.form.save ?></button>
<a href="<?cs var:base ?>"><?cs var:L.form.cancel ?></a>
<p><a href="/admin/audit?type=choice&amp;record=<?cs var:Edit.id ?>"><?cs var:L.admin.choice.history ?></a></p>
</form>
<?cs else ?>
<form method="post" action="<?cs var:base ?>" class="card" id="add">
<h2><?cs var:L.admin.choice.add_title ?></h2>
<?cs call:csrf() ?>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<?cs call:field_input_ac("code", L.admin.choice.code, "text", 1, "off") ?>
<p class="hint"><?cs var:L.admin.choice.code_hint ?></p>
<?cs call:field_input_ac("label_en", L.admin.choice.label_en, "text", 1, "off") ?>
<?cs call:field_input_ac("label_zh", L.admin.choice.label_zh, "text", 1, "off") ?>
<button type="submit" class="primary"><?cs var:L.admin.choice.add ?></button>
</form>
<?cs /if ?>
<?cs call:layout_end() ?>
