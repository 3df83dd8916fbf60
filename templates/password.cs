<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs call:layout_begin(L.password.title) ?>
<?cs if:Forced == 1 ?><p class="notice" role="status"><?cs var:L.password.forced ?></p><?cs /if ?>
<form method="post" action="/password" class="card narrow">
<?cs call:csrf() ?>
<?cs call:field_input_ac("current", L.password.current, "password", 1, "current-password") ?>
<?cs call:field_input_ac("new", L.password.new, "password", 1, "new-password") ?>
<p class="hint"><?cs var:L.password.rules ?></p>
<?cs call:field_input_ac("confirm", L.password.confirm, "password", 1, "new-password") ?>
<button type="submit" class="primary"><?cs var:L.password.submit ?></button>
</form>
<?cs call:layout_end() ?>
