<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs call:layout_begin(L.password.title) ?>
<?cs if:Forced == 1 ?><p class="notice" role="status"><?cs var:L.password.forced ?></p><?cs /if ?>
<form method="post" action="/password" class="card narrow">
<?cs call:csrf() ?>
<?cs call:field_input("current", L.password.current, "password", 1) ?>
<?cs call:field_input("new", L.password.new, "password", 1) ?>
<p class="hint"><?cs var:L.password.rules ?></p>
<?cs call:field_input("confirm", L.password.confirm, "password", 1) ?>
<button type="submit" class="primary"><?cs var:L.password.submit ?></button>
</form>
<?cs call:layout_end() ?>
