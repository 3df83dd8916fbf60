<?cs # The active custom fields (Custom.N, lib/custom_field.h) of a form, after the built-in ones. ?>
<?cs def:cf_label(f) ?><?cs var:f.label ?><?cs if:f.required ?> <abbr title="<?cs var:L.form.required_mark ?>">*</abbr><?cs /if ?><?cs /def ?>
<?cs def:cf_described(f) ?><?cs if:f.help || Form[f.name].error ?> aria-describedby="<?cs if:f.help ?><?cs var:f.name ?>-help<?cs /if ?><?cs if:f.help && Form[f.name].error ?> <?cs /if ?><?cs if:Form[f.name].error ?><?cs var:f.name ?>-error<?cs /if ?>"<?cs /if ?><?cs if:Form[f.name].error ?> aria-invalid="true"<?cs /if ?><?cs /def ?>
<?cs def:cf_attrs(f) ?> id="f-<?cs var:f.name ?>" name="<?cs var:f.name ?>"<?cs if:f.required ?> required<?cs /if ?><?cs call:cf_described(f) ?><?cs /def ?>
<?cs def:cf_help(f) ?><?cs if:f.help ?><p class="hint" id="<?cs var:f.name ?>-help"><?cs var:f.help ?></p><?cs /if ?><?cs /def ?>
<?cs if:subcount(Custom) ?>
<fieldset>
<legend><?cs var:L.customer.custom ?></legend>
<?cs each:f = Custom ?>
<?cs if:!f.edit ?>
<div class="field"><span class="label"><?cs var:f.label ?></span> <span class="value"><?cs var:f.shown ?></span></div>
<?cs elif:f.type == "multi" ?>
<fieldset class="field<?cs if:Form[f.name].error ?> invalid<?cs /if ?>"<?cs call:cf_described(f) ?>>
<legend><?cs call:cf_label(f) ?></legend>
<?cs each:o = ChoiceList[f.list] ?><label class="check"><input type="checkbox" name="<?cs var:f.name ?>" value="<?cs var:o.code ?>"<?cs if:Form[f.name][o.code] ?> checked<?cs /if ?>> <?cs var:o.label ?></label>
<?cs /each ?>
<?cs call:cf_help(f) ?>
<?cs call:field_error(f.name) ?>
</fieldset>
<?cs else ?>
<div class="field<?cs if:Form[f.name].error ?> invalid<?cs /if ?>">
<label for="f-<?cs var:f.name ?>"><?cs call:cf_label(f) ?></label>
<?cs if:f.type == "longtext" ?>
<textarea rows="4"<?cs call:cf_attrs(f) ?>><?cs var:Form[f.name] ?></textarea>
<?cs elif:f.type == "choice" ?>
<select<?cs call:cf_attrs(f) ?>>
<option value=""><?cs var:L.form.choose ?></option>
<?cs each:o = ChoiceList[f.list] ?><option value="<?cs var:o.code ?>"<?cs if:Form[f.name] == o.code ?> selected<?cs /if ?>><?cs var:o.label ?></option>
<?cs /each ?></select>
<?cs elif:f.type == "date" ?>
<input type="date"<?cs call:cf_attrs(f) ?> value="<?cs var:Form[f.name] ?>">
<?cs elif:f.type == "number" ?>
<input type="text" inputmode="decimal"<?cs call:cf_attrs(f) ?> value="<?cs var:Form[f.name] ?>">
<?cs else ?>
<input type="text" autocomplete="off"<?cs call:cf_attrs(f) ?> value="<?cs var:Form[f.name] ?>">
<?cs /if ?>
<?cs call:cf_help(f) ?>
<?cs call:field_error(f.name) ?>
</div>
<?cs /if ?>
<?cs /each ?>
</fieldset>
<?cs /if ?>
