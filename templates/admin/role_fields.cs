<?cs # The fields of a new role, shared by the create and copy forms. ?>
<?cs call:field_input_ac("code", L.admin.role.code, "text", 1, "off") ?>
<p class="hint"><?cs var:L.admin.role.code_hint ?></p>
<?cs call:field_input_ac("name_en", L.admin.role.name_en, "text", 1, "off") ?>
<?cs call:field_input_ac("name_zh", L.admin.role.name_zh, "text", 1, "off") ?>
