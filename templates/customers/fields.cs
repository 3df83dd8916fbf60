<?cs # The customer's own fields, shared by the create and the edit form. ?>
<fieldset>
<legend><?cs var:L.customer.basic ?></legend>
<?cs call:field_input("name", L.customer.name, "text", 1) ?>
<?cs call:field_select("industry", L.customer.industry, "industry", 1) ?>
<?cs call:field_select("grade", L.customer.grade, "grade", 1) ?>
<?cs call:field_input("address", L.customer.address, "text", 0) ?>
<?cs call:owner_select(L.customer.owner) ?>
</fieldset>
<fieldset>
<legend><?cs var:L.customer.needs ?></legend>
<?cs call:field_checks("products", L.customer.products, "product") ?>
<?cs call:field_select("budget", L.customer.budget, "budget", 0) ?>
<?cs call:field_input("purchase_date", L.customer.purchase_date, "date", 0) ?>
<?cs call:field_select("satisfaction", L.customer.satisfaction, "satisfaction", 0) ?>
</fieldset>
<?cs include:"customers/custom_fields.cs" ?>
