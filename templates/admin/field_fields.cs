<?cs # What an edit of a custom field may change: labels, rules, help. ?>
<?cs call:field_input_ac("label_en", L.admin.field.label_en, "text", 1, "off") ?>
<?cs call:field_input_ac("label_zh", L.admin.field.label_zh, "text", 1, "off") ?>
<div class="field<?cs if:Form.required.error ?> invalid<?cs /if ?>">
<label class="check"><input type="checkbox" id="f-required" name="required" value="1"<?cs if:Form.required == "1" ?> checked<?cs /if ?>> <?cs var:L.admin.field.required_box ?></label>
<?cs call:field_error("required") ?>
</div>
<fieldset>
<legend><?cs var:L.admin.field.rule ?></legend>
<p class="hint"><?cs var:L.admin.field.pattern_hint ?></p>
<?cs call:field_input_ac("pattern", L.admin.field.pattern, "text", 0, "off") ?>
<?cs call:field_input_ac("pattern_msg_en", L.admin.field.pattern_msg_en, "text", 0, "off") ?>
<?cs call:field_input_ac("pattern_msg_zh", L.admin.field.pattern_msg_zh, "text", 0, "off") ?>
</fieldset>
<?cs call:field_input_ac("help_en", L.admin.field.help_en, "text", 0, "off") ?>
<?cs call:field_input_ac("help_zh", L.admin.field.help_zh, "text", 0, "off") ?>
