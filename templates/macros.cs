<?cs # Form fields: label, control, the user's input kept, the error beside it. ?>
<?cs def:field_error(n) ?><?cs if:Form[n].error ?> <span class="field-error" id="<?cs var:n ?>-error"><?cs var:Form[n].error ?></span><?cs /if ?><?cs /def ?>
<?cs def:field_attrs(n, required) ?> id="f-<?cs var:n ?>" name="<?cs var:n ?>"<?cs if:required ?> required<?cs /if ?><?cs if:Form[n].error ?> aria-invalid="true" aria-describedby="<?cs var:n ?>-error"<?cs /if ?><?cs /def ?>

<?cs # A field the user may see but not change (lib/fieldsec.h); one they
     may not see (Hidden) is left out of the form altogether. ?>
<?cs def:field_shown(n, label) ?>
<p class="field readonly"><span class="label"><?cs var:label ?></span> <span id="f-<?cs var:n ?>"><?cs var:Shown[n] ?></span></p>
<?cs /def ?>

<?cs # autocomplete tells browsers and password managers the purpose (WCAG 1.3.5). ?>
<?cs def:field_input_ac(n, label, type, required, autocomplete) ?><?cs if:ReadOnly[n] ?><?cs call:field_shown(n, label) ?><?cs elif:!Hidden[n] ?>
<div class="field<?cs if:Form[n].error ?> invalid<?cs /if ?>">
<label for="f-<?cs var:n ?>"><?cs var:label ?><?cs if:required ?> <abbr title="<?cs var:L.form.required_mark ?>">*</abbr><?cs /if ?></label>
<input type="<?cs var:type ?>"<?cs call:field_attrs(n, required) ?><?cs if:autocomplete ?> autocomplete="<?cs var:autocomplete ?>"<?cs /if ?> value="<?cs if:type != "password" ?><?cs var:Form[n] ?><?cs /if ?>">
<?cs call:field_error(n) ?>
</div>
<?cs /if ?><?cs /def ?>

<?cs def:field_input(n, label, type, required) ?><?cs call:field_input_ac(n, label, type, required, "") ?><?cs /def ?>

<?cs def:field_textarea(n, label, required) ?><?cs if:ReadOnly[n] ?><?cs call:field_shown(n, label) ?><?cs elif:!Hidden[n] ?>
<div class="field<?cs if:Form[n].error ?> invalid<?cs /if ?>">
<label for="f-<?cs var:n ?>"><?cs var:label ?><?cs if:required ?> <abbr title="<?cs var:L.form.required_mark ?>">*</abbr><?cs /if ?></label>
<textarea rows="4"<?cs call:field_attrs(n, required) ?>><?cs var:Form[n] ?></textarea>
<?cs call:field_error(n) ?>
</div>
<?cs /if ?><?cs /def ?>

<?cs def:field_select(n, label, list, required) ?><?cs if:ReadOnly[n] ?><?cs call:field_shown(n, label) ?><?cs elif:!Hidden[n] ?>
<div class="field<?cs if:Form[n].error ?> invalid<?cs /if ?>">
<label for="f-<?cs var:n ?>"><?cs var:label ?><?cs if:required ?> <abbr title="<?cs var:L.form.required_mark ?>">*</abbr><?cs /if ?></label>
<select<?cs call:field_attrs(n, required) ?>>
<option value=""><?cs var:L.form.choose ?></option>
<?cs each:o = ChoiceList[list] ?><option value="<?cs var:o.code ?>"<?cs if:Form[n] == o.code ?> selected<?cs /if ?>><?cs var:o.label ?></option>
<?cs /each ?></select>
<?cs call:field_error(n) ?>
</div>
<?cs /if ?><?cs /def ?>

<?cs def:field_checks(n, label, list) ?><?cs if:ReadOnly[n] ?><?cs call:field_shown(n, label) ?><?cs elif:!Hidden[n] ?>
<fieldset class="field<?cs if:Form[n].error ?> invalid<?cs /if ?>">
<legend><?cs var:label ?></legend>
<?cs each:o = ChoiceList[list] ?><label class="check"><input type="checkbox" name="<?cs var:n ?>" value="<?cs var:o.code ?>"<?cs if:Form[n][o.code] ?> checked<?cs /if ?>> <?cs var:o.label ?></label>
<?cs /each ?>
<?cs call:field_error(n) ?>
</fieldset>
<?cs /if ?><?cs /def ?>

<?cs def:csrf() ?><input type="hidden" name="csrf" value="<?cs var:CSRF ?>"><?cs /def ?>
<?cs # The owner of a new or edited record, for users who may assign one (Owners). ?>
<?cs def:owner_select(label) ?><?cs if:Can.assign ?>
<div class="field<?cs if:Form.owner.error ?> invalid<?cs /if ?>">
<label for="f-owner"><?cs var:label ?></label>
<select id="f-owner" name="owner">
<?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:Form.owner == o.id ?> selected<?cs /if ?>><?cs var:o.name ?></option>
<?cs /each ?></select>
<?cs call:field_error("owner") ?>
</div>
<?cs /if ?><?cs /def ?>

<?cs # A record's way through approval (contracts, quotes): the submit form
     (Can.submit), the decision form (Can.decide: approve, or refuse with a
     comment), why the user waits (Can.own_submission, Can.waiting) and the
     history, newest first (Approvals: at, user, decision, comment). base is
     the record's path, labels its branch of L, refuse the decision that
     sends it back. ?>
<?cs def:approval_section(base, labels, refuse) ?>
<section id="approval" aria-labelledby="approval-h" class="card">
<h2 id="approval-h"><?cs var:labels.approvals ?></h2>
<?cs if:Can.submit == 1 ?>
<form method="post" action="<?cs var:base ?>/submit" class="subform">
<p class="hint"><?cs var:labels.submit_hint ?></p>
<?cs call:csrf() ?>
<button type="submit"><?cs var:labels.submit ?></button>
</form>
<?cs /if ?>
<?cs if:Can.decide == 1 ?>
<form method="post" action="<?cs var:base ?>/decision" class="subform" novalidate>
<h3><?cs var:labels.decision_title ?></h3>
<p class="hint"><?cs var:labels.decision_hint ?></p>
<?cs call:csrf() ?>
<?cs call:field_textarea("comment", labels.comment, 0) ?>
<button type="submit" name="decision" value="approve"><?cs var:labels.approve ?></button>
<button type="submit" name="decision" value="<?cs var:refuse ?>"><?cs var:labels[refuse] ?></button>
</form>
<?cs elif:Can.own_submission == 1 ?><p class="hint" id="own-submission"><?cs var:labels.own_submission ?></p>
<?cs elif:Can.waiting == 1 ?><p class="hint" id="waiting"><?cs var:labels.waiting ?></p>
<?cs /if ?>
<?cs if:subcount(Approvals) > 0 ?>
<ol class="timeline">
<?cs each:a = Approvals ?><li>
<p class="meta"><?cs var:a.at ?> · <?cs var:a.user ?></p>
<p class="content"><?cs var:labels.decisions[a.decision] ?></p>
<?cs if:a.comment ?><p class="content pre"><?cs var:a.comment ?></p><?cs /if ?>
</li>
<?cs /each ?></ol>
<?cs else ?><p><?cs var:labels.no_approvals ?></p><?cs /if ?>
</section>
<?cs /def ?>
