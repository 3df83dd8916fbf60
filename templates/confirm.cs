<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs call:layout_begin(L.confirm.title) ?>
<p class="notice"><?cs var:L.confirm.intro ?></p>
<form method="post" action="/confirm" class="card narrow">
<?cs call:csrf() ?>
<input type="hidden" name="next" value="<?cs var:Form.next ?>">
<?cs call:field_input_ac("password", L.confirm.password, "password", 1, "current-password") ?>
<button type="submit" class="primary"><?cs var:L.confirm.submit ?></button>
</form>
<?cs call:layout_end() ?>
