<?cs include:"layout.cs" ?>
<?cs include:"admin/nav.cs" ?>
<?cs call:layout_begin(L.admin.user.password_title) ?>
<?cs call:admin_nav() ?>
<div class="card narrow">
<p><?cs var:L.admin.user.login ?>: <strong><?cs var:Initial.login ?></strong></p>
<p><?cs var:L.admin.user.initial_password ?>: <code class="secret" id="initial-password"><?cs var:Initial.password ?></code></p>
<p class="notice"><?cs var:L.admin.user.shown_once ?></p>
<p><a href="/admin/users/<?cs var:Initial.id ?>"><?cs var:L.admin.user.back ?></a></p>
</div>
<?cs call:layout_end() ?>
