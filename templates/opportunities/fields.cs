<?cs # The fields both the create and the edit form have. ?>
<fieldset>
<legend><?cs var:L.opp.basic ?></legend>
<?cs call:field_input("name", L.opp.name, "text", 1) ?>
<?cs call:field_input("amount", L.opp.amount, "text", 1) ?>
<?cs call:field_input("expected_close", L.opp.expected_close, "date", 1) ?>
<?cs call:field_select("lead_source", L.opp.lead_source, "lead_source", 1) ?>
<?cs call:field_input("lead_date", L.opp.lead_date, "date", 1) ?>
<?cs call:owner_select(L.opp.owner) ?>
</fieldset>
<fieldset>
<legend><?cs var:L.opp.analysis ?></legend>
<?cs call:field_textarea("competitors", L.opp.competitors, 0) ?>
<?cs call:field_textarea("advantages", L.opp.advantages, 0) ?>
<?cs call:field_textarea("risks", L.opp.risks, 0) ?>
</fieldset>
