<?cs # The customer's own fields, shared by the create and the edit form. ?>
<fieldset>
<legend><?cs var:L.customer.basic ?></legend>
<?cs call:field_input("name", L.customer.name, "text", 1) ?>
<?cs call:field_select("industry", L.customer.industry, "industry", 1) ?>
<?cs call:field_select("grade", L.customer.grade, "grade", 1) ?>
<?cs call:field_input("address", L.customer.address, "text", 0) ?>
<?cs if:Can.assign ?>
<div class="field<?cs if:Form.owner.error ?> invalid<?cs /if ?>">
<label for="f-owner"><?cs var:L.customer.owner ?></label>
<select id="f-owner" name="owner">
<?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:Form.owner == o.id ?> selected<?cs /if ?>><?cs var:o.name ?></option>
<?cs /each ?></select>
<?cs call:field_error("owner") ?>
</div>
<?cs /if ?>
</fieldset>
<fieldset>
<legend><?cs var:L.customer.needs ?></legend>
<?cs call:field_checks("products", L.customer.products, "product") ?>
<?cs call:field_select("budget", L.customer.budget, "budget", 0) ?>
<?cs call:field_input("purchase_date", L.customer.purchase_date, "date", 0) ?>
<?cs call:field_select("satisfaction", L.customer.satisfaction, "satisfaction", 0) ?>
</fieldset>
<?cs include:"customers/custom_fields.cs" ?>
