<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs call:layout_begin(L.login.title) ?>
<form method="post" action="/login" class="card narrow">
<?cs call:csrf() ?>
<input type="hidden" name="next" value="<?cs var:Form.next ?>">
<?cs call:field_input_ac("login", L.login.login, "text", 1, "username") ?>
<?cs call:field_input_ac("password", L.login.password, "password", 1, "current-password") ?>
<button type="submit" class="primary"><?cs var:L.login.submit ?></button>
</form>
<?cs call:layout_end() ?>
