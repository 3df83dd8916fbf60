<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs call:layout_begin(L.admin.fields) ?>
<?cs call:admin_nav() ?>
<p class="hint"><?cs var:L.admin.field.inactive_hint ?></p>
<?cs def:field_post(path, label, class) ?><form method="post" action="<?cs var:path ?>" class="inline"><?cs call:csrf() ?><button type="submit"<?cs if:class ?> class="<?cs var:class ?>"<?cs /if ?>><?cs var:label ?></button></form>
<?cs /def ?>
<?cs each:t = Types ?>
<section class="card" aria-labelledby="fields-<?cs var:t.code ?>">
<h2 id="fields-<?cs var:t.code ?>"><?cs var:L.rtype[t.code] ?></h2>
<p><a class="button" href="/admin/fields/new?rtype=<?cs var:url_escape(t.code) ?>"><?cs var:L.admin.field.new_title ?></a></p>
<?cs if:subcount(t.fields) == 0 ?><p><?cs var:L.admin.field.none ?></p><?cs else ?>
<table class="list">
<thead><tr>
<th scope="col"><?cs var:L.admin.field.label ?></th>
<th scope="col"><?cs var:L.admin.field.code ?></th>
<th scope="col"><?cs var:L.admin.field.type ?></th>
<th scope="col"><?cs var:L.admin.field.required ?></th>
<th scope="col"><?cs var:L.admin.choice.status ?></th>
<th scope="col"><?cs var:L.form.actions ?></th>
</tr></thead>
<tbody>
<?cs each:r = t.fields ?><?cs set:path = "/admin/fields/" + r.id ?><tr>
<td><a href="<?cs var:path ?>"><?cs if:Lang == "zh-CN" ?><?cs var:r.label_zh ?><?cs else ?><?cs var:r.label_en ?><?cs /if ?></a></td>
<td><code><?cs var:r.code ?></code></td>
<td><?cs var:L.cf_type[r.type] ?></td>
<td><?cs if:r.required == 1 ?><?cs var:L.admin.field.yes ?><?cs /if ?></td>
<td><?cs if:r.active == 1 ?><?cs var:L.admin.choice.active ?><?cs else ?><strong><?cs var:L.admin.choice.inactive ?></strong><?cs /if ?></td>
<td class="actions">
<?cs if:r.options ?><a href="<?cs var:path ?>/options"><?cs var:L.admin.field.options ?></a><?cs /if ?>
<?cs if:!r.first ?><?cs call:field_post(path + "/up", L.admin.choice.up, "") ?><?cs /if ?>
<?cs if:!r.last ?><?cs call:field_post(path + "/down", L.admin.choice.down, "") ?><?cs /if ?>
<?cs if:r.active == 1 ?><?cs call:field_post(path + "/deactivate", L.admin.choice.deactivate, "danger") ?><?cs else ?><?cs call:field_post(path + "/reactivate", L.admin.choice.reactivate, "") ?><?cs /if ?>
</td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs /if ?>
</section>
<?cs /each ?>
<?cs call:layout_end() ?>
