<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs call:layout_begin(L.rules.title) ?>
<p class="hint"><?cs var:L.rules.hint ?></p>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>

<section class="card" aria-labelledby="stale-h">
<h2 id="stale-h"><?cs var:L.rules.stale_title ?></h2>
<p class="hint"><?cs var:L.rules.stale_hint ?></p>
<form method="post" action="/opportunities/rules" novalidate>
<?cs call:csrf() ?>
<table class="list">
<thead><tr><th scope="col"><?cs var:L.opp.stage ?></th><th scope="col"><?cs var:L.rules.stale_hours ?></th></tr></thead>
<tbody>
<?cs each:s = Stages ?><tr>
<th scope="row"><label for="f-h_<?cs var:s.code ?>"><?cs var:s.label ?></label></th>
<td class="field<?cs if:Form["h_" + s.code].error ?> invalid<?cs /if ?>"><input type="number" min="1" max="8760"<?cs call:field_attrs("h_" + s.code, 1) ?> value="<?cs var:Form["h_" + s.code] ?>"> <?cs var:L.rules.hours ?><?cs call:field_error("h_" + s.code) ?></td>
</tr>
<?cs /each ?></tbody>
</table>
<button type="submit" class="primary"><?cs var:L.form.save ?></button>
</form>
</section>

<section class="card" aria-labelledby="recipients-h">
<h2 id="recipients-h"><?cs var:L.rules.recipients_title ?></h2>
<p class="hint"><?cs var:L.rules.recipients_hint ?></p>
<?cs if:subcount(Recipients) > 0 ?>
<table class="list" id="recipients">
<thead><tr><th scope="col"><?cs var:L.opp.stage ?></th><th scope="col"><?cs var:L.rules.who ?></th><th scope="col"><span class="sr"><?cs var:L.rules.remove ?></span></th></tr></thead>
<tbody>
<?cs each:r = Recipients ?><tr>
<td><?cs var:r.stage ?></td>
<td><?cs var:L.rules.kinds[r.kind] ?>: <?cs var:r.who ?></td>
<td><form method="post" action="/opportunities/rules/recipients/<?cs var:r.id ?>/delete" class="inline">
<?cs call:csrf() ?>
<button type="submit" class="danger"><?cs var:L.rules.remove ?><span class="sr"> <?cs var:r.stage ?> · <?cs var:r.who ?></span></button>
</form></td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs else ?>
<p><?cs var:L.rules.none ?></p>
<?cs /if ?>
<h3><?cs var:L.rules.add_title ?></h3>
<form method="post" action="/opportunities/rules/recipients" novalidate>
<?cs call:csrf() ?>
<?cs call:field_select("stage", L.opp.stage, "opp_stage", 1) ?>
<?cs call:field_select("role", L.rules.role, "rule_role", 0) ?>
<?cs call:field_select("user", L.rules.user, "rule_user", 0) ?>
<p class="hint"><?cs var:L.rules.role_or_user_hint ?></p>
<button type="submit"><?cs var:L.rules.add ?></button>
</form>
</section>
<?cs call:layout_end() ?>
