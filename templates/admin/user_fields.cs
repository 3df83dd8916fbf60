<?cs # The fields of a user account, shared by the new and edit forms. ?>
<?cs call:field_input_ac("name", L.admin.user.name, "text", 1, "off") ?>
<?cs call:field_input_ac("email", L.admin.user.email, "email", 0, "off") ?>
<?cs call:field_select("team", L.admin.user.team, "team", 0) ?>
<div class="field<?cs if:Form.lang.error ?> invalid<?cs /if ?>">
<label for="f-lang"><?cs var:L.admin.user.lang ?></label>
<select<?cs call:field_attrs("lang", 1) ?>>
<option value="zh-CN" lang="zh-CN"<?cs if:Form.lang == "zh-CN" ?> selected<?cs /if ?>>中文</option>
<option value="en" lang="en"<?cs if:Form.lang == "en" ?> selected<?cs /if ?>>English</option>
</select>
<?cs call:field_error("lang") ?>
</div>
<?cs call:field_checks("roles", L.admin.user.roles, "role") ?>
