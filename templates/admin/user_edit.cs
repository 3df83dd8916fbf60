<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs call:layout_begin(L.admin.user.edit_title + ": " + Account.login) ?>
<?cs call:admin_nav() ?>
<p><?cs if:Account.active == 1 ?><?cs var:L.admin.user.active ?><?cs else ?><strong><?cs var:L.admin.user.disabled ?></strong><?cs /if ?></p>
<form method="post" action="/admin/users/<?cs var:Account.id ?>" class="card">
<?cs call:csrf() ?>
<?cs if:Form.errors ?><p class="error" role="alert"><?cs var:L.form.fix_errors ?></p><?cs /if ?>
<?cs include:"admin/user_fields.cs" ?>
<button type="submit" class="primary"><?cs var:L.form.save ?></button>
<a href="/admin/users"><?cs var:L.form.cancel ?></a>
</form>
<section class="card" aria-labelledby="account-actions">
<h2 id="account-actions"><?cs var:L.admin.user.actions ?></h2>
<form method="post" action="/admin/users/<?cs var:Account.id ?>/password" class="inline">
<?cs call:csrf() ?>
<button type="submit"><?cs var:L.admin.user.reset ?></button>
</form>
<?cs if:Account.self == 0 ?>
<?cs if:Account.active == 1 ?>
<form method="post" action="/admin/users/<?cs var:Account.id ?>/disable" class="inline">
<?cs call:csrf() ?>
<button type="submit" class="danger"><?cs var:L.admin.user.disable ?></button>
</form>
<?cs else ?>
<form method="post" action="/admin/users/<?cs var:Account.id ?>/enable" class="inline">
<?cs call:csrf() ?>
<button type="submit"><?cs var:L.admin.user.enable ?></button>
</form>
<?cs /if ?>
<?cs /if ?>
<p><a href="/admin/audit?type=user&amp;record=<?cs var:Account.id ?>"><?cs var:L.admin.user.history ?></a></p>
</section>
<?cs call:layout_end() ?>
